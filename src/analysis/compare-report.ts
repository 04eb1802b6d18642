// The result of `chokepoint compare`: a run report whose options are ranked, with the frontier,
// the plain-language summary, and the precision reached and budget search when asked for.
import type { BudgetResult } from "./budget.ts";
import type { ComparedOption, Comparison } from "./compare.ts";
import type { PrecisionResult } from "./precision.ts";
import type { RunReport } from "./run-report.ts";

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
