// The page's side of the engine workers: splits a range of trials across the workers, merges
// their rows in trial order, and drops the work of superseded requests.
import type { OptionSpec } from "../engine/run.ts";
import { newTrialResults, placeResults, type TrialResults } from "../engine/simulate.ts";
import type { Scenario } from "../scenario/schema.ts";
import type { FromWorker, ToWorker } from "./protocol.ts";

/** A batch of trials for every option. */
export interface Rows {
  results: TrialResults[];
  scoredGoods: string[];
}

/** The request was superseded by a newer one before it finished. */
export class Superseded extends Error {}

export class Engine {
  private readonly workers: Worker[];
  private nextJob = 1;
  private readonly pending = new Map<number, { resolve: (m: FromWorker) => void }>();

  /** `count` workers running the script at `url` (the page's own bundle, as a Blob URL). */
  constructor(url: string, count: number) {
    this.workers = Array.from({ length: Math.max(1, count) }, () => new Worker(url));
    for (const w of this.workers) {
      w.onmessage = ({ data }: MessageEvent<FromWorker>) => {
        this.pending.get(data.job)?.resolve(data);
        this.pending.delete(data.job);
      };
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** The first job number a later request will get: cancelling below it drops everything now running. */
  cancelAll(): void {
    const msg: ToWorker = { type: "cancel", below: this.nextJob };
    for (const w of this.workers) w.postMessage(msg);
  }

  /** Trials [first, first + count) of every option, split across the workers. */
  async run(task: { version: number; scenario: Scenario; options: OptionSpec[]; seed: number }, first: number, count: number): Promise<Rows> {
    const n = Math.min(this.workers.length, count);
    const parts = Array.from({ length: n }, (_, k) => {
      const from = first + Math.floor((count * k) / n);
      const to = first + Math.floor((count * (k + 1)) / n);
      const job = this.nextJob++;
      const msg: ToWorker = { type: "run", job, ...task, first: from, count: to - from };
      return new Promise<FromWorker>((resolve) => {
        this.pending.set(job, { resolve });
        this.workers[k]!.postMessage(msg);
      });
    });
    const answers = await Promise.all(parts);
    for (const a of answers) {
      if (a.type === "cancelled") throw new Superseded();
      if (a.type === "error") throw new Error(a.message);
    }
    const done = answers as Extract<FromWorker, { type: "done" }>[];
    const scoredGoods = done[0]!.scoredGoods;
    const results = task.options.map((_, o) => {
      const into = newTrialResults(first, count, scoredGoods.length);
      for (const a of done) placeResults(into, a.results[o]!);
      return into;
    });
    return { results, scoredGoods };
  }
}

/** Two consecutive batches as one (trials of `a` then of `b`). */
export function joinRows(a: Rows, b: Rows): Rows {
  const results = a.results.map((ra, o) => {
    const rb = b.results[o]!;
    const into = newTrialResults(ra.first, ra.count + rb.count, ra.nScored);
    placeResults(into, ra);
    placeResults(into, rb);
    return into;
  });
  return { results, scoredGoods: a.scoredGoods };
}
