// Parsers for numeric and enumerated command-line options (bad values are usage errors), and the
// flags every trial-running command shares, turned into the app's RunSpec.
import type { Command } from "commander";
import type { RunSpec } from "../app/spec.ts";
import { UsageError } from "../errors.ts";
import type { Io } from "../io/streams.ts";
import { startProgress } from "./progress.ts";

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

export function fraction(name: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`${name} must be a number from 0 to 1, got '${value}'`);
    return n;
  };
}

/** `--format` help: the choices of a format table, in words. */
export function formatHelp(names: readonly string[], extra = ""): string {
  return `${names.slice(0, -1).join(", ")} or ${names.at(-1)}${extra}`;
}

export function oneOf<T extends string>(name: string, values: readonly T[]): (value: string) => T {
  return (value) => {
    if (!(values as readonly string[]).includes(value)) {
      throw new UsageError(`${name} must be one of ${values.join(", ")}, got '${value}'`);
    }
    return value as T;
  };
}

export function workersOption(value: string): number | "auto" {
  if (value === "auto") return "auto";
  return positiveInt("--workers")(value);
}

export const OUT_HELP = "write the result to a file (written whole, atomically) instead of stdout";

/** The options every trial-running command shares: --trials, --seed, --workers. */
export function addTrialOptions(command: Command): Command {
  return command
    .option("-n, --trials <n>", "number of trials (default: the scenario's `trials`)", positiveInt("--trials"))
    .option("-s, --seed <s>", "random seed (default: the scenario's `seed`)", nonNegativeInt("--seed"))
    .option("-w, --workers <k|auto>", "worker threads; results are identical for any count (default: auto)", workersOption);
}

export interface TrialFlags {
  trials?: number;
  seed?: number;
  workers?: number | "auto";
}

/** The run as the flags ask for it (unset flags stay unset: the app fills the defaults), with the CLI's progress, log and Ctrl-C. */
export function runSpecOf(flags: TrialFlags, io: Io): RunSpec {
  return {
    ...(flags.trials === undefined ? {} : { trials: flags.trials }),
    ...(flags.seed === undefined ? {} : { seed: flags.seed }),
    ...(flags.workers === undefined ? {} : { workers: flags.workers }),
    ...(io.signal === undefined ? {} : { signal: io.signal }),
    progress: startProgress(io),
    log: (line) => io.stderr.write(`${line}\n`),
  };
}
