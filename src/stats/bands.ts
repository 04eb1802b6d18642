// Per-period bands over trials: the mean and the 5 / 50 / 95 % quantiles of each series in
// each period, from a traced sample laid out as [(trial × nSeries + series) × H + period].
import { quantileSorted } from "./quantile.ts";

export interface Band {
  mean: number;
  p5: number;
  p50: number;
  p95: number;
}

/**
 * Bands of every series and period: `bands[k][t]`. Each value is multiplied by `scale[k]` first
 * (1 when absent), e.g. 100 / baseline to turn volumes into an index.
 */
export function bandsOf(
  values: Float32Array,
  layout: { count: number; nSeries: number; horizon: number },
  scale?: ArrayLike<number>,
): Band[][] {
  const { count, nSeries, horizon: H } = layout;
  const cell = new Float64Array(count);
  const out: Band[][] = [];
  for (let k = 0; k < nSeries; k++) {
    const m = scale?.[k] ?? 1;
    const row: Band[] = [];
    for (let t = 0; t < H; t++) {
      let sum = 0;
      for (let i = 0; i < count; i++) {
        const v = values[(i * nSeries + k) * H + t]! * m;
        cell[i] = v;
        sum += v;
      }
      cell.sort();
      row.push({ mean: count > 0 ? sum / count : Number.NaN, p5: quantileSorted(cell, 0.05), p50: quantileSorted(cell, 0.5), p95: quantileSorted(cell, 0.95) });
    }
    out.push(row);
  }
  return out;
}
