// Runs one range of a task's trials in chunks, in whichever thread holds it (the main thread or a
// pool worker), writing each chunk's rows into the task's result arrays. An exception inside the
// trial loop is replayed trial by trial, then option by option, so the error names the seed,
// trial and option that reproduce it (the fast-check habit) instead of only a stack.
import type { Program } from "../engine/program.ts";
import { type OptionSpec, type PreparedRun, prepareRun, runTrials } from "../engine/run.ts";
import { placeResults, type TrialResults } from "../engine/simulate.ts";
import { TrialError, type TrialPlace } from "../errors.ts";
import type { Scenario } from "../scenario/schema.ts";

/** Most trials per progress report and per cancellation check. */
export const CHUNK = 500;

/** Slices of about `ms` milliseconds instead of whole chunks: the chunk size adapts to the trials' speed. */
export interface Slice {
  ms: number;
  now: () => number;
}

/** Tasks whose programs a pool thread keeps compiled (the oldest is dropped first). */
export const THREAD_CACHED_TASKS = 4;

/** What a thread needs to run a range: the task (scenario, options, seed) and where its rows go. */
export interface RangeJob {
  /** The task's id: a worker keeps the compiled programs of the tasks it has seen under it. */
  key: number;
  scenario: Scenario;
  options: OptionSpec[];
  seed: number;
  first: number;
  count: number;
  /** The task's whole result arrays (shared between threads); this range fills its own rows. */
  results: TrialResults[];
  /** The task's programs, one per option, compiled once on shared memory: a worker compiles none of its own. */
  programs?: readonly Program[];
}

/** The engine's trial loop; a parameter so a test can inject a failure. */
export type TrialRunner = (prepared: PreparedRun, first: number, count: number, observe?: undefined, into?: TrialResults[]) => TrialResults[];

/**
 * Compiles a job's programs (every option at the job's seed; with `shared`, on shared memory for
 * threads to read), or takes the ones it carries.
 */
export function prepareJob(job: Pick<RangeJob, "scenario" | "options" | "seed" | "programs">, shared = false): PreparedRun {
  const { scenario, options, seed, programs } = job;
  return prepareRun(scenario, { options, seed, ...(programs === undefined ? { shared } : { programs }) });
}

/**
 * Runs the job's range chunk by chunk, calling `afterChunk(n)` after each; a thrown trial becomes
 * a {@link TrialError} with its place. With a `slice`, a chunk holds as many trials as fit in
 * `slice.ms` at the speed measured so far (one trial first, at most {@link CHUNK}).
 */
export async function runRange(
  prepared: PreparedRun,
  job: RangeJob,
  afterChunk: (done: number) => void | Promise<void>,
  run: TrialRunner = runTrials,
  slice?: Slice,
): Promise<void> {
  let size = slice === undefined ? CHUNK : 1;
  for (let done = 0; done < job.count; ) {
    const n = Math.min(size, job.count - done);
    const started = slice?.now() ?? 0;
    const from = job.first + done;
    let part: TrialResults[];
    try {
      // rows straight into the job's arrays: no arrays made and copied per chunk
      part = run(prepared, from, n, undefined, job.results);
    } catch (err) {
      throw failureAt(prepared, from, n, err, run);
    }
    if (part !== job.results) part.forEach((p, o) => placeResults(job.results[o]!, p));
    done += n;
    if (slice !== undefined) {
      const perTrial = Math.max(slice.now() - started, 1e-3) / n;
      size = Math.max(1, Math.min(CHUNK, Math.floor(slice.ms / perTrial)));
    }
    await afterChunk(n);
  }
}

/** Replays a failed chunk to find the first failing trial, then the option that fails on it. */
function failureAt(prepared: PreparedRun, first: number, count: number, err: unknown, run: TrialRunner): TrialError {
  const cause = err instanceof Error ? err : new Error(String(err));
  const fails = (p: () => PreparedRun, trial: number): boolean => {
    try {
      run(p(), trial, 1);
      return false;
    } catch {
      return true;
    }
  };
  let trial = first;
  while (trial < first + count - 1 && !fails(() => prepared, trial)) trial++;
  const place: TrialPlace = { seed: prepared.seed, trial };
  const option = prepared.options.find((o, i) => fails(() => prepareRun(prepared.scenario, { options: [o], seed: prepared.seed, programs: [prepared.networks[i]!] }), trial));
  if (option !== undefined) place.option = option.id;
  return new TrialError(place, cause.message, cause.stack);
}
