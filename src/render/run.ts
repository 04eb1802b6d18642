// Renders the result of `chokepoint run` (MODEL §8) as a table (options, then goods) or tidy
// tables (options, goods, trajectory) for CSV and JSON Lines; docs/outputs.md lists their columns.
import type { RunReport } from "../analysis/run-report.ts";
import type { GoodScore, OptionScore } from "../stats/score-options.ts";
import type { Interval } from "../stats/normal-ci.ts";
import type { Column } from "./columns.ts";
import { legendLines, noEffectNote, perCostHeader, smallSampleNote } from "./notes.ts";
import { type Block, fitTable, fitText, type Layout, renderTable, WIDE } from "./table.ts";
import { type AnyTidy, renderTidyCsv, type RunSettings, settingColumns, tidy, tidyFormats, type TidyTables } from "./tidy.ts";
import { renderTrajectoryTable, trajectoryTable } from "./trajectory.ts";

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

/** A value and its 95% interval as three columns: `name`, `name_lo`, `name_hi`. */
function withInterval<Row>(name: string, part: (row: Row) => { ci95: Interval }, value: (row: Row) => number): Column<Row>[] {
  return [
    { header: name, get: value },
    { header: `${name}_lo`, get: (r) => part(r).ci95[0] },
    { header: `${name}_hi`, get: (r) => part(r).ci95[1] },
  ];
}

/** Tidy columns of an option's scores: cost, autonomy, risk, expected and their paired differences from baseline, with intervals; per_cost. */
export function scoreCsvColumns<Row>(score: (row: Row) => OptionScore): Column<Row>[] {
  const vs = (r: Row) => score(r).vsBaseline;
  return [
    { header: "cost", get: (r) => score(r).cost },
    ...withInterval<Row>("autonomy", (r) => score(r).autonomy, (r) => score(r).autonomy.mean),
    ...withInterval<Row>("risk", (r) => score(r).risk, (r) => score(r).risk.value),
    ...withInterval<Row>("expected", (r) => score(r).expected, (r) => score(r).expected.value),
    ...withInterval<Row>("autonomy_diff", (r) => vs(r).autonomy, (r) => vs(r).autonomy.diff),
    ...withInterval<Row>("risk_diff", (r) => vs(r).risk, (r) => vs(r).risk.diff),
    ...withInterval<Row>("expected_diff", (r) => vs(r).expected, (r) => vs(r).expected.diff),
    { header: "per_cost", get: (r) => score(r).perCost },
  ];
}

/** One row per option and scored good: the good's shortfall scores as fractions (0–1). */
export function goodsTable(report: RunSettings & { options: readonly OptionScore[] }): AnyTidy {
  type Row = { option: string; good: string; g: GoodScore };
  const rows: Row[] = report.options.flatMap((o) => Object.entries(o.goods).map(([good, g]) => ({ option: o.id, good, g })));
  return tidy<Row>(
    [
      ...settingColumns<Row>(report),
      { header: "option", get: (r) => r.option },
      { header: "good", get: (r) => r.good },
      { header: "unmet", get: (r) => r.g.unmet },
      ...withInterval<Row>("p_shortfall10", (r) => ({ ci95: r.g.pShortfall10Ci95 }), (r) => r.g.pShortfall10),
      { header: "p_short", get: (r) => r.g.pShort },
      { header: "ttr", get: (r) => r.g.ttr },
    ],
    rows,
  );
}

/** The tidy tables of `run --format csv|jsonl` (`--table`): options, goods, and with --trajectory the bands. */
export const runTables = {
  options: (r) => tidy<OptionScore>([...settingColumns<OptionScore>(r), { header: "option", get: (o) => o.id }, ...scoreCsvColumns<OptionScore>((o) => o)], r.options),
  goods: goodsTable,
  trajectory: (r) => trajectoryTable(r, r.trajectories),
} satisfies TidyTables<RunReport>;

/** The table `run` writes without --table: the trajectory bands when traced, else the options. */
export const defaultRunTable = (r: RunReport): keyof typeof runTables => (r.trajectories ? "trajectory" : "options");

/** `run` as CSV: one of its tidy tables (docs/outputs.md). */
export function renderRunCsv(report: RunReport, table: keyof typeof runTables = defaultRunTable(report)): string {
  return renderTidyCsv(runTables[table](report));
}

/** `csv` and `jsonl` of these tables (render/formats.ts loads them when first written). */
export const runTidy = tidyFormats(runTables, defaultRunTable);
