// Running mean and variance: Welford's update, merged by Chan's parallel combination. Reference: Welford 1962, Technometrics 4(3); Chan, Golub & LeVeque 1979.
import { type Interval, normalInterval, Z95 } from "./normal-ci.ts";

/**
 * Streaming accumulator of count, mean and M2 (sum of squared deviations from the mean).
 *
 * Pushing values in a fixed order is bit-reproducible; `merge` agrees with a single pass to
 * rounding, not bit for bit, so reduce per-trial values in trial order (or merge fixed chunks
 * in a fixed order) when the output must not depend on the worker count.
 */
export class Welford {
  #count = 0;
  #mean = 0;
  #m2 = 0;

  /** Number of values pushed (or merged in). */
  get count(): number {
    return this.#count;
  }

  /** Mean of the values; NaN when there are none. */
  get mean(): number {
    return this.#count === 0 ? Number.NaN : this.#mean;
  }

  /** Sum of squared deviations from the mean (0 when there are no values). */
  get m2(): number {
    return this.#m2;
  }

  /** Adds one value. */
  push(x: number): void {
    const n = ++this.#count;
    const delta = x - this.#mean;
    this.#mean += delta / n;
    // delta and (x − new mean) share a sign, so M2 never decreases.
    this.#m2 += delta * (x - this.#mean);
  }

  /**
   * Folds `other` into this accumulator (Chan et al.): with δ = mean_b − mean_a and n = n_a + n_b,
   * mean = mean_a + δ·n_b/n and M2 = M2_a + M2_b + δ²·n_a·n_b/n. `other` is not changed.
   * @returns this accumulator.
   */
  merge(other: Welford): this {
    const nb = other.#count;
    if (nb === 0) return this;
    const na = this.#count;
    if (na === 0) {
      this.#count = nb;
      this.#mean = other.#mean;
      this.#m2 = other.#m2;
      return this;
    }
    const n = na + nb;
    const delta = other.#mean - this.#mean;
    this.#count = n;
    this.#mean += delta * (nb / n);
    this.#m2 += other.#m2 + delta * delta * ((na * nb) / n);
    return this;
  }

  /** Sample variance M2/(n − 1); NaN with fewer than two values. */
  variance(): number {
    return this.#count < 2 ? Number.NaN : Math.max(0, this.#m2) / (this.#count - 1);
  }

  /** Sample standard deviation √variance; NaN with fewer than two values. */
  stdDev(): number {
    return Math.sqrt(this.variance());
  }

  /** Standard error of the mean √(variance/n); NaN with fewer than two values. */
  stdError(): number {
    return Math.sqrt(this.variance() / this.#count);
  }
}

/** A mean with its standard error and normal confidence interval. */
export interface MeanEstimate {
  mean: number;
  /** `mean ± z·se` (95% with the default z). */
  ci95: Interval;
  se: number;
}

/**
 * Mean of `values` with a normal confidence interval `mean ± z·se`, se = s/√N (s the sample
 * standard deviation), values taken in array order. Identical values give se = 0 and
 * `lo === hi === mean`. N = 0 gives NaN throughout; N = 1 gives the value with se and interval NaN.
 */
export function meanCi(values: Float64Array, z: number = Z95): MeanEstimate {
  const acc = new Welford();
  for (let i = 0; i < values.length; i++) acc.push(values[i]!);
  const se = acc.stdError();
  return { mean: acc.mean, ci95: normalInterval(acc.mean, se, z), se };
}
