// Sensitivity of each option's risk to the swept parameters: a tornado for one-at-a-time
// designs; standardized rank regression coefficients (SRRC) for grids and Latin hypercubes; and
// where the best option (lowest risk) changes across points.
// Reference: Saltelli et al. 2004, "Sensitivity Analysis in Practice", §5.2 (SRRC; SRRC² is a
// parameter's share of the variance of the ranks of the output when parameters are uncorrelated).
import type { SweepRow } from "./sweep-rows.ts";

/** Average ranks (1-based), ties sharing the mean of their positions. */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const out = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && order[end]!.v === order[start]!.v) end++;
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) out[order[k]!.i] = rank;
    start = end;
  }
  return out;
}

function standardize(x: readonly number[]): number[] | undefined {
  const n = x.length;
  const mean = x.reduce((a, b) => a + b, 0) / n;
  const ss = x.reduce((a, b) => a + (b - mean) ** 2, 0);
  if (!(ss > 1e-12)) return undefined;
  const sd = Math.sqrt(ss / (n - 1));
  return x.map((v) => (v - mean) / sd);
}

/** Solves A x = b by Gaussian elimination with partial pivoting; undefined when A is singular. */
function solve(a: number[][], b: number[]): number[] | undefined {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    if (Math.abs(m[pivot]![col]!) < 1e-10) return undefined;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / m[col]![col]!;
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

export interface RankRegression {
  /** Per parameter; undefined where the parameter does not vary (or the fit is not possible). */
  srrc: (number | undefined)[];
  /** R² of the regression of the output's ranks on the parameters' ranks. */
  r2: number | undefined;
}

/**
 * Standardized rank regression coefficients of y on the columns of x (x[j][i] = parameter j at
 * point i): regress standardized ranks of y on standardized ranks of every varying parameter.
 */
export function rankRegression(x: readonly (readonly number[])[], y: readonly number[]): RankRegression {
  const none: RankRegression = { srrc: x.map(() => undefined), r2: undefined };
  const n = y.length;
  const zy = standardize(ranks(y));
  const zx = x.map((col) => standardize(ranks(col)));
  const used = zx.flatMap((z, j) => (z === undefined ? [] : [j]));
  if (zy === undefined || used.length === 0 || n < used.length + 2) return none;
  const corr = (a: readonly number[], b: readonly number[]): number => a.reduce((s, v, i) => s + v * b[i]!, 0) / (n - 1);
  const cols = used.map((j) => zx[j]!);
  const rxx = cols.map((a) => cols.map((b) => corr(a, b)));
  const rxy = cols.map((a) => corr(a, zy));
  const beta = solve(rxx, rxy);
  if (beta === undefined) return none;
  const srrc: (number | undefined)[] = x.map(() => undefined);
  used.forEach((j, k) => {
    srrc[j] = beta[k]!;
  });
  return { srrc, r2: beta.reduce((s, b, k) => s + b * rxy[k]!, 0) };
}

/** Rows grouped by point, points in ascending order, rows in their order within a point. */
export function byPoint(rows: readonly SweepRow[]): Map<number, SweepRow[]> {
  const points = new Map<number, SweepRow[]>();
  for (const row of [...rows].sort((a, b) => a.point - b.point)) {
    const list = points.get(row.point);
    if (list === undefined) points.set(row.point, [row]);
    else list.push(row);
  }
  return points;
}

/** Option ids in order of first appearance. */
export function optionOrder(rows: readonly SweepRow[]): string[] {
  const seen: string[] = [];
  for (const r of rows) if (!seen.includes(r.option)) seen.push(r.option);
  return seen;
}

export interface RegressionRow {
  option: string;
  parameter: number;
  srrc: number | undefined;
  r2: number | undefined;
}

/** Per option, the SRRC of its risk on every parameter over the points. */
export function riskRegressions(rows: readonly SweepRow[], nParameters: number): { option: string; fit: RankRegression }[] {
  return optionOrder(rows).map((option) => {
    const mine = rows.filter((r) => r.option === option && Number.isFinite(r.risk)).sort((a, b) => a.point - b.point);
    const x = Array.from({ length: nParameters }, (_, j) => mine.map((r) => r.values[j] ?? Number.NaN));
    // a point without a numeric value for a parameter cannot be ranked on it
    const complete = mine.map((_, i) => x.every((col) => Number.isFinite(col[i]!)));
    const keep = <T>(list: readonly T[]): T[] => list.filter((_, i) => complete[i]);
    return { option, fit: rankRegression(x.map(keep), keep(mine.map((r) => r.risk))) };
  });
}

/** One bar of a tornado: an option's risk at a parameter's low and high value, others at base. */
export interface TornadoBar {
  option: string;
  parameter: number;
  low: number;
  high: number;
  riskLow: number;
  riskHigh: number;
  riskBase: number;
  /** |risk at high − risk at low|; with a single value, |risk at it − risk at base|. */
  swing: number;
}

/**
 * Tornado bars from a one-at-a-time sweep: `variedOf(point)` names the parameter varied at a
 * point (undefined at the base point). Bars are sorted by swing, widest first, per option.
 */
export function tornado(
  rows: readonly SweepRow[],
  nParameters: number,
  variedOf: (point: number) => number | undefined,
): TornadoBar[] {
  const bars: TornadoBar[] = [];
  for (const option of optionOrder(rows)) {
    const mine = rows.filter((r) => r.option === option);
    const base = mine.find((r) => variedOf(r.point) === undefined);
    const riskBase = base?.risk ?? Number.NaN;
    const perOption: TornadoBar[] = [];
    for (let j = 0; j < nParameters; j++) {
      const at = mine.filter((r) => variedOf(r.point) === j && r.values[j] !== undefined);
      if (at.length === 0) continue;
      const lowRow = at.reduce((a, b) => (b.values[j]! < a.values[j]! ? b : a));
      const highRow = at.reduce((a, b) => (b.values[j]! > a.values[j]! ? b : a));
      const single = lowRow.values[j] === highRow.values[j];
      perOption.push({
        option,
        parameter: j,
        low: lowRow.values[j]!,
        high: highRow.values[j]!,
        riskLow: lowRow.risk,
        riskHigh: highRow.risk,
        riskBase,
        swing: single ? Math.abs(lowRow.risk - riskBase) : Math.abs(highRow.risk - lowRow.risk),
      });
    }
    // widest first; ties keep parameter order
    perOption.sort((a, b) => b.swing - a.swing || a.parameter - b.parameter);
    bars.push(...perOption);
  }
  return bars;
}

/** Which option has the lowest risk at each point (ties: the earlier option). */
export function bestOptions(rows: readonly SweepRow[]): { point: number; row: SweepRow }[] {
  const out: { point: number; row: SweepRow }[] = [];
  for (const [point, list] of byPoint(rows)) {
    let best: SweepRow | undefined;
    for (const r of list) if (Number.isFinite(r.risk) && (best === undefined || r.risk < best.risk)) best = r;
    if (best !== undefined) out.push({ point, row: best });
  }
  return out;
}
