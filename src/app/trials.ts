// Runs a batch of a scenario's trials on the pool with its progress display, and pairs each
// option with its per-trial results: the step every trial-running use case shares.
import type { OptionSpec } from "../engine/run.ts";
import type { TrialPool } from "../io/pool.ts";
import type { Scenario } from "../scenario/schema.ts";
import { type OptionTrials, optionTrialsOf } from "../stats/score-options.ts";
import type { ResolvedSpec } from "./spec.ts";

export interface Batch {
  trials: OptionTrials[];
  scoredGoods: string[];
}

/** Trials [first, first + count) of `options` (default: the spec's), at the spec's seed. */
export async function runBatch(
  pool: TrialPool,
  scenario: Scenario,
  spec: ResolvedSpec,
  range: { first: number; count: number; options?: OptionSpec[] },
): Promise<Batch> {
  const options = range.options ?? spec.options;
  const progress = spec.progress("trials", range.count);
  try {
    const { results, scoredGoods } = await pool.run({ scenario, options, seed: spec.seed }, range.first, range.count, (n) => progress.tick(n));
    return { trials: optionTrialsOf(options, results), scoredGoods };
  } finally {
    progress.stop();
  }
}
