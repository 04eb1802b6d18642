// Renders the back-test: a table per series (coverage, median error, timing errors), or CSV with
// one row per series; JSON is the report itself.
import type { BacktestEpisode, BacktestReport, BacktestSeries, Timing } from "../analysis/backtest.ts";
import type { Column } from "./columns.ts";
import { renderTable } from "./table.ts";
import { type AnyTidy, renderTidyCsv, tidy } from "./tidy.ts";

interface Row {
  episode: BacktestEpisode;
  s: BacktestSeries;
}

const timingColumns = (name: string, pick: (s: BacktestSeries) => Timing, table: boolean): Column<Row>[] =>
  table
    ? [{ header: `${name} obs/sim (Δ)`, get: (r) => timingText(pick(r.s)) }]
    : [
        { header: `${name}_observed`, get: (r) => pick(r.s).observed },
        { header: `${name}_simulated`, get: (r) => pick(r.s).simulated },
        { header: `${name}_error`, get: (r) => pick(r.s).error },
      ];

function timingText(t: Timing): string {
  if (t.observed === null && t.simulated === null) return "–";
  return `${t.observed ?? "–"} / ${t.simulated ?? "–"}${t.error === null ? "" : ` (${t.error > 0 ? "+" : ""}${t.error})`}`;
}

function columns(table: boolean): Column<Row>[] {
  return [
    { header: "episode", get: (r) => r.episode.name },
    // each episode's run settings (CSV only; the table's heading states them)
    ...(table
      ? []
      : [
          { header: "option", get: (r: Row) => r.episode.option },
          { header: "start", get: (r: Row) => r.episode.start },
          { header: "trials", get: (r: Row) => r.episode.trials },
          { header: "seed", get: (r: Row) => r.episode.seed },
        ]),
    { header: "series", get: (r) => r.s.id },
    { header: "measure", get: (r) => r.s.measure },
    { header: "points", get: (r) => r.s.points.length },
    { header: table ? "in 5–95%" : "inside", get: (r) => (table ? `${r.s.inside}/${r.s.points.length}` : r.s.inside) },
    { header: table ? "coverage %" : "coverage", get: (r) => (table ? 100 * r.s.coverage : r.s.coverage), digits: table ? 0 : 4 },
    { header: table ? "median err (pts)" : "median_error", get: (r) => r.s.medianError, digits: 1 },
    ...timingColumns("onset", (s) => s.onset, table),
    ...timingColumns("trough", (s) => s.trough, table),
    ...timingColumns("recovery", (s) => s.recovery, table),
  ];
}

const rowsOf = (report: BacktestReport): Row[] => report.episodes.flatMap((e) => e.series.map((s) => ({ episode: e, s })));

export function renderBacktestTable(report: BacktestReport): string {
  const head = report.episodes.map((e) => `${e.name}: ${e.inside}/${e.points} observed points inside the simulated 5–95 % band (${e.trials} trials, seed ${e.seed}, option ${e.option}, period 0 = ${e.start})`);
  const total = `all episodes: ${report.inside}/${report.points} points inside (${(100 * report.coverage).toFixed(0)} %)`;
  const legend =
    "timings: onset = first month below 50, trough = lowest, recovery = first month back at 90+ (price: the index read as 10 000 / index); Δ = simulated − observed months, 0 when the simulated month falls between the observed point before and the observed one";
  return `${head.join("\n")}\n${total}\n\n${renderTable(columns(true), rowsOf(report))}\n${legend}\n`;
}

/** One row per episode and series (`backtest --format csv|jsonl`; docs/outputs.md). */
export function backtestTable(report: BacktestReport): AnyTidy {
  return tidy(columns(false), rowsOf(report));
}

export function renderBacktestCsv(report: BacktestReport): string {
  return renderTidyCsv(backtestTable(report));
}
