// Renders the result of `chokepoint run` (MODEL §8) as a table (options, then goods) or tidy CSV.
import type { RunReport } from "../analysis/run-report.ts";
import type { OptionScore } from "../stats/score-options.ts";
import type { Interval } from "../stats/normal-ci.ts";
import type { Column } from "./columns.ts";
import { renderCsv } from "./csv.ts";
import { legendLines, noEffectNote, perCostHeader, smallSampleNote } from "./notes.ts";
import { type Block, fitTable, fitText, type Layout, renderTable, WIDE } from "./table.ts";
import { renderTrajectoryCsv, renderTrajectoryTable } from "./trajectory.ts";

/** `[lo, hi]` with one decimal. */
export function interval(ci: Interval, digits = 1): string {
  if (!Number.isFinite(ci[0]) || !Number.isFinite(ci[1])) return "n/a";
  return `[${ci[0].toFixed(digits)}, ${ci[1].toFixed(digits)}]`;
}

const optionColumns = (currency: string): Column<OptionScore>[] => [
  { header: "option", get: (o) => o.id },
  { header: "cost", get: (o) => o.cost },
  { header: "autonomy", get: (o) => o.autonomy.mean, digits: 1 },
  { header: "95% CI", get: (o) => interval(o.autonomy.ci95), align: "right" },
  { header: "risk (CVaR95)", get: (o) => o.risk.value, digits: 1 },
  { header: "95% CI", get: (o) => interval(o.risk.ci95), align: "right" },
  { header: "Δrisk vs baseline", get: (o) => (o.id === "baseline" ? "" : o.vsBaseline.risk.diff), digits: 1 },
  { header: "95% CI", get: (o) => (o.id === "baseline" ? "" : interval(o.vsBaseline.risk.ci95)), align: "right" },
  { header: perCostHeader(currency), get: (o) => o.perCost, digits: 3 },
];

/** One option as a block, for a terminal too narrow for the table. */
const optionBlock = (currency: string) => (o: OptionScore): Block => ({
  title: o.id,
  segments: [
    `cost ${o.cost}`,
    `autonomy ${o.autonomy.mean.toFixed(1)} ${interval(o.autonomy.ci95)}`,
    `risk (CVaR95) ${o.risk.value.toFixed(1)} ${interval(o.risk.ci95)}`,
    ...(o.id === "baseline" ? [] : [`Δrisk ${o.vsBaseline.risk.diff.toFixed(1)} ${interval(o.vsBaseline.risk.ci95)} vs baseline`]),
    ...(o.perCost === null ? [] : [`${o.perCost.toFixed(3)} ${perCostHeader(currency)}`]),
  ],
});

interface GoodRow {
  option: string;
  good: string;
  unmet: number;
  p10: number;
  ttr: number | null;
}

function goodRows(report: RunReport): GoodRow[] {
  return report.options.flatMap((o) =>
    Object.entries(o.goods).map(([good, g]) => ({
      option: o.id,
      good,
      unmet: 100 * g.unmet,
      p10: 100 * g.pShortfall10,
      ttr: g.ttr,
    })),
  );
}

/** The human-readable table: options, then goods. */
export function renderRunTable(report: RunReport, layout: Layout = WIDE): string {
  const head =
    `${report.scenario}\n` +
    `home ${report.home} · ${report.trials} trials · seed ${report.seed} · horizon ${report.horizon} ${report.period}s\n\n`;
  const goods: Column<GoodRow>[] = [
    { header: "option", get: (r) => r.option },
    { header: "good", get: (r) => r.good },
    { header: "unmet %", get: (r) => r.unmet, digits: 2 },
    { header: "P(unmet > 10%) %", get: (r) => r.p10, digits: 1 },
    { header: `recovery (${report.period}s)`, get: (r) => r.ttr, digits: 1 },
  ];
  const notes = [...legendLines("risk", report.currency), noEffectNote(report.options), smallSampleNote(report.trials)].filter((n) => n !== undefined);
  const options = fitTable(optionColumns(report.currency), report.options, layout, optionBlock(report.currency));
  const perGood = fitTable(goods, goodRows(report), layout, (r) => ({
    title: `${r.option} · ${r.good}`,
    segments: [`unmet ${r.unmet.toFixed(2)}%`, `P(unmet > 10%) ${r.p10.toFixed(1)}%`, `recovery ${r.ttr === null ? "n/a" : r.ttr.toFixed(1)} ${report.period}s`],
  }));
  const trajectories = report.trajectories ? renderTrajectoryTable(report.trajectories) : "";
  return fitText(`${head}${options}\n${notes.join("\n")}\n\nper good\n${perGood}${trajectories}`, layout);
}

/** CSV columns of an option's scores: cost, autonomy, risk and the paired risk difference, with intervals. */
export function scoreCsvColumns<Row>(score: (row: Row) => OptionScore): Column<Row>[] {
  return [
    { header: "cost", get: (r) => score(r).cost },
    { header: "autonomy", get: (r) => score(r).autonomy.mean },
    { header: "autonomy_lo", get: (r) => score(r).autonomy.ci95[0] },
    { header: "autonomy_hi", get: (r) => score(r).autonomy.ci95[1] },
    { header: "risk", get: (r) => score(r).risk.value },
    { header: "risk_lo", get: (r) => score(r).risk.ci95[0] },
    { header: "risk_hi", get: (r) => score(r).risk.ci95[1] },
    { header: "risk_diff", get: (r) => score(r).vsBaseline.risk.diff },
    { header: "risk_diff_lo", get: (r) => score(r).vsBaseline.risk.ci95[0] },
    { header: "risk_diff_hi", get: (r) => score(r).vsBaseline.risk.ci95[1] },
  ];
}

/** Tidy CSV: one row per option and scored good, option-level scores repeated; with trajectories, theirs. */
export function renderRunCsv(report: RunReport): string {
  if (report.trajectories) return renderTrajectoryCsv(report.trajectories);
  type Row = { o: OptionScore; g: GoodRow };
  const rows: Row[] = report.options.flatMap((o) =>
    goodRows({ ...report, options: [o] }).map((g) => ({ o, g })),
  );
  const columns: Column<Row>[] = [
    { header: "option", get: (r) => r.o.id },
    ...scoreCsvColumns<Row>((r) => r.o),
    { header: "good", get: (r) => r.g.good },
    { header: "unmet", get: (r) => r.g.unmet / 100 },
    { header: "p_shortfall10", get: (r) => r.g.p10 / 100 },
    { header: "ttr", get: (r) => r.g.ttr },
  ];
  return renderCsv(columns, rows);
}
