// A worker thread that runs a contiguous range of trials in chunks, writing each chunk into the
// shared result arrays of the main thread (no copies kept here) and reporting progress.
import { parentPort, workerData } from "node:worker_threads";
import { prepareRun, runTrials } from "../engine/run.ts";
import { placeResults } from "../engine/simulate.ts";
import type { WorkerTask } from "./parallel.ts";

const task = workerData as WorkerTask;
const prepared = prepareRun(task.scenario, { options: task.options, seed: task.seed });
for (let done = 0; done < task.count; ) {
  const n = Math.min(task.chunk, task.count - done);
  const part = runTrials(prepared, task.first + done, n);
  part.forEach((p, o) => placeResults(task.results[o]!, p));
  done += n;
  parentPort?.postMessage({ type: "progress", done: n });
}
parentPort?.postMessage({ type: "done" });
