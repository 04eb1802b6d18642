// The result of `chokepoint compare`: a run report whose options are ranked, with the frontier,
// the plain-language summary, and the precision reached and budget search when asked for.
import type { Scenario } from "../scenario/schema.ts";
import type { OptionTrials } from "../stats/score-options.ts";
import type { BudgetResult } from "./budget.ts";
import { type ComparedOption, type Comparison, type Objective, rankOptions } from "./compare.ts";
import type { PrecisionResult } from "./precision.ts";
import { makeRunReport, type RunReport } from "./run-report.ts";

/** A run report whose options are compared: ranked, with the frontier, budget and summary. */
export interface CompareReport extends Omit<RunReport, "options" | "objective"> {
  objective: Comparison["objective"];
  /** set when --precision chose the number of trials */
  precision?: PrecisionResult;
  options: ComparedOption[];
  frontier: string[];
  budget?: BudgetResult;
  summary: string;
}

/** The comparison of a scenario's options over the same trials (`trials[0]` is the baseline), at `seed`. */
export function makeCompareReport(
  scenario: Scenario,
  seed: number,
  batch: { trials: readonly OptionTrials[]; scoredGoods: readonly string[] },
  objective: Objective,
  precision?: PrecisionResult,
): CompareReport {
  const comparison = rankOptions(batch.trials, batch.scoredGoods, objective, scenario.currency === "units" ? "" : scenario.currency);
  return {
    ...makeRunReport(scenario, { trials: batch.trials[0]!.unmet.length, seed }, comparison.options),
    objective,
    ...(precision ? { precision } : {}),
    options: comparison.options,
    frontier: comparison.frontier,
    summary: comparison.summary,
  };
}
