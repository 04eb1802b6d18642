// Runs a scenario's trials on worker threads over contiguous trial ranges and reassembles the
// results in trial order, so output is bit-identical for any worker count.
import { Worker } from "node:worker_threads";
import { type OptionSpec, prepareRun, runTrials } from "../engine/run.ts";
import { newTrialResults, placeResults, type TrialResults } from "../engine/simulate.ts";
import { InterruptedError } from "../errors.ts";
import type { Scenario } from "../scenario/schema.ts";

export interface WorkerTask {
  scenario: Scenario;
  options: OptionSpec[];
  seed: number;
  first: number;
  count: number;
  chunk: number;
  /** the run's result arrays, backed by SharedArrayBuffers: the worker writes its rows in place */
  results: TrialResults[];
}

export interface ParallelRunOptions {
  trials: number;
  seed: number;
  options: OptionSpec[];
  /** worker threads; 1 runs in this thread */
  workers?: number;
  /** first trial index (default 0): batches of a longer run continue the same trial sequence */
  firstTrial?: number;
  /** called with the number of trials just finished */
  onProgress?: (done: number) => void;
  signal?: AbortSignal;
}

/** Trials per progress report and per cancellation check. */
const CHUNK = 500;

/** Runs the trials and returns one TrialResults per option, rows in trial order. */
export async function runParallel(scenario: Scenario, opts: ParallelRunOptions): Promise<{
  results: TrialResults[];
  scoredGoods: string[];
}> {
  const first = opts.firstTrial ?? 0;
  const workers = Math.max(1, Math.min(opts.workers ?? 1, Math.ceil(opts.trials / CHUNK)));
  // compiled here too: input errors surface before any thread starts, and give the goods order
  const prepared = prepareRun(scenario, { options: opts.options, seed: opts.seed });
  const nScored = prepared.scoredGoods.length;
  const results = prepared.options.map(() => newTrialResults(first, opts.trials, nScored, workers > 1));
  if (workers === 1) {
    for (let done = 0; done < opts.trials; ) {
      if (opts.signal?.aborted) throw new InterruptedError();
      const n = Math.min(CHUNK, opts.trials - done);
      const part = runTrials(prepared, first + done, n);
      part.forEach((p, o) => placeResults(results[o]!, p));
      done += n;
      opts.onProgress?.(n);
      // let signals and progress drawing through between chunks
      await new Promise((resolve) => setImmediate(resolve));
    }
    return { results, scoredGoods: prepared.scoredGoods };
  }
  const per = Math.ceil(opts.trials / workers);
  const threads: Worker[] = [];
  const jobs: Promise<void>[] = [];
  for (let w = 0; w < workers; w++) {
    const start = w * per;
    const count = Math.min(per, opts.trials - start);
    if (count <= 0) break;
    const task: WorkerTask = {
      scenario,
      options: opts.options,
      seed: opts.seed,
      first: first + start,
      count,
      chunk: CHUNK,
      results,
    };
    const worker = new Worker(new URL("./trial-worker-boot.mjs", import.meta.url), { workerData: task });
    threads.push(worker);
    jobs.push(
      new Promise<void>((resolve, reject) => {
        worker.on("message", (msg: { type: "progress"; done: number } | { type: "done" }) => {
          if (msg.type === "progress") opts.onProgress?.(msg.done);
          else resolve();
        });
        worker.on("error", reject);
        worker.on("exit", (code) => {
          if (code !== 0) reject(new InterruptedError(`worker stopped (exit ${code})`));
        });
      }),
    );
  }
  const abort = () => {
    for (const t of threads) void t.terminate();
  };
  opts.signal?.addEventListener("abort", abort, { once: true });
  try {
    await Promise.all(jobs);
  } catch (err) {
    abort();
    if (opts.signal?.aborted) throw new InterruptedError();
    throw err;
  } finally {
    opts.signal?.removeEventListener("abort", abort);
  }
  if (opts.signal?.aborted) throw new InterruptedError();
  return { results, scoredGoods: prepared.scoredGoods };
}
