// Renders a stress test (docs/stress.md): one row per node and option, worst node first, as an
// aligned table or tidy CSV.
import type { StressNode, StressOutcome, StressReport } from "../analysis/stress.ts";
import type { Column } from "./columns.ts";
import { renderTable } from "./table.ts";
import { type AnyTidy, renderTidyCsv, settingsOf, tidy } from "./tidy.ts";

interface Row {
  node: StressNode;
  outcome: StressOutcome;
}

const rowsOf = (r: StressReport): Row[] => r.nodes.flatMap((node) => node.options.map((outcome) => ({ node, outcome })));

/** The goods that fell short, most value lost first, as `a 12.3%, b 1.0%`. */
export const shortGoodsText = (o: StressOutcome, max = 4): string =>
  o.shortGoods
    .slice(0, max)
    .map((g) => `${g.good} ${(100 * g.unmet).toFixed(1)}%`)
    .join(", ") + (o.shortGoods.length > max ? `, +${o.shortGoods.length - max} more` : "");

/** A value in three significant digits with k, M, bn or tn: 32.5 bn. */
export function compactNumber(v: number): string {
  const units: [number, string][] = [
    [1e12, " tn"],
    [1e9, " bn"],
    [1e6, " M"],
    [1e3, " k"],
  ];
  for (const [size, unit] of units) if (Math.abs(v) >= size) return `${Number((v / size).toPrecision(3))}${unit}`;
  return String(Number(v.toPrecision(3)));
}

/** One line on what was stressed, how hard and for how long. */
export function stressHeading(r: StressReport): string {
  const sev = r.severity === 1 ? "a full cut" : `severity ${r.severity}`;
  return (
    `${r.scenario}\n` +
    `home ${r.home} · every ${r.by.join(", ")} in turn · ${sev} for ${r.duration} of ${r.horizon} ${r.period}s · ` +
    `${r.trials} trial${r.trials === 1 ? "" : "s"} · seed ${r.seed}\n`
  );
}

export function renderStressTable(r: StressReport): string {
  const multi = r.options.length > 1;
  const columns: Column<Row>[] = [
    { header: "rank", get: (x) => x.node.rank },
    { header: "node", get: (x) => `${x.node.by} ${x.node.id}` },
    ...(multi ? [{ header: "option", get: (x: Row) => x.outcome.option }] : []),
    { header: "unmet %", get: (x) => 100 * x.outcome.unmet, digits: 2 },
    { header: "value lost", get: (x) => compactNumber(x.outcome.valueLost), align: "right" },
    { header: `survive (${r.period}s)`, get: (x) => x.outcome.timeToSurvive ?? `≥ ${r.horizon}`, align: "right" },
    { header: `recover (${r.period}s)`, get: (x) => x.outcome.timeToRecover ?? "", align: "right" },
    { header: "goods short", get: (x) => shortGoodsText(x.outcome) },
  ];
  const notes =
    "survive = periods until the home's first unmet demand (stocks and replacement included); " +
    "recover = periods from then until every good is back at 99 %; value lost = price × volume of demand unmet\n\n";
  return `${stressHeading(r)}${notes}${renderTable(columns, rowsOf(r))}`;
}

/** One row per failed node and option (`stress --format csv|jsonl`; docs/outputs.md). */
export function stressTable(r: StressReport): AnyTidy {
  const columns: Column<Row>[] = [
    // the run's settings lead every row (docs/outputs.md)
    ...settingsOf<Row, StressReport>(r, ["scenario", "home", "trials", "seed", "horizon", "period", "currency", "duration", "severity"]),
    { header: "rank", get: (x) => x.node.rank },
    { header: "kind", get: (x) => x.node.by },
    { header: "node", get: (x) => x.node.id },
    { header: "option", get: (x) => x.outcome.option },
    { header: "unmet", get: (x) => x.outcome.unmet },
    { header: "value_lost", get: (x) => x.outcome.valueLost },
    { header: "time_to_survive", get: (x) => x.outcome.timeToSurvive },
    { header: "time_to_recover", get: (x) => x.outcome.timeToRecover },
    { header: "goods_short", get: (x) => x.outcome.shortGoods.map((g) => g.good).join(" ") },
  ];
  return tidy(columns, rowsOf(r));
}

export function renderStressCsv(r: StressReport): string {
  return renderTidyCsv(stressTable(r));
}
