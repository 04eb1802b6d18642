// What every use case that runs trials is asked for, and the one place its defaults are filled:
// trials and seed from the scenario file (whose schema holds the file defaults), workers from the
// run's size, options all of the scenario's.
import { availableParallelism } from "node:os";
import { type OptionSpec, optionsOf } from "../engine/run.ts";
import type { Limits } from "../io/limits.ts";
import type { Scenario } from "../scenario/schema.ts";
import { noProgress, type StartProgress } from "./progress.ts";

// the progress display lives in its own light module, which the CLI loads before any command runs
export { noProgress, type Progress, type StartProgress } from "./progress.ts";

/** A run as asked for; every field may be left out. */
export interface RunSpec {
  /** Trials (default: the scenario's `trials`). */
  trials?: number;
  /** Seed of trial streams (default: the scenario's `seed`). */
  seed?: number;
  /** Worker threads, or `auto` (the default): every core for runs of at least 20 000 trials, else 1. */
  workers?: number | "auto";
  /** Ids of the options to score, baseline always (default: all). */
  options?: readonly string[];
  /** First trial index (default 0): trial i is always the same trial. */
  firstTrial?: number;
  /** Stops the run between two trials (InterruptedError). */
  signal?: AbortSignal;
  /** Size limits beyond the defaults (io/limits.ts): a batch beyond them is refused before it runs. */
  limits?: Partial<Limits>;
  /** Progress display (default: none). */
  progress?: StartProgress;
  /** Notes on the way (e.g. the precision loop's steps); default: dropped. */
  log?: (line: string) => void;
  /** Per-period trajectories over the first `trajectory` trials (true = TRAJECTORY_SAMPLE); default: none. */
  trajectory?: boolean | number;
}

/** A run with every default filled. */
export interface ResolvedSpec {
  trials: number;
  seed: number;
  workers: number;
  options: OptionSpec[];
  firstTrial: number;
  signal?: AbortSignal;
  limits: Partial<Limits>;
  progress: StartProgress;
  log: (line: string) => void;
  /** trials traced for trajectories, 0 = none */
  trajectory: number;
}

/** Trials traced for trajectories when a spec asks for them without a count. */
export const TRAJECTORY_SAMPLE = 1000;

/** Runs at least this large repay starting threads under `--workers auto`. */
const AUTO_PARALLEL_TRIALS = 20_000;

/** Fills the defaults of a spec; `maxTrials` caps the trials (and so the automatic worker count). */
export function resolveSpec(scenario: Scenario, spec: RunSpec, maxTrials = Number.POSITIVE_INFINITY): ResolvedSpec {
  const trials = Math.min(spec.trials ?? scenario.trials, maxTrials);
  return {
    trials,
    seed: spec.seed ?? scenario.seed,
    workers: workersFor(spec.workers, trials),
    options: optionsOf(scenario, spec.options),
    firstTrial: spec.firstTrial ?? 0,
    ...(spec.signal === undefined ? {} : { signal: spec.signal }),
    limits: spec.limits ?? {},
    progress: spec.progress ?? (() => noProgress),
    log: spec.log ?? (() => {}),
    trajectory: Math.min(trials, spec.trajectory === true ? TRAJECTORY_SAMPLE : spec.trajectory || 0),
  };
}

/** The worker count for a run of `trials` trials in all. */
export function workersFor(requested: number | "auto" | undefined, trials: number): number {
  if (typeof requested === "number") return requested;
  return trials >= AUTO_PARALLEL_TRIALS ? availableParallelism() : 1;
}
