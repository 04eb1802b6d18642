// The messages between the explorer page and its engine workers.
import type { OptionSpec } from "../engine/run.ts";
import type { TrialResults } from "../engine/simulate.ts";
import type { Scenario } from "../scenario/schema.ts";

/** Page → worker: run trials [first, first + count) of every option, or drop work older than `below`. */
export type ToWorker =
  | { type: "run"; job: number; version: number; scenario: Scenario; options: OptionSpec[]; seed: number; first: number; count: number }
  | { type: "cancel"; below: number };

/** Worker → page: the rows of a finished range, a dropped range, or an error in plain words. */
export type FromWorker =
  | { type: "done"; job: number; results: TrialResults[]; scoredGoods: string[] }
  | { type: "cancelled"; job: number }
  | { type: "error"; job: number; message: string };
