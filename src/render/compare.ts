// Renders a comparison as a table, tidy CSV or JSON (MODEL §8 option shape plus rank, frontier,
// perCost, significant).
import { type BudgetResult, budgetMethodText } from "../analysis/budget.ts";
import type { CompareReport } from "../analysis/compare-report.ts";
import type { ComparedOption } from "../analysis/compare.ts";
import type { Column } from "./columns.ts";
import { goodsTable, interval, scoreCsvColumns } from "./run.ts";
import { renderTidyCsv, settingColumns, tidy, tidyFormats, type TidyTables } from "./tidy.ts";
import { legendLines, noEffect, noEffectNote, perCostHeader, smallSampleNote, summaryLines } from "./notes.ts";
import { type Block, fitTable, fitText, type Layout, WIDE } from "./table.ts";

/** The footnotes of a comparison, shared by the table and the HTML page. */
export const COMPARE_NOTES = [
  "* on the efficient frontier (no option costs less and scores better)",
  "≈base: the paired difference from baseline is not significant at 95%; ≈above: nor is the difference from the option ranked just above",
] as const;

/** The not-significant marks of an option: ≈base, ≈above, both or none. */
export const significanceMark = (o: ComparedOption): string => {
  const m: string[] = [];
  if (o.id !== "baseline" && !o.significant.vsBaseline) m.push("≈base");
  if (o.significant.vsAbove === false) m.push("≈above");
  return m.join(" ");
};

/** What the table and the blocks say of an option, by the comparison's objective. */
function parts(r: CompareReport) {
  const obj = r.objective === "risk" ? "risk" : "expected";
  return {
    obj,
    objName: obj === "risk" ? "risk (CVaR95)" : "expected",
    diffOf: (o: ComparedOption) => (r.objective === "risk" ? o.vsBaseline.risk : o.vsBaseline.expected),
    valueOf: (o: ComparedOption) => (obj === "risk" ? o.risk : o.expected),
    marks: (o: ComparedOption) => (noEffect(o) ? "no effect" : significanceMark(o)),
    perCost: perCostHeader(r.currency),
  };
}

/** The comparison table's columns, shared by the text table and the explorer page. */
export function compareColumns(r: CompareReport): Column<ComparedOption>[] {
  const { objName, diffOf, valueOf, marks, perCost } = parts(r);
  return [
    { header: "rank", get: (o) => o.rank },
    { header: "option", get: (o) => o.id },
    { header: "cost", get: (o) => o.cost },
    { header: "autonomy", get: (o) => o.autonomy.mean, digits: 1 },
    { header: "95% CI", get: (o) => interval(o.autonomy.ci95), align: "right" },
    { header: objName, get: (o) => valueOf(o).value, digits: 1 },
    { header: "95% CI", get: (o) => interval(valueOf(o).ci95), align: "right" },
    { header: "Δ vs baseline (paired)", get: (o) => (o.id === "baseline" ? "" : diffOf(o).diff), digits: 1 },
    { header: "95% CI", get: (o) => (o.id === "baseline" ? "" : interval(diffOf(o).ci95)), align: "right" },
    { header: perCost, get: (o) => o.perCost, digits: 3 },
    { header: "frontier", get: (o) => (o.frontier ? "*" : "") },
    { header: "not significant", get: marks },
  ];
}

export function renderCompareTable(r: CompareReport, layout: Layout = WIDE): string {
  const { obj, objName, diffOf, valueOf, marks, perCost } = parts(r);
  const columns = compareColumns(r);
  const block = (o: ComparedOption): Block => ({
    title: [`${o.rank}. ${o.id}`, o.frontier ? "*" : "", marks(o)].filter((t) => t !== "").join("  "),
    segments: [
      `cost ${o.cost}`,
      `autonomy ${o.autonomy.mean.toFixed(1)} ${interval(o.autonomy.ci95)}`,
      `${objName} ${valueOf(o).value.toFixed(1)} ${interval(valueOf(o).ci95)}`,
      ...(o.id === "baseline" ? [] : [`Δ ${diffOf(o).diff.toFixed(1)} ${interval(diffOf(o).ci95)} vs baseline`]),
      ...(o.perCost === null ? [] : [`${o.perCost.toFixed(3)} ${perCost}`]),
    ],
  });
  const lines = [
    `${r.scenario}`,
    `home ${r.home} · ${r.trials} trials · seed ${r.seed} · horizon ${r.horizon} ${r.period}s · ranked by ${obj === "risk" ? "tail risk (CVaR95)" : "expected shortfall"}, lower is better`,
  ];
  if (r.precision) {
    lines.push(
      `precision: largest ${obj} CI half-width ${r.precision.maxHalfWidth.toFixed(3)} ${r.precision.reached ? "≤" : ">"} ${r.precision.target} after ${r.trials} trials${r.precision.reached ? "" : " (stopped at --max-trials)"}`,
    );
  }
  const notes = [...legendLines(r.objective, r.currency), ...COMPARE_NOTES, noEffectNote(r.options), smallSampleNote(r.trials)].filter((n) => n !== undefined);
  let out = `${lines.join("\n")}\n\n${fitTable(columns, r.options, layout, block)}`;
  out += `\n${notes.join("\n")}\n`;
  if (r.budget) out += `\n${budgetText(r.budget, r.currency, objName)}`;
  out += `\n${summaryLines(r.summary).join("\n")}\n`;
  return fitText(out, layout);
}

function budgetText(b: BudgetResult, currency: string, objName: string): string {
  const unit = currency === "units" ? "" : ` ${currency}`;
  const head = `budget ${b.budget}${unit} (${budgetMethodText(b)})`;
  if (b.best === null) return `${head}\n  no policy fits the budget\n`;
  const d = (x: { diff: number; ci95: [number, number] } | null) => (x ? `${x.diff.toFixed(1)} ${interval(x.ci95)}` : "n/a");
  return (
    `${head}\n` +
    `  best: ${b.best.policies.join(" + ")} — cost ${b.best.cost}${unit}, ${objName} ${b.best.value.toFixed(1)}\n` +
    `  Δ${objName} vs baseline: ${d(b.vsBaseline)}\n` +
    `  Δ${objName} vs the best single policy (${b.bestSingle?.id ?? "none"}): ${d(b.vsBestSingle)}\n`
  );
}

/** The tidy tables of `compare --format csv|jsonl` (`--table`): the ranked options, and the goods. */
export const compareTables = {
  options: (r) =>
    tidy<ComparedOption>(
      [
        ...settingColumns<ComparedOption>(r),
        { header: "rank", get: (o) => o.rank },
        { header: "option", get: (o) => o.id },
        ...scoreCsvColumns<ComparedOption>((o) => o),
        { header: "frontier", get: (o) => o.frontier },
        { header: "significant_vs_baseline", get: (o) => o.significant.vsBaseline },
        // rank 1 has no option above it: false, never an empty cell (a boolean column stays boolean)
        { header: "significant_vs_above", get: (o) => o.significant.vsAbove === true },
        { header: "above_option", get: (o) => o.significant.aboveDiff?.id },
        { header: "above_diff", get: (o) => o.significant.aboveDiff?.diff },
        { header: "above_diff_lo", get: (o) => o.significant.aboveDiff?.ci95[0] },
        { header: "above_diff_hi", get: (o) => o.significant.aboveDiff?.ci95[1] },
      ],
      r.options,
    ),
  goods: goodsTable,
} satisfies TidyTables<CompareReport>;

/** `compare` as CSV: one of its tidy tables (docs/outputs.md). */
export function renderCompareCsv(r: CompareReport, table: keyof typeof compareTables = "options"): string {
  return renderTidyCsv(compareTables[table](r));
}

/** `csv` and `jsonl` of these tables (render/formats.ts loads them when first written). */
export const compareTidy = tidyFormats(compareTables, () => "options");
