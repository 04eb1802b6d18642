// Renders a portfolio report as one self-contained HTML brief for readers who have never seen the
// tool: the plain-language summary, the budget–score frontier chart, the chosen set, per-threat
// bars (doing nothing against the chosen set) and what to buy first. Charts are vega-lite specs
// rendered to inline SVG by the one page shell (page.ts); the page has no script and is byte-identical for the same
// report.
import type { TopLevelSpec } from "vega-lite";
import type { Diff } from "../analysis/portfolio.ts";
import type { PortfolioReport, PortfolioSet } from "../analysis/portfolio-report.ts";
import { chartConfig as config, escapeHtml, PALETTE as SHARED, renderPage, simpleTable } from "./page.ts";
import { interval } from "./run.ts";

const PALETTE = { frontier: SHARED.accent, dominated: SHARED.grey, baseline: SHARED.base } as const;

const setName = (ids: readonly string[]): string => (ids.length === 0 ? "nothing" : ids.join(" + "));
const money = (r: PortfolioReport, x: number): string => `${x}${r.currency === "units" ? "" : ` ${r.currency}`}`;
const diffText = (d: Diff): string => `${d.diff.toFixed(2)} ${interval(d.ci95, 2)}`;
const scoreName = (r: PortfolioReport): string => (r.objective === "risk" ? "tail risk (CVaR95)" : "expected shortfall");

/** The frontier as a step line, the chosen set and the budget marked. */
export function frontierSpec(r: PortfolioReport): TopLevelSpec {
  const chosen = r.chosen === null ? "" : setName(r.chosen.ids);
  const points = r.frontier.map((s) => ({ cost: s.cost, score: s.value, lo: s.value + s.vsNothing.ci95[0] - s.vsNothing.diff, hi: s.value + s.vsNothing.ci95[1] - s.vsNothing.diff, set: setName(s.ids), kind: setName(s.ids) === chosen ? "chosen set" : "best set at its cost" }));
  const x = { field: "cost", type: "quantitative" as const, title: `cost (${r.currency})` };
  const y = { field: "score", type: "quantitative" as const, title: "national score (lower is better)", scale: { zero: true } };
  const colour = { field: "kind", type: "nominal" as const, title: null, legend: { orient: "bottom" as const, labelLimit: 300 }, scale: { domain: ["best set at its cost", "chosen set"], range: [PALETTE.dominated, PALETTE.frontier] } };
  const layers: TopLevelSpec[] = [
    { data: { values: points }, mark: { type: "line", interpolate: "step-after", color: PALETTE.frontier, strokeWidth: 1.5 }, encoding: { x, y } },
    { data: { values: points }, mark: { type: "rule", color: "#b8bec7" }, encoding: { x, y: { field: "lo", type: "quantitative" }, y2: { field: "hi" } } },
    { data: { values: points }, mark: { type: "point", filled: true, size: 70, opacity: 1 }, encoding: { x, y, color: colour } },
  ] as TopLevelSpec[];
  if (r.budget !== null) layers.push({ data: { values: [{ budget: r.budget }] }, mark: { type: "rule", strokeDash: [4, 4], color: PALETTE.baseline }, encoding: { x: { field: "budget", type: "quantitative" } } } as TopLevelSpec);
  return { $schema: "https://vega.github.io/schema/vega-lite/v6.json", width: 600, height: 320, config, layer: layers } as unknown as TopLevelSpec;
}

/** Per threat: its score doing nothing and with the chosen set (or the best buy per cost), side by side. */
export function threatSpec(r: PortfolioReport, against: PortfolioSet): TopLevelSpec {
  const label = `with ${setName(against.ids)}`;
  const rows = r.threats.flatMap((t, i) => [
    { threat: t.name, what: "doing nothing", score: r.nothing.threats[i]!.value },
    { threat: t.name, what: label, score: against.threats[i]!.value },
  ]);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: 600,
    config,
    data: { values: rows },
    mark: { type: "bar", height: { band: 0.8 } },
    encoding: {
      y: { field: "threat", type: "nominal", title: null, sort: null, axis: { labelLimit: 420 } },
      yOffset: { field: "what", sort: null },
      x: { field: "score", type: "quantitative", title: `${scoreName(r)} of the threat (lower is better)` },
      color: { field: "what", type: "nominal", title: null, sort: null, legend: { orient: "bottom", labelLimit: 600 }, scale: { domain: ["doing nothing", label], range: [PALETTE.baseline, PALETTE.frontier] } },
    },
  } as unknown as TopLevelSpec;
}

const row = (k: string, v: string): string => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`;

function chosenHtml(r: PortfolioReport, c: PortfolioSet): string {
  const m = r.marginal;
  return [
    '<table class="kv">',
    row("policies", setName(c.ids)),
    row("cost", money(r, c.cost)),
    row(`national ${scoreName(r)}`, `${c.value.toFixed(2)} (doing nothing: ${r.nothing.value.toFixed(2)})`),
    row("difference from doing nothing, paired, 95% CI", diffText(c.vsNothing)),
    ...c.threats.map((t, i) => row(`— ${r.threats[i]!.name}`, `${t.value.toFixed(1)}; ${diffText(t.vsNothing)}`)),
    row("one more unit of budget", m === null ? "buys nothing more among these candidates" : `${m.perUnit.toPrecision(3)} points per unit, on the way to ${setName(m.next)} at ${money(r, m.nextCost)}`),
    "</table>",
  ].join("\n");
}

/**
 * The portfolio brief as one self-contained HTML page (inline SVG and styles, no scripts).
 * Deterministic: the same report gives byte-identical output.
 */
export async function renderPortfolioHtml(r: PortfolioReport): Promise<string> {
  const against = r.chosen ?? r.singles.find((s) => s.ids[0] === r.bestPerCost?.id) ?? r.nothing;
  const singles = [...r.singles].sort((a, b) => (b.perCost?.diff ?? -Infinity) - (a.perCost?.diff ?? -Infinity));
  const meta = `home ${r.home} · ${r.threats.length} threats · ${r.candidates.length} candidate policies · ${r.method === "exhaustive" ? "every combination scored" : "beam search with swaps (not guaranteed optimal)"} (${r.evaluated} sets)`;
  return renderPage({
    generator: "chokepoint portfolio",
    title: `${r.name} — policy brief`,
    heading: r.name,
    meta: [meta],
    summary: r.summary.split(/(?<=\.) (?=[A-Z])/),
    sections: [
      {
        heading: "How to read this brief",
        text: [
          `Each threat is simulated many times (trials): in each, shocks of uncertain size and length hit ${r.home}'s supply, and what is not delivered is counted. A threat's ${scoreName(r)} is the average shortfall in its worst 5% of trials, in percent of the value of ${r.home}'s critical goods over the horizon.`,
          "The national score adds the threats' scores, each times its weight (here its annual probability, a judgement). Every set of policies is simulated on the same trials, so the differences between sets are paired and their intervals narrow.",
        ],
      },
      {
        heading: "Budget against national score",
        chart: { name: "frontier", spec: frontierSpec(r), caption: "The best set of policies at each cost (lower is better), with the 95% interval of its difference from doing nothing; the orange point is the set chosen within the budget (dashed line)." },
      },
      ...(r.chosen === null ? [] : [{ heading: `The chosen set within ${money(r, r.budget ?? 0)}`, html: chosenHtml(r, r.chosen) }]),
      {
        heading: "Threat by threat",
        chart: { name: "threats", spec: threatSpec(r, against), caption: `Each threat's ${scoreName(r)} doing nothing and with ${setName(against.ids)}.` },
        html: simpleTable(["threat", "scenario file", "weight", "trials"], r.threats.map((t) => [t.name, t.file.split("/").pop() ?? t.file, String(t.weight), String(t.trials)])),
      },
      {
        heading: "What to buy first: each policy alone, by points removed per unit cost",
        html: simpleTable(
          ["policy", `cost (${r.currency})`, "difference from doing nothing (paired, 95% CI)", "points per unit cost", "95% CI"],
          singles.map((s) => [s.ids[0]!, String(s.cost), diffText(s.vsNothing), s.perCost === null ? "" : s.perCost.diff.toPrecision(3), s.perCost === null ? "" : interval(s.perCost.ci95, 5)]),
        ),
      },
    ],
    footer: `chokepoint portfolio · trials and seeds per threat: ${r.threats.map((t) => `${t.trials} at ${t.seed}`).join(", ")}: the same files and seeds reproduce these numbers exactly.`,
  });
}
