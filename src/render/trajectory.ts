// Renders a run's trajectories: a tidy long table (the run's settings, then option, good, period,
// measure, origin, mean, p5, p50, p95), and a short table of each series' median path for the terminal.
import { trajectoryHeader, type TrajectoryReport, trajectoryRows, type TrajectorySeries } from "../analysis/trajectory.ts";
import type { Column } from "./columns.ts";
import { type AnyTidy, constantColumns, renderTidyCsv, type RunSettings, settingColumns, tidy } from "./tidy.ts";
import { renderTable } from "./table.ts";

/**
 * One row per option, good, period, measure and origin (loads in pandas or R as a tidy table),
 * after the run's settings and the traced trials; no rows without a trajectory.
 */
export function trajectoryTable(settings: RunSettings, report: TrajectoryReport | undefined): AnyTidy {
  type Row = (string | number)[];
  // bands come from float32 traces: 7 significant digits carry all they hold
  const columns: Column<Row>[] = trajectoryHeader.map((header, i) => ({ header, get: (r) => r[i]!, significant: 7 }));
  const traced = constantColumns<Row>([["traced_trials", report?.sampled], ["first_trial", report?.firstTrial]]);
  return tidy([...settingColumns<Row>(settings), ...traced, ...columns], report ? trajectoryRows(report) : []);
}

/** A run's trajectory table as CSV (`run --trajectory --format csv`). */
export function renderTrajectoryCsv(run: RunSettings & { trajectories?: TrajectoryReport }): string {
  return renderTidyCsv(trajectoryTable(run, run.trajectories));
}

interface SummaryRow {
  option: string;
  s: TrajectorySeries;
}

/** Per series: the median at the start, its lowest and highest (with the period), at the end. */
export function renderTrajectoryTable(report: TrajectoryReport): string {
  const p50 = (r: SummaryRow) => r.s.bands.map((b) => b.p50);
  const at = (values: number[], pick: (a: number, b: number) => boolean) =>
    values.reduce((best, v, t) => (pick(v, values[best]!) ? t : best), 0);
  const columns: Column<SummaryRow>[] = [
    { header: "option", get: (r) => r.option },
    { header: "good", get: (r) => r.s.good },
    { header: "measure", get: (r) => r.s.measure },
    { header: "origin", get: (r) => r.s.from ?? "" },
    { header: "p50 first", get: (r) => p50(r)[0] ?? null, digits: 3 },
    { header: "p50 lowest", get: (r) => Math.min(...p50(r)), digits: 3 },
    { header: "at", get: (r) => at(p50(r), (a, b) => a < b) },
    { header: "p50 highest", get: (r) => Math.max(...p50(r)), digits: 3 },
    { header: "at ", get: (r) => at(p50(r), (a, b) => a > b) },
    { header: "p50 last", get: (r) => p50(r).at(-1) ?? null, digits: 3 },
  ];
  const rows = report.options.flatMap((o) => o.series.map((s) => ({ option: o.option, s })));
  return `\ntrajectories: medians over the first ${report.sampled} trials (every period and band: --format csv or json)\n${renderTable(columns, rows)}`;
}
