// "Did you mean …?" suggestions: the nearest candidate by Levenshtein edit distance, if close.

/**
 * Edit distance counting insertions, deletions, substitutions and swaps of two adjacent
 * characters (Levenshtein with transpositions, "optimal string alignment"), so `ndrp` is one
 * edit from `ndpr`.
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(cell(rows, i - 1, j) + 1, (row[j - 1] ?? 0) + 1, cell(rows, i - 1, j - 1) + cost);
      const swapped = i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1];
      if (swapped) d = Math.min(d, cell(rows, i - 2, j - 2) + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return cell(rows, a.length, b.length);
}

function cell(rows: number[][], i: number, j: number): number {
  return rows[i]?.[j] ?? 0;
}

/**
 * The candidate nearest to `word`, ignoring case, within a third of the longer word's length
 * in edits (so two-letter codes are suggested only for a difference of case); ties go to the
 * earlier candidate.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    // the distance is at least the difference in length: skip without the quadratic table
    if (Math.abs(word.length - candidate.length) > Math.max(word.length, candidate.length) / 3) continue;
    const distance = editDistance(lower, candidate.toLowerCase());
    const limit = Math.floor(Math.max(word.length, candidate.length) / 3);
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** `; did you mean 'JP'?` when a close candidate exists, else the empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const suggestion = closest(word, candidates);
  return suggestion === undefined ? "" : `; did you mean '${suggestion}'?`;
}
