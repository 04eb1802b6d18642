// Confidence interval for a proportion k/n: the Wilson score interval. Reference: Wilson 1927, JASA 22(158); Brown, Cai & DasGupta 2001, Statistical Science 16(2).
import { type Interval, Z95 } from "./normal-ci.ts";

/** A proportion with its Wilson interval. */
export interface ProportionEstimate {
  /** k/n; NaN when n = 0. */
  p: number;
  /** Wilson score interval, within [0, 1] (95% with the default z). */
  ci95: Interval;
}

/**
 * Wilson score interval for k successes in n trials: with p̂ = k/n,
 * `(p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n)`. The bound is exactly 0 when k = 0 and
 * exactly 1 when k = n. With n = 0 there is no information: p is NaN and the interval is [0, 1],
 * the limit of the formula as n → 0 (centre 1/2, half-width 1/2).
 * @throws RangeError unless k and n are integers with 0 ≤ k ≤ n, or if z is negative or not finite.
 */
export function wilson(k: number, n: number, z: number = Z95): ProportionEstimate {
  if (!(Number.isInteger(k) && Number.isInteger(n) && k >= 0 && k <= n)) {
    throw new RangeError(`Wilson interval needs integers 0 ≤ k ≤ n, got k = ${k}, n = ${n}`);
  }
  if (!(z >= 0 && z < Infinity)) throw new RangeError(`z must be finite and ≥ 0, got ${z}`);
  if (n === 0) return { p: Number.NaN, ci95: [0, 1] };
  const phat = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (phat + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((phat * (1 - phat)) / n + z2 / (4 * n * n));
  const lo = k === 0 ? 0 : Math.max(0, centre - half);
  const hi = k === n ? 1 : Math.min(1, centre + half);
  return { p: phat, ci95: [lo, hi] };
}
