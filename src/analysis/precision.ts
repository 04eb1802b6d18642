// Sequential precision: how far the widest 95% interval is from a target half-width, and how
// many trials to run next. The half-width of a mean or CVaR estimate shrinks as 1/√N, so the
// trials needed scale with the square of the ratio. Reference: Law (2015), Simulation Modeling
// and Analysis, §9.4.1 (a fixed-precision sequential procedure).
import type { OptionScore } from "../stats/score-options.ts";
import type { Objective } from "./compare.ts";

/** The precision a run reached: the target, whether it was met, the widest half-width found. */
export interface PrecisionResult {
  target: number;
  reached: boolean;
  maxHalfWidth: number;
}

/** The widest half-width of the objective's 95% interval over every option (∞ if any is not finite). */
export function widestHalfWidth(scores: readonly OptionScore[], objective: Objective): number {
  let widest = 0;
  for (const s of scores) {
    const ci = objective === "risk" ? s.risk.ci95 : s.expected.ci95;
    // intervals are clipped to the possible range: the unclipped side keeps the full half-width
    const value = objective === "risk" ? s.risk.value : s.expected.value;
    const half = Math.max(ci[1] - value, value - ci[0]);
    if (!Number.isFinite(half)) return Number.POSITIVE_INFINITY;
    if (half > widest) widest = half;
  }
  return widest;
}

/** The total to continue to: 10% past the 1/√N estimate, in whole thousands, at least 1 000 more, at most `maxTrials`. */
export function nextTrialCount(total: number, widest: number, target: number, maxTrials: number): number {
  const need = Number.isFinite(widest) ? total * (widest / target) ** 2 * 1.1 : total * 4;
  return Math.min(maxTrials, Math.max(total + 1000, Math.ceil(need / 1000) * 1000));
}
