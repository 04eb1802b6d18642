// A long-lived pool thread: runs the trial ranges the pool sends, writing rows into the task's
// shared result arrays, and keeps the compiled programs of the last few tasks it has seen.
import { parentPort } from "node:worker_threads";
import type { PreparedRun } from "../engine/run.ts";
import { TrialError } from "../errors.ts";
import type { WorkerMessage } from "./pool.ts";
import { prepareJob, type RangeJob, runRange, THREAD_CACHED_TASKS } from "./trial-range.ts";

/**
 * Tasks whose programs stay compiled: a sweep's ranges of neighbouring points interleave. The pool
 * mirrors this cache and sends the scenario and programs only with a task's first range here.
 */
const cache = new Map<number, PreparedRun>();

function programsOf(job: RangeJob): PreparedRun {
  let prepared = cache.get(job.key);
  if (prepared === undefined) {
    if (job.scenario === undefined) throw new Error(`internal: a range of task ${job.key} came without its scenario, and this thread has not kept it`);
    prepared = prepareJob(job);
    cache.set(job.key, prepared);
    if (cache.size > THREAD_CACHED_TASKS) cache.delete(cache.keys().next().value!);
  }
  return prepared;
}

const post = (msg: WorkerMessage): void => parentPort?.postMessage(msg);

parentPort?.on("message", async (job: RangeJob) => {
  try {
    await runRange(programsOf(job), job, (done) => post({ type: "progress", done }));
    post({ type: "done" });
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    const place = err instanceof TrialError ? { place: err.place, message: err.reason } : { message: e.message };
    post({ type: "error", stack: e.stack ?? "", ...place });
  }
});
