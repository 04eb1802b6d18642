// Sample quantiles by linear interpolation between order statistics. Reference: Hyndman & Fan 1996, The American Statistician 50(4), type 7 (R's default).

/**
 * R-7 quantile of an ascending array: with h = (n − 1)·prob, the value
 * `x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋])`. prob = 0 gives the minimum, 1 the maximum.
 * The array is assumed sorted ascending (not checked). Empty input gives NaN.
 * @throws RangeError if prob is not in [0, 1].
 */
export function quantileSorted(sorted: ArrayLike<number>, prob: number): number {
  if (!(prob >= 0 && prob <= 1)) throw new RangeError(`quantile probability must be in [0, 1], got ${prob}`);
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * prob;
  const lo = Math.floor(h);
  const x = sorted[lo]!;
  const frac = h - lo;
  return frac === 0 ? x : x + frac * (sorted[lo + 1]! - x);
}

/**
 * R-7 quantile of unsorted values: sorts a copy (O(N log N)), leaving `values` untouched.
 * To take several quantiles, sort once and call {@link quantileSorted}.
 * @throws RangeError if prob is not in [0, 1].
 */
export function quantile(values: Float64Array, prob: number): number {
  return quantileSorted(Float64Array.from(values).sort(), prob);
}
