// Bounds (docs/formats.md, "Bounds"): every number a file can hold is at most MAX_AMOUNT (a
// volume, capacity, price, cost or count of units), so that the engine's weighted sums cannot
// overflow: value = volume × price × weight ≤ 10^12 × 10^12 × 10^6 = 10^30, and a sum of
// 10^7 such terms over 10^6 periods stays below 10^44, far from the 1.8 × 10^308 of a double.

/** The largest volume, capacity, price, cost or unit count a file may write. */
export const MAX_AMOUNT = 1e12;
/** The largest good weight and input ratio (units of input per unit of output). */
export const MAX_RATIO = 1e6;
/** The largest magnitude of a distribution parameter (periods, severities, values). */
export const MAX_PARAMETER = 1e9;
/** The longest horizon a file may write; the run limit (--max-horizon) is lower by default. */
export const MAX_HORIZON = 1_000_000;
/** The largest seed and count: 2^53 − 1, the largest whole number a double holds exactly. */
export const MAX_WHOLE = Number.MAX_SAFE_INTEGER;
