// Differences between two options scored on the same trials (common random numbers): paired normal intervals, with CVaR's via its influence function. Reference: Law 2015, Simulation Modeling and Analysis §10.2; Manistre & Hancock 2005.
import { cvar, cvarTail, influenceAt } from "./cvar.ts";
import { type Interval, normalInterval, Z95 } from "./normal-ci.ts";
import { Welford } from "./welford.ts";

/** A difference A − B with its standard error and normal confidence interval. */
export interface DiffEstimate {
  /** Estimate of A − B. */
  diff: number;
  /** `diff ± z·se` (95% with the default z). */
  ci95: Interval;
  se: number;
}

/** A difference CVaR_p(a) − CVaR_p(b) of two per-trial samples, with p = 0.05 and z = Z95 by default. */
export type CvarDiff = (a: Float64Array, b: Float64Array, p?: number, z?: number) => DiffEstimate;

/**
 * Mean of the per-trial differences `a_i − b_i`, taken in trial order, with se = sd(a − b)/√N.
 * Identical differences give se = 0 and a zero-width interval. N = 0 gives NaN; N = 1 gives NaN se.
 * @throws RangeError if a and b differ in length.
 */
export function pairedMeanDiff(a: Float64Array, b: Float64Array, z: number = Z95): DiffEstimate {
  const n = sameLength(a, b);
  const acc = new Welford();
  for (let i = 0; i < n; i++) acc.push(a[i]! - b[i]!);
  const se = acc.stdError();
  return { diff: acc.mean, ci95: normalInterval(acc.mean, se, z), se };
}

/**
 * CVaR_p(a) − CVaR_p(b) for two options on the same trials, with the paired influence-function
 * se = sd(IF_a(a_i) − IF_b(b_i))/√N: common random numbers cancel in the difference. Each side has
 * its own VaR. se and interval are NaN when k = p·N < 1 or N < 2.
 * @throws RangeError if a and b differ in length or p is not in (0, 1].
 */
export const pairedCvarDiff: CvarDiff = (a, b, p = 0.05, z = Z95) => {
  const n = sameLength(a, b);
  const ta = cvarTail(a, p);
  const tb = cvarTail(b, p);
  const diff = ta.value - tb.value;
  let se = Number.NaN;
  if (ta.k >= 1) {
    const acc = new Welford();
    for (let i = 0; i < n; i++) acc.push(influenceAt(a[i]!, ta, n) - influenceAt(b[i]!, tb, n));
    se = acc.stdError();
  }
  return { diff, ci95: normalInterval(diff, se, z), se };
};

/**
 * CVaR_p(a) − CVaR_p(b) treating the samples as independent: se = √(se_a² + se_b²). For
 * comparison with {@link pairedCvarDiff}; a and b may differ in length.
 * @throws RangeError if p is not in (0, 1].
 */
export const unpairedCvarDiffCi: CvarDiff = (a, b, p = 0.05, z = Z95) => {
  const ea = cvar(a, p);
  const eb = cvar(b, p);
  const diff = ea.value - eb.value;
  const se = Math.sqrt(ea.se * ea.se + eb.se * eb.se);
  return { diff, ci95: normalInterval(diff, se, z), se };
};

function sameLength(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) {
    throw new RangeError(`paired samples differ in length: ${a.length} vs ${b.length}`);
  }
  return a.length;
}
