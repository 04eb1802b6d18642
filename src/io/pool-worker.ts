// A long-lived pool thread: runs the trial ranges the pool sends, writing rows into the task's
// shared result arrays, and keeps the compiled programs of the last few tasks it has seen.
import { parentPort } from "node:worker_threads";
import type { PreparedRun } from "../engine/run.ts";
import { TrialError } from "../errors.ts";
import type { WorkerMessage } from "./pool.ts";
import { prepareJob, type RangeJob, runRange } from "./trial-range.ts";

/** Tasks whose programs stay compiled: a sweep's ranges of neighbouring points interleave. */
const CACHED = 4;
const cache = new Map<number, PreparedRun>();

function programsOf(job: RangeJob): PreparedRun {
  let prepared = cache.get(job.key);
  if (prepared === undefined) {
    prepared = prepareJob(job);
    cache.set(job.key, prepared);
    if (cache.size > CACHED) cache.delete(cache.keys().next().value!);
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
