// The sweep's result as data: one row per point × option with the scores and the run settings
// that computed it; render/sweep-rows.ts writes the rows as CSV or JSON Lines and reads them back.
import type { OptionScore } from "../stats/score-options.ts";

/** One option's scores at one point. */
export interface SweepRow {
  point: number;
  /** One per parameter, in parameter order; undefined = empty cell (no numeric base value). */
  values: (number | undefined)[];
  option: string;
  /** Trials per point of the run that computed the row. */
  trials: number;
  /** Trial seed of that run (common random numbers: the same at every point). */
  seed: number;
  cost: number;
  autonomy: number;
  autonomy_lo: number;
  autonomy_hi: number;
  risk: number;
  risk_lo: number;
  risk_hi: number;
  risk_diff: number;
  risk_diff_lo: number;
  risk_diff_hi: number;
  expected: number;
  expected_lo: number;
  expected_hi: number;
}

/**
 * The run settings after `option`: rows computed with other trials or another seed are not
 * comparable, so every row records them (resume and merge refuse to mix them).
 */
export const RUN_COLUMNS = ["trials", "seed"] as const satisfies readonly (keyof SweepRow)[];

/** The trials and seed of a sweep run. */
export interface RunSettings {
  trials: number;
  seed: number;
}

/** The score columns after `point`, the parameters, `option`, `trials` and `seed`. */
export const SCORE_COLUMNS = [
  "cost",
  "autonomy",
  "autonomy_lo",
  "autonomy_hi",
  "risk",
  "risk_lo",
  "risk_hi",
  "risk_diff",
  "risk_diff_lo",
  "risk_diff_hi",
  "expected",
  "expected_lo",
  "expected_hi",
] as const satisfies readonly (keyof SweepRow)[];

/** Column names: point, each parameter path, option, trials, seed, then the scores. */
export function sweepColumns(parameters: readonly string[]): string[] {
  return ["point", ...parameters, "option", ...RUN_COLUMNS, ...SCORE_COLUMNS];
}

/** The rows of one point, options in scoring order (baseline first), computed with `run`. */
export function rowsOfPoint(point: number, values: readonly (number | undefined)[], scores: readonly OptionScore[], run: RunSettings): SweepRow[] {
  return scores.map((o) => ({
    point,
    values: [...values],
    option: o.id,
    trials: run.trials,
    seed: run.seed,
    cost: o.cost,
    autonomy: o.autonomy.mean,
    autonomy_lo: o.autonomy.ci95[0],
    autonomy_hi: o.autonomy.ci95[1],
    risk: o.risk.value,
    risk_lo: o.risk.ci95[0],
    risk_hi: o.risk.ci95[1],
    risk_diff: o.vsBaseline.risk.diff,
    risk_diff_lo: o.vsBaseline.risk.ci95[0],
    risk_diff_hi: o.vsBaseline.risk.ci95[1],
    expected: o.expected.value,
    expected_lo: o.expected.ci95[0],
    expected_hi: o.expected.ci95[1],
  }));
}
