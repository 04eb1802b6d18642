// CVaR (mean of the worst p-fraction of losses) exactly as MODEL §5, with an influence-function standard error. Reference: Rockafellar & Uryasev 2002, J. Banking & Finance 26(7); Manistre & Hancock 2005, N. Am. Actuarial J. 9(2).
import { type Interval, normalInterval, Z95 } from "./normal-ci.ts";
import { selectLargestInPlace } from "./select.ts";
import { Welford } from "./welford.ts";

/** The CVaR point estimate and the pieces its influence function needs. */
export interface CvarTail {
  /** CVaR_p: `(Σ_{i<⌊k⌋} U_(i) + (k − ⌊k⌋)·U_(⌊k⌋)) / k`, U sorted worst first. */
  value: number;
  /** VaR q = U_(min(⌊k⌋, N − 1)) in worst-first order; NaN when N = 0. */
  var: number;
  /** Tail size k = p·N, snapped to the nearest integer when p·N misses it only by rounding. */
  k: number;
}

/** A CVaR with its VaR, standard error and normal confidence interval. */
export interface CvarEstimate {
  /** CVaR_p of the losses (larger = worse). */
  value: number;
  /** `value ± z·se` (95% with the default z). */
  ci95: Interval;
  /** sd(IF(U_i))/√N; NaN when k < 1 or N < 2. */
  se: number;
  /** The VaR q used by the estimator and its influence function. */
  var: number;
}

/**
 * CVaR_p of losses `values` (larger = worse) and the VaR q it is built on, in O(N) time
 * (selection on one copy, no sort).
 *
 * With U sorted worst first, k = p·N and q = U_(⌊k⌋) (U_(N−1) when ⌊k⌋ = N, i.e. p = 1), MODEL §5's
 * `(Σ_{i<⌊k⌋} U_(i) + (k − ⌊k⌋)·q) / k` equals `q + Σ_i (U_i − q)⁺ / k` exactly in real arithmetic
 * (the ⌊k⌋ worst exceed q by (U_(i) − q)⁺, the rest contribute 0), which is what is computed, in
 * trial order: it is Rockafellar–Uryasev's `q + E(U − q)⁺/p` at the estimator's own q, so identical
 * losses give exactly that loss. k < 1 gives the maximum. Empty input gives NaN throughout.
 * Values must not be NaN; if one is, value and var are NaN.
 * @throws RangeError if p is not in (0, 1].
 */
export function cvarTail(values: Float64Array, p: number = 0.05): CvarTail {
  if (!(p > 0 && p <= 1)) throw new RangeError(`CVaR tail probability must be in (0, 1], got ${p}`);
  const n = values.length;
  const k = tailCount(p, n);
  if (n === 0) return { value: Number.NaN, var: Number.NaN, k };
  const copy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    if (Number.isNaN(x)) return { value: Number.NaN, var: Number.NaN, k };
    copy[i] = x;
  }
  const q = selectLargestInPlace(copy, Math.min(Math.floor(k), n - 1));
  let excess = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - q;
    if (d > 0) excess += d;
  }
  return { value: q + excess / k, var: q, k };
}

/**
 * Per-trial influence values of CVaR_p: `IF_i = q + (U_i − q)⁺/p − CVaR`, with q and CVaR from
 * {@link cvarTail} and p taken as k/N so that the IF values average to 0 (to rounding).
 * Their sample sd over √N is the CVaR's standard error; for two options on the same trials,
 * `IF_A,i − IF_B,i` gives the paired difference's. When k < 1 every value is 0 (degenerate).
 * @throws RangeError if p is not in (0, 1].
 */
export function cvarInfluence(values: Float64Array, p: number = 0.05): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  const tail = cvarTail(values, p);
  for (let i = 0; i < n; i++) out[i] = influenceAt(values[i]!, tail, n);
  return out;
}

/**
 * CVaR_p of losses (MODEL §5) with a normal 95% interval from the influence function:
 * se = sd(IF(U_i))/√N. Identical losses give se = 0 and a zero-width interval at that loss.
 * With k = p·N < 1 the tail is less than one trial and the asymptotic se would be a meaningless 0,
 * so se and the interval are NaN; likewise for N < 2.
 * @throws RangeError if p is not in (0, 1].
 */
export function cvar(values: Float64Array, p: number = 0.05, z: number = Z95): CvarEstimate {
  const tail = cvarTail(values, p);
  const n = values.length;
  let se = Number.NaN;
  if (tail.k >= 1) {
    const acc = new Welford();
    for (let i = 0; i < n; i++) acc.push(influenceAt(values[i]!, tail, n));
    se = acc.stdError();
  }
  return { value: tail.value, ci95: normalInterval(tail.value, se, z), se, var: tail.var };
}

/**
 * One trial's influence value `q + (x − q)⁺·N/k − CVaR`.
 * @internal shared with the paired differences; not part of the library face.
 */
export function influenceAt(x: number, tail: CvarTail, n: number): number {
  const d = x - tail.var;
  return tail.var - tail.value + (d > 0 ? (d * n) / tail.k : 0);
}

/**
 * k = p·N, snapped to an integer within a few ulps so that e.g. p·N = 3.0000000000000004 counts as 3.
 * @internal shared with the streaming tail; not part of the library face.
 */
export function tailCount(p: number, n: number): number {
  const k = p * n;
  const r = Math.round(k);
  return Math.abs(k - r) <= 4 * Number.EPSILON * r ? r : k;
}
