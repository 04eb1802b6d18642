// Runs the points of a sweep, in this thread or on a pool of long-lived worker threads, and hands
// each point's per-trial results back in point order as soon as it and every earlier point are
// done. Trial i of every point uses the same seed stream (common random numbers across points),
// so a point's results do not depend on the worker count or on which worker ran which trials.
import { Worker } from "node:worker_threads";
import { type OptionSpec, prepareRun } from "../engine/run.ts";
import { newTrialResults, placeResults, type TrialResults } from "../engine/simulate.ts";
import { InterruptedError } from "../errors.ts";
import type { Scenario } from "../scenario/schema.ts";
import { runParallel } from "./parallel.ts";

/** One range of trials of one point, as sent to a worker. */
export interface PoolJob {
  /** The point id: a worker keeps the last point's compiled networks. */
  key: number;
  scenario: Scenario;
  options: OptionSpec[];
  seed: number;
  first: number;
  count: number;
  chunk: number;
}

/** A point ready to run: its scenario and the options scored at it. */
export interface PointTask {
  id: number;
  scenario: Scenario;
  options: OptionSpec[];
}

export interface RunPointsOptions {
  trials: number;
  seed: number;
  workers: number;
  /** called with the number of trials just finished */
  onProgress?: (done: number) => void;
  signal?: AbortSignal;
}

export type PointDone = (task: PointTask, results: TrialResults[], scoredGoods: string[]) => void | Promise<void>;

/** Trials per progress report and per cancellation check, as in parallel.ts. */
const CHUNK = 500;

/**
 * Runs every point (`taskOf(id)` for each id, in order) and calls `onPoint` in that order. With
 * several workers, a point's trials are split into ranges of at least CHUNK trials and points
 * overlap, so small and large sweeps both keep every worker busy.
 */
export async function runPoints(ids: readonly number[], taskOf: (id: number) => PointTask, opts: RunPointsOptions, onPoint: PointDone): Promise<void> {
  if (opts.workers <= 1 || ids.length === 0) {
    for (const id of ids) {
      if (opts.signal?.aborted) throw new InterruptedError();
      const task = taskOf(id);
      const { results, scoredGoods } = await runParallel(task.scenario, {
        trials: opts.trials,
        seed: opts.seed,
        options: task.options,
        workers: 1,
        ...(opts.onProgress === undefined ? {} : { onProgress: opts.onProgress }),
        ...(opts.signal === undefined ? {} : { signal: opts.signal }),
      });
      await onPoint(task, results, scoredGoods);
    }
    return;
  }
  await runOnPool(ids, taskOf, opts, onPoint);
}

interface PointState {
  task: PointTask;
  scoredGoods: string[];
  results: TrialResults[];
  pending: number;
}

async function runOnPool(ids: readonly number[], taskOf: (id: number) => PointTask, opts: RunPointsOptions, onPoint: PointDone): Promise<void> {
  const nWorkers = opts.workers;
  const per = Math.max(CHUNK, Math.ceil(opts.trials / nWorkers));
  // points started but not yet handed back; a slow early point must not let memory grow unbounded
  const lookahead = 2 * nWorkers;
  const states = new Map<number, PointState>();
  let nextPoint = 0; // position in ids of the next point to start
  let nextRange = 0; // first trial of the next range of that point
  let nextEmit = 0; // position in ids of the next point to hand back
  const threads: Worker[] = [];
  if (opts.signal?.aborted) throw new InterruptedError();

  return new Promise<void>((resolve, reject) => {
    // set once the promise is settled: later events (workers exiting on terminate) are ignored
    let failed = false;
    let emitting: Promise<void> = Promise.resolve();
    const settle = (): void => {
      failed = true;
      opts.signal?.removeEventListener("abort", onAbort);
      for (const t of threads) void t.terminate();
    };
    const fail = (err: unknown): void => {
      if (failed) return;
      settle();
      reject(opts.signal?.aborted ? new InterruptedError() : err);
    };
    const onAbort = (): void => fail(new InterruptedError());
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    const finish = (): void => {
      if (failed) return;
      settle();
      resolve();
    };

    const nextJob = (): { state: PointState; job: PoolJob } | undefined => {
      if (nextPoint >= ids.length || nextPoint >= nextEmit + lookahead) return undefined;
      const id = ids[nextPoint]!;
      let state = states.get(id);
      if (state === undefined) {
        const task = taskOf(id);
        // compiled here too: gives the goods order, and input errors surface in this thread
        const prepared = prepareRun(task.scenario, { options: task.options, seed: opts.seed });
        const nScored = prepared.scoredGoods.length;
        state = {
          task,
          scoredGoods: prepared.scoredGoods,
          results: task.options.map(() => newTrialResults(0, opts.trials, nScored)),
          pending: Math.ceil(opts.trials / per),
        };
        states.set(id, state);
      }
      const first = nextRange;
      const count = Math.min(per, opts.trials - first);
      nextRange += count;
      if (nextRange >= opts.trials) {
        nextPoint++;
        nextRange = 0;
      }
      return { state, job: { key: id, scenario: state.task.scenario, options: state.task.options, seed: opts.seed, first, count, chunk: CHUNK } };
    };

    const idle: Worker[] = [];
    const busy = new Map<Worker, PointState>();
    const dispatch = (): void => {
      if (failed) return;
      while (idle.length > 0) {
        let next: ReturnType<typeof nextJob>;
        try {
          next = nextJob();
        } catch (err) {
          fail(err);
          return;
        }
        if (next === undefined) break;
        const worker = idle.pop()!;
        busy.set(worker, next.state);
        worker.postMessage(next.job);
      }
    };

    const emitReady = (): void => {
      emitting = emitting.then(async () => {
        while (!failed && nextEmit < ids.length) {
          const id = ids[nextEmit]!;
          const state = states.get(id);
          if (state === undefined || state.pending > 0) break;
          states.delete(id);
          nextEmit++;
          await onPoint(state.task, state.results, state.scoredGoods);
          dispatch();
        }
        if (!failed && nextEmit >= ids.length) finish();
      });
      emitting.catch(fail);
    };

    const count = Math.min(nWorkers, ids.length * Math.ceil(opts.trials / per));
    for (let w = 0; w < count; w++) {
      const worker = new Worker(new URL("./sweep-worker-boot.mjs", import.meta.url));
      threads.push(worker);
      worker.on("message", (msg: { type: "progress"; done: number } | { type: "done"; results: TrialResults[] }) => {
        if (failed) return;
        if (msg.type === "progress") {
          opts.onProgress?.(msg.done);
          return;
        }
        const state = busy.get(worker)!;
        busy.delete(worker);
        msg.results.forEach((part, o) => placeResults(state.results[o]!, part));
        state.pending--;
        idle.push(worker);
        if (state.pending === 0) emitReady();
        dispatch();
      });
      worker.on("error", fail);
      worker.on("exit", (code) => {
        if (code !== 0 && !failed) fail(new Error(`sweep worker stopped (exit ${code})`));
      });
      idle.push(worker);
    }
    dispatch();
  });
}
