// What the run page draws beyond the scores: each option's distribution of the unmet share with
// its CVaR95 tail, and the availability of each scored good over time (median and 5–95 % band).
import { cvarTail } from "../stats/cvar.ts";
import { quantileSorted } from "../stats/quantile.ts";

/** The distribution of one option's unmet share U over its trials, in bins of 100 × U. */
export interface UnmetDistribution {
  option: string;
  /** bins of 100 × U: [from, to), the last closed; share of all trials in each, and of those among the worst 5 % (losses above 0) */
  bins: { from: number; to: number; share: number; tailShare: number }[];
  /** 100 × VaR95 (where the worst 5 % start) and 100 × CVaR95 (their mean) */
  var95: number;
  cvar95: number;
  mean: number;
}

/**
 * Bins 100 × U into `count` equal bins from 0 to `upTo` (default: the largest value; give every
 * option the same, so their bins line up); one bin when every trial is 0.
 */
export function unmetDistribution(option: string, unmet: Float64Array, count = 40, upTo?: number): UnmetDistribution {
  const n = unmet.length;
  let max = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    max = Math.max(max, unmet[i]!);
    sum += unmet[i]!;
  }
  const top = 100 * Math.max(max, upTo ?? 0);
  const width = top > 0 ? top / count : 1;
  const counts = new Array<number>(top > 0 ? count : 1).fill(0);
  const tailCounts = new Array<number>(counts.length).fill(0);
  const binOf = (u: number) => Math.min(counts.length - 1, Math.floor((100 * u) / width));
  for (let i = 0; i < n; i++) counts[binOf(unmet[i]!)]!++;
  // the worst ⌈0.05 N⌉ trials, those with a loss
  const worst = Float64Array.from(unmet).sort().reverse();
  for (let i = 0; i < Math.ceil(0.05 * n) && worst[i]! > 0; i++) tailCounts[binOf(worst[i]!)]!++;
  const tail = cvarTail(unmet, 0.05);
  const share = (c: number) => (n > 0 ? c / n : 0);
  return {
    option,
    bins: counts.map((c, b) => ({ from: b * width, to: (b + 1) * width, share: share(c), tailShare: share(tailCounts[b]!) })),
    var95: 100 * tail.var,
    cvar95: 100 * tail.value,
    mean: n > 0 ? (100 * sum) / n : Number.NaN,
  };
}

/** Availability of one good under one option in one period over the traced trials: 5 %, 50 %, 95 % and mean. */
export interface AvailabilityPoint {
  option: string;
  good: string;
  t: number;
  p5: number;
  p50: number;
  p95: number;
  mean: number;
}

/**
 * Per period, the 5–95 % band, median and mean of availability (100 × r, in %) over the trials
 * of a trace laid out `[(row * horizon + t) * nScored + h]` (engine/run.ts traceAvailability).
 */
export function availabilityBands(option: string, trace: Float64Array, goods: readonly string[], horizon: number): AvailabilityPoint[] {
  const nS = goods.length;
  const n = nS === 0 ? 0 : trace.length / (horizon * nS);
  const out: AvailabilityPoint[] = [];
  const column = new Float64Array(n);
  for (let h = 0; h < nS; h++) {
    for (let t = 0; t < horizon; t++) {
      let sum = 0;
      for (let i = 0; i < n; i++) {
        column[i] = 100 * trace[(i * horizon + t) * nS + h]!;
        sum += column[i]!;
      }
      column.sort();
      out.push({ option, good: goods[h]!, t, p5: quantileSorted(column, 0.05), p50: quantileSorted(column, 0.5), p95: quantileSorted(column, 0.95), mean: sum / n });
    }
  }
  return out;
}
