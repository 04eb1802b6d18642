// A worker thread that runs a contiguous range of trials in chunks, reporting progress.
import { parentPort, workerData } from "node:worker_threads";
import { prepareRun, runTrials } from "../engine/run.ts";
import { newTrialResults, placeResults, type TrialResults } from "../engine/simulate.ts";
import type { WorkerTask } from "./parallel.ts";

const task = workerData as WorkerTask;
const prepared = prepareRun(task.scenario, { options: task.options, seed: task.seed });
const parts: TrialResults[][] = [];
for (let done = 0; done < task.count; ) {
  const n = Math.min(task.chunk, task.count - done);
  parts.push(runTrials(prepared, task.first + done, n));
  done += n;
  parentPort?.postMessage({ type: "progress", done: n });
}
const nScored = prepared.scoredGoods.length;
const merged = prepared.options.map((_, o) => {
  const all = newTrialResults(task.first, task.count, nScored);
  for (const part of parts) placeResults(all, part[o]!);
  return all;
});
const transfer = merged.flatMap((r) => [r.unmet.buffer, r.unmetGood.buffer, r.ttr.buffer]) as ArrayBuffer[];
parentPort?.postMessage({ type: "done", results: merged }, transfer);
