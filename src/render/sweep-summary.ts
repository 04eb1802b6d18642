// The text summary printed after a sweep: a tornado table (one-at-a-time), or the parameter that
// explains most of each option's risk (SRRC, grid and LHS); then where the best option changes.
import { bestOptions, byPoint, optionOrder, riskRegressions, tornado, type TornadoBar } from "../analysis/sensitivity.ts";
import type { SweepRow } from "../analysis/sweep-rows.ts";
import type { Shard } from "../sweep/design.ts";
import type { ParameterPath } from "../sweep/paths.ts";
import type { Design } from "../sweep/schema.ts";
import type { Column } from "./columns.ts";
import { renderTable } from "./table.ts";

export interface SummaryInput {
  design: Design;
  /** Parameter paths, in column order. */
  parameters: readonly string[];
  /** Every row of the output so far (any order). */
  rows: readonly SweepRow[];
  /** Points in the whole design. */
  totalPoints: number;
  /** oat: the parameter varied at a point; undefined at the base point. */
  variedOf: (point: number) => number | undefined;
  shard?: Shard;
}

/** How many best-option exceptions to list before "… and N more". */
const MAX_LISTED = 20;

export function renderSweepSummary(input: SummaryInput): string {
  const { design, rows } = input;
  const points = byPoint(rows);
  const options = optionOrder(rows);
  const parts: string[] = [];
  const scope =
    input.shard === undefined
      ? ""
      : ` (shard ${input.shard.index}/${input.shard.of}: these points only; merge the shards for the whole sweep)`;
  parts.push(
    `sweep summary: ${points.size} of ${input.totalPoints} points × ${options.length} option${options.length === 1 ? "" : "s"}, ${designName[design]}${scope}\n`,
  );
  if (rows.length === 0) return parts.join("");
  if (design === "oat") parts.push(renderTornado(input));
  else parts.push(renderRegressions(input));
  parts.push(renderBest(input, points.size));
  return parts.join("\n");
}

const designName: Record<Design, string> = {
  grid: "full grid",
  oat: "one at a time",
  lhs: "Latin hypercube",
};

function renderTornado(input: SummaryInput): string {
  const bars = tornado(input.rows, input.parameters.length, input.variedOf);
  if (bars.length === 0) return "tornado: no parameter was varied\n";
  const columns: Column<TornadoBar>[] = [
    { header: "option", get: (b) => b.option },
    { header: "parameter", get: (b) => input.parameters[b.parameter] },
    { header: "low", get: (b) => b.low },
    { header: "high", get: (b) => b.high },
    { header: "risk@low", get: (b) => b.riskLow, digits: 2 },
    { header: "risk@base", get: (b) => b.riskBase, digits: 2 },
    { header: "risk@high", get: (b) => b.riskHigh, digits: 2 },
    { header: "swing", get: (b) => b.swing, digits: 2 },
  ];
  return (
    "tornado: each option's risk (100 × CVaR95) with one parameter at its low and its high value,\n" +
    "the others at the scenario's base; swing = |risk@high − risk@low|, widest first\n" +
    renderTable(columns, bars)
  );
}

function renderRegressions(input: SummaryInput): string {
  type Row = { option: string; parameter: string; srrc: number | undefined; r2: number | undefined };
  const table: Row[] = [];
  const tops: string[] = [];
  for (const { option, fit } of riskRegressions(input.rows, input.parameters.length)) {
    const order = input.parameters
      .map((p, j) => ({ p, s: fit.srrc[j] }))
      .sort((a, b) => Math.abs(b.s ?? -1) - Math.abs(a.s ?? -1));
    const top = order[0];
    tops.push(
      top?.s === undefined
        ? `  ${option}: n/a (risk or the parameters do not vary enough across points)\n`
        : `  ${option}: ${top.p} (SRRC ${top.s.toFixed(3)})\n`,
    );
    for (const { p, s } of order) table.push({ option, parameter: p, srrc: s, r2: fit.r2 });
  }
  const columns: Column<Row>[] = [
    { header: "option", get: (r) => r.option },
    { header: "parameter", get: (r) => r.parameter },
    { header: "SRRC", get: (r) => r.srrc ?? "n/a", digits: 3, align: "right" },
    { header: "SRRC²", get: (r) => (r.srrc === undefined ? "n/a" : r.srrc * r.srrc), digits: 3, align: "right" },
    { header: "R² (ranks)", get: (r) => r.r2 ?? "n/a", digits: 3, align: "right" },
  ];
  return (
    "sensitivity of each option's risk (100 × CVaR95): standardized rank regression coefficients (SRRC),\n" +
    "the regression of the ranks of risk on the ranks of every parameter across points. Sign: the\n" +
    "direction of the effect; SRRC² ≈ the parameter's share of the variance of risk's ranks (the\n" +
    "parameters of a grid or LHS are uncorrelated); R² is the share all parameters explain together.\n" +
    renderTable(columns, table) +
    `explains most of the variance of risk, per option:\n${tops.join("")}`
  );
}

function renderBest(input: SummaryInput, nPoints: number): string {
  const best = bestOptions(input.rows);
  if (best.length === 0) return "";
  const counts = new Map<string, number>();
  for (const b of best) counts.set(b.row.option, (counts.get(b.row.option) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const modal = ranked[0]![0];
  const head = `best option (lowest risk): ${ranked.map(([o, n]) => `${o} at ${n} of ${nPoints} point${nPoints === 1 ? "" : "s"}`).join(", ")}\n`;
  if (ranked.length === 1) return `${head}the best option is the same at every point\n`;
  const others = best.filter((b) => b.row.option !== modal);
  type Row = { point: number; row: SweepRow };
  const columns: Column<Row>[] = [
    { header: "point", get: (r) => r.point },
    ...input.parameters.map((p, j): Column<Row> => ({ header: p, get: (r) => r.row.values[j] })),
    { header: "best", get: (r) => r.row.option },
    { header: "risk", get: (r) => r.row.risk, digits: 2 },
  ];
  const listed = others.slice(0, MAX_LISTED);
  const more = others.length - listed.length;
  return (
    `${head}points where the best option is not ${modal}:\n` +
    renderTable(columns, listed) +
    (more > 0 ? `… and ${more} more\n` : "")
  );
}

/** The `--list-paths` table: every parameter path of a scenario with its value. */
export function renderParameterPaths(paths: readonly ParameterPath[]): string {
  const columns: Column<ParameterPath>[] = [
    { header: "path", get: (p) => p.text },
    { header: "value", get: (p) => (p.holds === "number" ? p.base : p.holds === "distribution" ? "(distribution)" : "(not set)"), align: "right" },
    { header: "kind", get: (p) => (p.integer ? "whole number" : "") },
  ];
  return renderTable(columns, paths);
}
