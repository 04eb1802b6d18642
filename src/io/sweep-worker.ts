// A long-lived sweep worker thread: runs trial ranges of sweep points as the pool sends them,
// keeping the last point's compiled networks, and reports progress per chunk.
import { parentPort } from "node:worker_threads";
import { type PreparedRun, prepareRun, runTrials } from "../engine/run.ts";
import { newTrialResults, placeResults, type TrialResults } from "../engine/simulate.ts";
import type { PoolJob } from "./sweep-pool.ts";

let cached: { key: number; prepared: PreparedRun } | undefined;

parentPort?.on("message", (job: PoolJob) => {
  if (cached?.key !== job.key) cached = { key: job.key, prepared: prepareRun(job.scenario, { options: job.options, seed: job.seed }) };
  const { prepared } = cached;
  const nScored = prepared.scoredGoods.length;
  const merged = prepared.options.map(() => newTrialResults(job.first, job.count, nScored));
  for (let done = 0; done < job.count; ) {
    const n = Math.min(job.chunk, job.count - done);
    runTrials(prepared, job.first + done, n).forEach((part, o) => placeResults(merged[o]!, part));
    done += n;
    parentPort?.postMessage({ type: "progress", done: n });
  }
  const transfer = merged.flatMap((r) => [r.unmet.buffer, r.unmetGood.buffer, r.ttr.buffer]) as ArrayBuffer[];
  parentPort?.postMessage({ type: "done", results: merged } satisfies { type: "done"; results: TrialResults[] }, transfer);
});
