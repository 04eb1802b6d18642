// Runs a batch of a scenario's trials on the pool with its progress display, and pairs each
// option with its per-trial results: the step every trial-running use case shares.
import type { OptionSpec } from "../engine/run.ts";
import { TrialError } from "../errors.ts";
import type { TrialPool } from "../io/pool.ts";
import type { Scenario } from "../scenario/schema.ts";
import { type OptionScore, type OptionTrials, optionTrialsOf, TrialScorer } from "../stats/score-options.ts";
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
    const trials = optionTrialsOf(options, results);
    checkFinite(trials, spec.seed, range.first);
    return { trials, scoredGoods };
  } finally {
    progress.stop();
  }
}

/** Scores and, when asked, every trial's unmet share U per option (for the distributions drawn on a page). */
export interface ScoredBatch {
  scores: OptionScore[];
  scoredGoods: string[];
  unmet?: Float64Array[];
}

/**
 * Trials [first, first + count) scored as they stream from the pool, block by block in trial
 * order: memory does not grow with the trial count (the CVaR tail aside; docs/architecture.md),
 * and the numbers are those of scoring every trial at once.
 */
export async function scoreBatch(
  pool: TrialPool,
  scenario: Scenario,
  spec: ResolvedSpec,
  range: { first: number; count: number; keepUnmet?: boolean },
): Promise<ScoredBatch> {
  const options = spec.options;
  const progress = spec.progress("trials", range.count);
  let scorer: TrialScorer | undefined;
  const unmet = range.keepUnmet === true ? options.map(() => new Float64Array(range.count)) : undefined;
  try {
    const task = { scenario, options, seed: spec.seed };
    const scoredGoods = await pool.stream(task, range.first, range.count, (block) => {
      const first = block[0]!.first;
      checkFinite(optionTrialsOf(options, block), spec.seed, first);
      (scorer ??= new TrialScorer(options, block[0]!.nScored, range.count)).add(block);
      unmet?.forEach((u, o) => u.set(block[o]!.unmet, first - range.first));
    }, (n) => progress.tick(n));
    scorer ??= new TrialScorer(options, scoredGoods.length, range.count);
    return { scores: scorer.finish(scoredGoods), scoredGoods, ...(unmet === undefined ? {} : { unmet }) };
  } finally {
    progress.stop();
  }
}

/**
 * The guard against silent wrong numbers: a trial whose unmet share is not a finite number is an internal error naming the seed, trial and option that replay it, never a
 * printed null. (The bounds on file numbers keep the engine's sums finite; this catches the rest.)
 * @throws {TrialError}
 */
export function checkFinite(trials: readonly { id: string; unmet: Float64Array; unmetGood: Float64Array }[], seed: number, first: number): void {
  for (const o of trials) {
    const nGoods = o.unmet.length === 0 ? 0 : o.unmetGood.length / o.unmet.length;
    for (let i = 0; i < o.unmet.length; i++) {
      let ok = Number.isFinite(o.unmet[i]!);
      for (let h = 0; ok && h < nGoods; h++) ok = Number.isFinite(o.unmetGood[i * nGoods + h]!);
      if (!ok) {
        throw new TrialError({ seed, trial: first + i, option: o.id }, "the trial's unmet share is not a finite number (an overflow in the file's numbers, or a bug)");
      }
    }
  }
}
