// Order statistic in expected O(N): Hoare's FIND with median-of-three pivots, falling back to a sort after too many rounds. Reference: Hoare 1961, CACM Algorithm 65; Musser 1997 (introselect).

/** A second array rearranged alongside the values (the rows of the values, say). */
type Along = Float64Array | Uint32Array;

/**
 * The `rank`-th smallest value (0-based) of `a`, rearranging `a` in place (and `along` the same
 * way): afterwards every element before `rank` is ≤ it and every element after is ≥ it. Elements
 * must not be NaN. Many equal values (e.g. most trials with no loss) keep the expected O(N): scans
 * stop on ties.
 */
export function selectInPlace(a: Float64Array, rank: number, along?: Along): number {
  let lo = 0;
  let hi = a.length - 1;
  if (!(rank >= lo && rank <= hi && Number.isInteger(rank))) {
    throw new RangeError(`rank ${rank} outside [0, ${hi}]`);
  }
  // Introselect guard: median-of-three can be defeated by crafted input; then sort what is left.
  let rounds = 2 * Math.ceil(Math.log2(a.length + 1)) + 16;
  while (hi > lo) {
    if (rounds-- === 0) {
      sortRange(a, lo, hi, along);
      return a[rank]!;
    }
    const mid = lo + ((hi - lo) >> 1);
    // Order a[lo] ≤ a[mid] ≤ a[hi]: the pivot is the median of three and both ends act as sentinels.
    if (a[mid]! < a[lo]!) swap(a, mid, lo, along);
    if (a[hi]! < a[lo]!) swap(a, hi, lo, along);
    if (a[hi]! < a[mid]!) swap(a, hi, mid, along);
    const pivot = a[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j, along);
        i++;
        j--;
      }
    }
    // Now a[lo..j] ≤ pivot ≤ a[i..hi], and everything strictly between j and i equals the pivot.
    if (rank <= j) hi = j;
    else if (rank >= i) lo = i;
    else return pivot;
  }
  return a[rank]!;
}

/** The `rank`-th largest value (0-based: rank 0 is the maximum) of `a`, rearranging `a` in place. */
export function selectLargestInPlace(a: Float64Array, rank: number, along?: Along): number {
  return selectInPlace(a, a.length - 1 - rank, along);
}

function swap(a: Float64Array, i: number, j: number, along?: Along): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
  if (along !== undefined) {
    const u = along[i]!;
    along[i] = along[j]!;
    along[j] = u;
  }
}

/** Sorts a[lo..hi] ascending (and `along` with it). */
function sortRange(a: Float64Array, lo: number, hi: number, along?: Along): void {
  if (along === undefined) {
    a.subarray(lo, hi + 1).sort();
    return;
  }
  const idx = Array.from({ length: hi - lo + 1 }, (_, k) => lo + k).sort((x, y) => a[x]! - a[y]!);
  const values = idx.map((k) => a[k]!);
  const rows = idx.map((k) => along[k]!);
  values.forEach((v, k) => {
    a[lo + k] = v;
    along[lo + k] = rows[k]!;
  });
}
