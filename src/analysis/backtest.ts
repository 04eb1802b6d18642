// Back-test scores: simulated bands lined up with observed series by calendar month. Per series:
// the share of observed points inside the 5–95 % band, the median path's error in index points,
// and onset / trough / recovery timing errors in months (docs/validation.md).
import { type Episode, type EpisodeSeries, monthAfter, monthsBetween } from "../scenario/episode.ts";
import type { Band } from "../stats/bands.ts";

/** One observed month against the simulated band of its period. */
export interface BacktestPoint {
  month: string;
  period: number;
  observed: number;
  mean: number;
  p5: number;
  p50: number;
  p95: number;
  inside: boolean;
}

/**
 * A timing: the observed month, the simulated month (median path), and the error in months.
 * Observations are sparse, so an observed onset or recovery is only known to lie after the
 * observed point before it: `earliest` is that month, and the error is 0 when the simulated
 * month falls in [earliest, observed], else its distance to the nearer end (negative = early).
 */
export interface Timing {
  observed: string | null;
  earliest: string | null;
  simulated: string | null;
  error: number | null;
}

export interface BacktestSeries {
  id: string;
  measure: EpisodeSeries["measure"];
  good: string;
  country?: string | undefined;
  from?: string | undefined;
  source: string;
  points: BacktestPoint[];
  /** observed months outside the horizon or before period 0, not scored */
  skipped: string[];
  inside: number;
  /** share of scored points inside the 5–95 % band */
  coverage: number;
  /** mean |median − observed| in index points */
  medianError: number;
  onset: Timing;
  trough: Timing;
  recovery: Timing;
  /** the simulated bands of every period (index, 100 = before the shock) */
  bands: Band[];
}

export interface BacktestEpisode {
  name: string;
  file: string;
  scenario: string;
  option: string;
  start: string;
  trials: number;
  seed: number;
  series: BacktestSeries[];
  points: number;
  inside: number;
  coverage: number;
}

/** The report of `chokepoint backtest`: a plain object the renderers (table, JSON, CSV, a page) read. */
export interface BacktestReport {
  episodes: BacktestEpisode[];
  points: number;
  inside: number;
  coverage: number;
}

/** Observed index per month: as given (`unit: index`) or × 100 / the mean of the baseline months. */
export function observedIndex(series: EpisodeSeries): Map<string, number> {
  const entries = Object.entries(series.points).sort(([a], [b]) => a.localeCompare(b));
  const base = series.baseline;
  const inBase = (m: string) => base !== undefined && m >= base.from && m <= base.to;
  let divisor = 1;
  if (series.unit !== "index" && base !== undefined) {
    const values = entries.filter(([m]) => inBase(m)).map(([, v]) => v);
    divisor = values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length / 100 : Number.NaN;
  }
  return new Map(entries.filter(([m]) => !inBase(m)).map(([m, v]) => [m, v / divisor]));
}

/**
 * Timings on an index path, oriented so that a shortage is a fall: a price index is read as
 * 10 000 / index (a doubling is 50). Onset: first point below 50; trough: the lowest point;
 * recovery: the first point after the onset back at 90 or more.
 */
export function timings(
  path: readonly { at: number; value: number }[],
  price: boolean,
): { onset: Moment | null; trough: Moment | null; recovery: Moment | null } {
  const v = path.map((p) => ({ at: p.at, value: price ? (p.value > 0 ? 10_000 / p.value : Number.POSITIVE_INFINITY) : p.value }));
  const onsetAt = v.findIndex((p) => p.value < 50);
  let trough: number | null = null;
  let low = Number.POSITIVE_INFINITY;
  for (const p of v) {
    if (p.value < low) {
      low = p.value;
      trough = p.at;
    }
  }
  const recoveryAt = onsetAt < 0 ? -1 : v.findIndex((p, i) => i > onsetAt && p.value >= 90);
  // before the first point, only the pre-shock state (index 100 at period 0) is known
  const moment = (i: number): Moment | null => (i < 0 ? null : { at: v[i]!.at, earliest: i > 0 ? v[i - 1]!.at + 1 : Math.min(0, v[i]!.at) });
  return { onset: moment(onsetAt), trough: low < 100 && trough !== null ? { at: trough, earliest: trough } : null, recovery: moment(recoveryAt) };
}

/** When a path crosses a threshold: at `at`, and no earlier than `earliest` (the point before it + 1). */
export interface Moment {
  at: number;
  earliest: number;
}

function timing(start: string, observed: Moment | null, simulated: Moment | null): Timing {
  const sim = simulated?.at;
  let error: number | null = null;
  if (observed !== null && sim !== undefined) error = sim < observed.earliest ? sim - observed.earliest : sim > observed.at ? sim - observed.at : 0;
  return {
    observed: observed === null ? null : monthAfter(start, observed.at),
    earliest: observed === null ? null : monthAfter(start, observed.earliest),
    simulated: sim === undefined ? null : monthAfter(start, sim),
    error,
  };
}

/** Scores one series: its observed index against the simulated bands (bands[t], index units). */
export function scoreSeries(series: EpisodeSeries, start: string, bands: readonly Band[]): BacktestSeries {
  const points: BacktestPoint[] = [];
  const skipped: string[] = [];
  for (const [month, observed] of observedIndex(series)) {
    const period = monthsBetween(start, month);
    const band = bands[period];
    if (period < 0 || band === undefined) {
      skipped.push(month);
      continue;
    }
    // a band of equal ends (e.g. every trial at 0) holds the points that equal it up to rounding
    const tol = 1e-6 * Math.max(1, Math.abs(band.p95));
    points.push({ month, period, observed, ...band, inside: observed >= band.p5 - tol && observed <= band.p95 + tol });
  }
  const inside = points.filter((p) => p.inside).length;
  const price = series.measure === "price";
  const obs = timings(points.map((p) => ({ at: p.period, value: p.observed })), price);
  const sim = timings(bands.map((b, t) => ({ at: t, value: b.p50 })), price);
  return {
    id: series.id,
    measure: series.measure,
    good: series.good,
    ...(series.country === undefined ? {} : { country: series.country }),
    ...(series.from === undefined ? {} : { from: series.from }),
    source: series.source,
    points,
    skipped,
    inside,
    coverage: points.length > 0 ? inside / points.length : Number.NaN,
    medianError: points.length > 0 ? points.reduce((s, p) => s + Math.abs(p.p50 - p.observed), 0) / points.length : Number.NaN,
    onset: timing(start, obs.onset, sim.onset),
    trough: timing(start, obs.trough, sim.trough),
    recovery: timing(start, obs.recovery, sim.recovery),
    bands: [...bands],
  };
}

/** One episode's report from its series' simulated bands (in the episode's series order). */
export function scoreEpisode(
  loaded: { file: string; episode: Episode; scenarioName: string },
  run: { trials: number; seed: number },
  bands: readonly (readonly Band[])[],
): BacktestEpisode {
  const { episode } = loaded;
  const series = episode.series.map((s, k) => scoreSeries(s, episode.start, bands[k]!));
  const points = series.reduce((n, s) => n + s.points.length, 0);
  const inside = series.reduce((n, s) => n + s.inside, 0);
  return {
    name: episode.name,
    file: loaded.file,
    scenario: loaded.scenarioName,
    option: episode.option,
    start: episode.start,
    trials: run.trials,
    seed: run.seed,
    series,
    points,
    inside,
    coverage: points > 0 ? inside / points : Number.NaN,
  };
}

/** The whole back-test: every episode, and the share of all points inside their bands. */
export function makeBacktestReport(episodes: BacktestEpisode[]): BacktestReport {
  const points = episodes.reduce((n, e) => n + e.points, 0);
  const inside = episodes.reduce((n, e) => n + e.inside, 0);
  return { episodes, points, inside, coverage: points > 0 ? inside / points : Number.NaN };
}
