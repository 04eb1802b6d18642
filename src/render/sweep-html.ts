// The sweep's page: a tornado per option for one-at-a-time sweeps, a heat map of risk per option
// for two-parameter grids, risk against the value for one parameter, and otherwise each
// parameter's rank-regression coefficient; then where the best option changes.
import type { TopLevelSpec } from "vega-lite";
import { bestOptions, byPoint, optionOrder, riskRegressions, tornado } from "../analysis/sensitivity.ts";
import { type BarRow, barsSection, heatMapSpec, tornadoSpec } from "./charts.ts";
import { chartConfig, notesHtml, type PageSection, renderPage, SERIES_COLOURS } from "./page.ts";
import type { SummaryInput } from "./sweep-summary.ts";

/** Options drawn one chart each (tornado, heat map); the rest are in the rows file. */
const DRAWN = 4;
const RISK = "risk, 100 × CVaR95 of the unmet share (lower is better)";

const fmt = (v: number | undefined) => (v === undefined ? "base" : String(Number(v.toPrecision(4))));

function tornadoSections(input: SummaryInput): PageSection[] {
  const bars = tornado(input.rows, input.parameters.length, input.variedOf);
  return optionOrder(input.rows)
    .slice(0, DRAWN)
    .flatMap((option) => {
      const mine = bars.filter((b) => b.option === option);
      if (mine.length === 0) return [];
      const rows = mine.map((b) => ({ label: `${input.parameters[b.parameter]} (${fmt(b.low)} → ${fmt(b.high)})`, low: b.riskLow, high: b.riskHigh }));
      return [
        {
          heading: `What moves the risk of ${option}`,
          chart: {
            name: `tornado-${option}`,
            spec: tornadoSpec(rows, mine[0]!.riskBase, { xTitle: RISK }),
            caption: `Each bar runs from ${option}'s risk with one parameter at the scenario's base (dashed line) to its risk with that parameter at its low value (blue) and at its high value (orange), the others at base; widest swing on top.`,
          },
        },
      ];
    });
}

function gridSections(input: SummaryInput): PageSection[] {
  const [p, q] = input.parameters;
  const xs = [...new Set(input.rows.map((r) => fmt(r.values[0])))].sort((a, b) => Number(a) - Number(b));
  const ys = [...new Set(input.rows.map((r) => fmt(r.values[1])))].sort((a, b) => Number(b) - Number(a));
  return optionOrder(input.rows)
    .slice(0, DRAWN)
    .map((option) => ({
      heading: `Risk of ${option} over ${p} and ${q}`,
      chart: {
        name: `grid-${option}`,
        spec: heatMapSpec(
          input.rows.filter((r) => r.option === option).map((r) => ({ x: fmt(r.values[0]), y: fmt(r.values[1]), value: r.risk, text: r.risk.toFixed(1) })),
          { xs, ys, xTitle: p!, yTitle: q!, valueTitle: "risk" },
        ),
        caption: `${option}'s risk (100 × CVaR95 of the unmet share; darker is worse) at every combination of ${p} (columns) and ${q} (rows).`,
      },
    }));
}

function lineSection(input: SummaryInput): PageSection {
  const options = optionOrder(input.rows);
  const values = input.rows.map((r) => ({ x: r.values[0], risk: r.risk, lo: r.risk_lo, hi: r.risk_hi, option: r.option }));
  const colour = { field: "option", type: "nominal" as const, scale: { domain: options, range: options.map((_, i) => SERIES_COLOURS[i % SERIES_COLOURS.length]!) }, legend: { orient: "top" as const } };
  const x = { field: "x", type: "quantitative" as const, title: input.parameters[0] ?? "value" };
  const spec: TopLevelSpec = {
    width: 560,
    height: 300,
    config: chartConfig,
    data: { values },
    layer: [
      { mark: { type: "errorband", opacity: 0.15 }, encoding: { x, y: { field: "lo", type: "quantitative" as const, title: RISK }, y2: { field: "hi" }, color: colour } },
      { mark: { type: "line", point: true }, encoding: { x, y: { field: "risk", type: "quantitative" as const, title: RISK }, color: colour } },
    ],
  };
  return { heading: `Risk against ${input.parameters[0]}`, chart: { name: "sweep-line", spec, caption: "Each option's risk at every value of the parameter, with its 95% confidence band." } };
}

function regressionSection(input: SummaryInput): PageSection {
  const rows: BarRow[] = riskRegressions(input.rows, input.parameters.length).flatMap(({ option, fit }) =>
    input.parameters.map((p, j) => ({ label: p, value: fit.srrc[j] ?? 0, series: option, text: fit.srrc[j] === undefined ? "n/a" : fit.srrc[j]!.toFixed(2) })),
  );
  return barsSection(
    "Which parameter drives risk",
    "sweep-srrc",
    rows,
    "standardized rank regression coefficient of risk (−1 to 1)",
    "How strongly each parameter's rank moves the rank of each option's risk across the points; its square is about the parameter's share of the variance.",
  );
}

function summary(input: SummaryInput): string[] {
  const points = byPoint(input.rows).size;
  const options = optionOrder(input.rows);
  const out = [`${points} points of ${input.parameters.length} parameter${input.parameters.length === 1 ? "" : "s"} (${input.parameters.join(", ")}) were run for ${options.length} option${options.length === 1 ? "" : "s"}.`];
  if (input.design === "oat") {
    const top = tornado(input.rows, input.parameters.length, input.variedOf).find((b) => b.option === options[0]);
    if (top) out.push(`For ${top.option}, ${input.parameters[top.parameter]} moves risk most: from ${top.riskLow.toFixed(1)} at ${fmt(top.low)} to ${top.riskHigh.toFixed(1)} at ${fmt(top.high)}.`);
  }
  const best = bestOptions(input.rows);
  const counts = new Map<string, number>();
  for (const b of best) counts.set(b.row.option, (counts.get(b.row.option) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 1) out.push(`${ranked[0]![0]} has the lowest risk at every point.`);
  else if (ranked.length > 1) out.push(`The best option changes with the parameters: ${ranked.map(([o, n]) => `${o} is best at ${n} point${n === 1 ? "" : "s"}`).join(", ")}.`);
  return out;
}

export async function renderSweepHtml(input: SummaryInput): Promise<string> {
  const sections =
    input.design === "oat"
      ? tornadoSections(input)
      : input.parameters.length === 2 && input.design === "grid"
        ? gridSections(input)
        : input.parameters.length === 1
          ? [lineSection(input)]
          : [regressionSection(input)];
  const first = input.rows[0];
  return renderPage({
    generator: "chokepoint sweep",
    title: `Sweep of ${input.parameters.join(", ")}`,
    heading: `Sweep of ${input.parameters.join(", ")}`,
    meta: [`${input.design} design · ${byPoint(input.rows).size} of ${input.totalPoints} points${first ? ` · ${first.trials} trials per point · seed ${first.seed}` : ""}`],
    summary: summary(input),
    sections: [
      ...sections,
      {
        heading: "How to read it",
        html: notesHtml([
          "risk = 100 × CVaR95 of the unmet share: the mean loss of the worst 5% of trials; lower is better",
          "every point runs the same trials (common random numbers), so differences between points are the parameters', not noise's",
          "the rows behind this page are written with --out FILE (CSV or JSON Lines)",
        ]),
      },
    ],
    footer: "chokepoint sweep · the same scenario, parameters, trials and seed reproduce this page exactly.",
  });
}
