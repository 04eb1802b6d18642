// Normal-approximation interval `estimate ± z·se`, z = Φ⁻¹(0.975) by default. Reference: Casella & Berger 2002, §10.4.

/** Φ⁻¹(0.975): the two-sided 95% normal quantile, to double precision. */
export const Z95 = 1.959963984540054;

/** A closed interval `[lo, hi]`. */
export type Interval = [lo: number, hi: number];

/**
 * `[estimate − z·se, estimate + z·se]`. A zero standard error gives a zero-width interval
 * (`lo === hi === estimate` exactly); a NaN estimate or standard error gives `[NaN, NaN]`.
 * @throws RangeError if `z` is negative or not finite.
 */
export function normalInterval(estimate: number, se: number, z: number = Z95): Interval {
  if (!(z >= 0 && z < Infinity)) throw new RangeError(`z must be finite and ≥ 0, got ${z}`);
  if (Number.isNaN(estimate) || Number.isNaN(se)) return [Number.NaN, Number.NaN];
  const half = z * se;
  return [estimate - half, estimate + half];
}
