// The engine inside a Web Worker: compiles a scenario version once, runs the ranges it is sent in
// small chunks, and between chunks lets newer messages in, so that a moved control cancels
// stale work at once. Trial i is the same trial whoever runs it, as in the CLI's pool.
import { type PreparedRun, prepareRun, runTrials } from "../engine/run.ts";
import { newTrialResults, placeResults } from "../engine/simulate.ts";
import type { FromWorker, ToWorker } from "./protocol.ts";

/** Trials between two looks at the message queue. */
const CHUNK = 100;

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
}

export function startWorker(scope: WorkerScope): void {
  let prepared: { key: string; run: PreparedRun } | undefined;
  let cancelledBelow = 0;
  const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  scope.onmessage = async ({ data: msg }) => {
    if (msg.type === "cancel") {
      cancelledBelow = Math.max(cancelledBelow, msg.below);
      return;
    }
    try {
      const key = `${msg.version}:${msg.seed}:${msg.options.map((o) => o.id).join(",")}`;
      if (prepared?.key !== key) prepared = { key, run: prepareRun(msg.scenario, { options: msg.options, seed: msg.seed }) };
      const run = prepared.run;
      const results = msg.options.map(() => newTrialResults(msg.first, msg.count, run.scoredGoods.length));
      for (let done = 0; done < msg.count; done += CHUNK) {
        if (done > 0) await breathe();
        if (msg.job < cancelledBelow) return scope.postMessage({ type: "cancelled", job: msg.job });
        const part = runTrials(run, msg.first + done, Math.min(CHUNK, msg.count - done));
        part.forEach((p, o) => placeResults(results[o]!, p));
      }
      const buffers = results.flatMap((r) => [r.unmet.buffer, r.unmetGood.buffer, r.ttr.buffer]) as ArrayBuffer[];
      scope.postMessage({ type: "done", job: msg.job, results, scoredGoods: run.scoredGoods }, buffers);
    } catch (err) {
      scope.postMessage({ type: "error", job: msg.job, message: err instanceof Error ? err.message : String(err) });
    }
  };
}
