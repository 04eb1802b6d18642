// Parsers for numeric and enumerated command-line options: bad values are usage errors.
import { availableParallelism } from "node:os";
import type { Command } from "commander";
import { UsageError } from "../errors.ts";

export function positiveInt(name: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} must be a whole number ≥ 1, got '${value}'`);
    return n;
  };
}

export function nonNegativeInt(name: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} must be a whole number ≥ 0, got '${value}'`);
    return n;
  };
}

export function positiveNumber(name: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${name} must be a number > 0, got '${value}'`);
    return n;
  };
}

export function oneOf<T extends string>(name: string, values: readonly T[]): (value: string) => T {
  return (value) => {
    if (!(values as readonly string[]).includes(value)) {
      throw new UsageError(`${name} must be one of ${values.join(", ")}, got '${value}'`);
    }
    return value as T;
  };
}

/** `--workers auto`: every core for runs large enough to repay starting threads. */
export function workersFor(requested: number | "auto" | undefined, trials: number): number {
  if (typeof requested === "number") return requested;
  return trials >= 20_000 ? availableParallelism() : 1;
}

export function workersOption(value: string): number | "auto" {
  if (value === "auto") return "auto";
  return positiveInt("--workers")(value);
}

export const FORMATS = ["table", "json", "csv"] as const;
export type Format = (typeof FORMATS)[number];

/** The options every trial-running command shares: --trials, --seed, --workers. */
export function addTrialOptions(command: Command): Command {
  return command
    .option("-n, --trials <n>", "number of trials (default: the scenario's `trials`)", positiveInt("--trials"))
    .option("-s, --seed <s>", "random seed (default: the scenario's `seed`)", nonNegativeInt("--seed"))
    .option("-w, --workers <k|auto>", "worker threads; results are identical for any count (default: auto)", workersOption);
}
