// Parsers for command-line options (a bad value is a usage error labelled `option --name`), the
// flags every trial-running command shares turned into the app's RunSpec, and small generic flag
// helpers any command can reuse: a list option (repeated flag or comma list, never swallowing the
// positionals), `-o, --out`, the run-size limits, and checks between flags.
import { type Command, Option } from "commander";
import type { RunSpec } from "../app/spec.ts";
import { UsageError } from "../errors.ts";
import { MAX_WHOLE } from "../kinds/bounds.ts";
import { DEFAULT_LIMITS, type Limits } from "../io/limits.ts";
import type { Io } from "../io/streams.ts";
import { type ProgressMode, startProgress } from "./progress.ts";

/** A usage error about one flag: `option --trials: must be a whole number ≥ 1, got 'x'`. */
export function flagError(name: string, sentence: string): UsageError {
  return new UsageError(`option ${name}: ${sentence}`);
}


function wholeNumber(name: string, min: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n) || !Number.isInteger(n) || n < min) {
      throw flagError(name, `must be a whole number ≥ ${min}, got '${value}'`);
    }
    if (n > MAX_WHOLE) throw flagError(name, `must be at most ${MAX_WHOLE} (2^53 − 1, the largest whole number held exactly), got '${value}'`);
    return n;
  };
}

export function positiveInt(name: string): (value: string) => number {
  return wholeNumber(name, 1);
}

export function nonNegativeInt(name: string): (value: string) => number {
  return wholeNumber(name, 0);
}

export function positiveNumber(name: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n) || n <= 0) throw flagError(name, `must be a number > 0, got '${value}'`);
    return n;
  };
}

export function fraction(name: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0 || n > 1) throw flagError(name, `must be a number from 0 to 1, got '${value}'`);
    return n;
  };
}

/** `--format` help: the choices of a format table, in words. */
export function formatHelp(names: readonly string[], extra = ""): string {
  return `${names.slice(0, -1).join(", ")} or ${names.at(-1)}${extra}`;
}

/** The formats that write one tidy table (`--table` picks which). */
export const TIDY_FORMATS: readonly string[] = ["csv", "jsonl"];

/** `--table NAME` (one of `tables`): which tidy table `--format csv|jsonl` writes; `help` says what each holds. */
export function addTableOption(command: Command, tables: readonly string[], help: string): Command {
  return command.option("--table <name>", `with --format csv or jsonl: ${help}`, oneOf("--table", tables));
}

/** `--table` with a format that holds every table (or none) is a usage error. */
export function checkTable(flags: { table?: string; format: string }): void {
  if (flags.table !== undefined && !TIDY_FORMATS.includes(flags.format)) {
    throw flagError("--table", `needs --format csv or jsonl (--format ${flags.format} writes no single table)`);
  }
}

export function oneOf<T extends string>(name: string, values: readonly T[]): (value: string) => T {
  return (value) => {
    if (!(values as readonly string[]).includes(value)) {
      throw flagError(name, `must be one of ${values.join(", ")}, got '${value}'`);
    }
    return value as T;
  };
}

export function workersOption(value: string): number | "auto" {
  if (value === "auto") return "auto";
  return positiveInt("--workers")(value);
}

/**
 * A list flag: `--option a --option b` or `--option a,b` (or both). It takes exactly one value
 * each time, so it never swallows the positional arguments after it.
 */
export function listOf(name: string): (value: string, previous?: string[]) => string[] {
  return (value, previous) => {
    const items = value.split(",").map((s) => s.trim());
    if (items.some((s) => s === "")) throw flagError(name, `takes ids separated by commas, got '${value}'`);
    return [...(previous ?? []), ...items];
  };
}

export const OUT_HELP = "write the result to this file (written whole, atomically) instead of stdout";

/** `-o, --out <file>`: the same flag on every command. */
export function addOutOption(command: Command, help: string = OUT_HELP): Command {
  return command.option("-o, --out <file>", help);
}

/** The options every trial-running command shares: --trials, --seed, --workers and the limits. */
export function addTrialOptions(command: Command): Command {
  command
    .option("-n, --trials <n>", "number of trials (default: the scenario's `trials`)", positiveInt("--trials"))
    .option("-s, --seed <s>", "random seed, 0 to 2^53 − 1 (default: the scenario's `seed`)", nonNegativeInt("--seed"))
    .option("-w, --workers <k|auto>", "worker threads; results are identical for any count (default: auto)", workersOption);
  return addProgressOptions(addLimitOptions(command));
}

/** A command over one input file that runs trials: its name, what it does, its file, and the shared trial options. */
export function trialCommand(program: Command, name: string, description: string, file: string): Command {
  return addTrialOptions(program.command(name).description(description).argument("<file>", file));
}

/** --progress / --no-progress: a bar on a terminal by default; lines for batch logs on request. */
export function addProgressOptions(command: Command): Command {
  return command
    .addOption(new Option("--progress", "progress on stderr even off a terminal: a line per tenth of the trials (for batch logs)"))
    .addOption(new Option("--no-progress", "no progress display, not even on a terminal"));
}

/** --max-horizon, --max-work, --max-memory: raise the size limits a run is refused beyond. */
export function addLimitOptions(command: Command): Command {
  return command
    .option("--max-horizon <periods>", `refuse a scenario with a longer horizon (default ${DEFAULT_LIMITS.horizon})`, positiveInt("--max-horizon"))
    .option("--max-work <units>", `refuse a run of more trial-periods × network size (default ${DEFAULT_LIMITS.work.toExponential()}, about a minute)`, positiveInt("--max-work"))
    .option("--max-memory <MB>", `refuse a run whose results need more memory (default ${DEFAULT_LIMITS.memoryMB} MB)`, positiveInt("--max-memory"));
}

export interface LimitFlags {
  maxHorizon?: number;
  maxWork?: number;
  maxMemory?: number;
}

export interface TrialFlags extends LimitFlags {
  trials?: number;
  seed?: number;
  workers?: number | "auto";
  progress?: ProgressMode;
}

/** The limits the flags raise or lower; the rest stay at their defaults. */
export function limitsOf(flags: LimitFlags): Partial<Limits> {
  return {
    ...(flags.maxHorizon === undefined ? {} : { horizon: flags.maxHorizon }),
    ...(flags.maxWork === undefined ? {} : { work: flags.maxWork }),
    ...(flags.maxMemory === undefined ? {} : { memoryMB: flags.maxMemory }),
  };
}

/** The run as the flags ask for it (unset flags stay unset: the app fills the defaults), with the CLI's progress, log and Ctrl-C. */
export function runSpecOf(flags: TrialFlags, io: Io): RunSpec {
  return {
    ...(flags.trials === undefined ? {} : { trials: flags.trials }),
    ...(flags.seed === undefined ? {} : { seed: flags.seed }),
    ...(flags.workers === undefined ? {} : { workers: flags.workers }),
    ...(io.signal === undefined ? {} : { signal: io.signal }),
    limits: limitsOf(flags),
    progress: startProgress(io, flags.progress),
    log: (line) => io.stderr.write(`${line}\n`),
  };
}

/** `option --max-trials: only means something with --precision` when `flag` is set without `needed`. */
export function requireWith(flags: object, flag: string, needed: string, why: string): void {
  const has = (name: string) => (flags as Record<string, unknown>)[camel(name)] !== undefined;
  if (has(flag) && !has(needed)) throw flagError(flag, `needs ${needed}: ${why}`);
}

/** Ids named by a flag that the file does not define: a usage error naming the flag and the valid ids. */
export function checkIds(name: string, given: readonly string[] | undefined, known: readonly string[], noun: string): void {
  const unknown = (given ?? []).filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    throw flagError(name, `unknown ${noun} ${unknown.map((id) => `'${id}'`).join(", ")}; valid: ${known.join(", ")}`);
  }
}

function camel(flag: string): string {
  return flag.replace(/^--/, "").replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
