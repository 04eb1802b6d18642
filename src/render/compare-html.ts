// Renders a comparison as one self-contained HTML page: the summary, a cost–risk chart with the
// efficient frontier, an autonomy chart and the comparison table. Charts are vega-lite specs
// rendered to inline SVG by vega's headless renderer, so the page needs no script, no network
// and no browser to make. Reference: vega-lite compile → vega.parse → View.toSVG
// (https://vega.github.io/vega/usage/#view).
import type { TopLevelSpec } from "vega-lite";
import { type BudgetResult, budgetMethodText } from "../analysis/budget.ts";
import type { CompareReport } from "../analysis/compare-report.ts";
import type { ComparedOption } from "../analysis/compare.ts";
import { type Column, formatCell } from "./columns.ts";
import { COMPARE_NOTES, significanceMark } from "./compare.ts";
import { chartConfig as config, escapeHtml, niceDomain, notesHtml, type PageSection, PALETTE, renderPage } from "./page.ts";
import { interval } from "./run.ts";

export { escapeHtml, niceDomain } from "./page.ts";

type Kind = "baseline" | "frontier" | "dominated";

const KINDS: Kind[] = ["frontier", "dominated", "baseline"];
const KIND_LABEL: Record<Kind, string> = { frontier: "on the frontier", dominated: "dominated", baseline: "baseline" };
const COLOURS: Record<Kind, string> = { frontier: PALETTE.accent, dominated: PALETTE.grey, baseline: PALETTE.base };
const SHAPES: Record<Kind, string> = { frontier: "circle", dominated: "circle", baseline: "square" };

const finite = (ci: readonly [number, number]): boolean => Number.isFinite(ci[0]) && Number.isFinite(ci[1]);
const kindOf = (o: ComparedOption): Kind => (o.id === "baseline" ? "baseline" : o.frontier ? "frontier" : "dominated");
const colour = { field: "kind", type: "nominal" as const, scale: { domain: KINDS.map((k) => KIND_LABEL[k]), range: KINDS.map((k) => COLOURS[k]) } };
const shape = { field: "kind", type: "nominal" as const, scale: { domain: KINDS.map((k) => KIND_LABEL[k]), range: KINDS.map((k) => SHAPES[k]) } };

const PLOT = { width: 600, height: 360 };

type Align = "left" | "center" | "right";
type Baseline = "top" | "middle" | "bottom";
export interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}
/** A label anchored at pixel (x, y) of the plot, with vega's text alignment. */
export interface PlacedLabel {
  text: string;
  x: number;
  y: number;
  align: Align;
  baseline: Baseline;
}

// A character of 11px sans-serif is about 6.5px wide in browsers (vega's own estimate, 8.8px, is wide).
const CHAR = 6.5;
const LINE = 12;

/**
 * Places one label per point so that labels avoid each other, the points and the error bars,
 * (and, more lightly, the given lines) and stay inside the plot: greedy, first free spot among right, left, above, below, then the
 * spot with the least overlap. Pixel coordinates, y down. Reference: none; a small take on the
 * point-label placement of vega's `label` transform, which vega-lite does not expose.
 */
export function placeLabels(
  points: readonly { text: string; x: number; y: number; top: number; bottom: number }[],
  plot: { width: number; height: number },
  lines: readonly Box[] = [],
): PlacedLabel[] {
  const obstacles: Box[] = points.flatMap((p) => [
    { x0: p.x - 5, x1: p.x + 5, y0: p.y - 5, y1: p.y + 5 },
    { x0: p.x - 4, x1: p.x + 4, y0: Math.min(p.top, p.y), y1: Math.max(p.bottom, p.y) },
  ]);
  obstacles.push(...lines);
  const overlap = (a: Box, b: Box) =>
    Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
  const inside = (b: Box) => overlap(b, { x0: 0, x1: plot.width, y0: 0, y1: plot.height });
  const boxOf = (c: PlacedLabel): Box => {
    const w = CHAR * c.text.length;
    const x0 = c.align === "left" ? c.x : c.align === "right" ? c.x - w : c.x - w / 2;
    const y0 = c.baseline === "top" ? c.y : c.baseline === "bottom" ? c.y - LINE : c.y - LINE / 2;
    return { x0, x1: x0 + w, y0, y1: y0 + LINE };
  };
  const placed: PlacedLabel[] = [];
  for (const p of points) {
    const candidates: PlacedLabel[] = [];
    for (const [dx, align] of [
      [7, "left"],
      [-7, "right"],
    ] as const) {
      for (const [dy, baseline] of [
        [0, "middle"],
        [-3, "bottom"],
        [3, "top"],
        [-15, "bottom"],
        [15, "top"],
      ] as const) {
        candidates.push({ text: p.text, x: p.x + dx, y: p.y + dy, align, baseline });
      }
    }
    candidates.push({ text: p.text, x: p.x, y: Math.min(p.top, p.y - 6) - 2, align: "center", baseline: "bottom" });
    candidates.push({ text: p.text, x: p.x, y: Math.max(p.bottom, p.y + 6) + 2, align: "center", baseline: "top" });
    let best = candidates[0]!;
    let bestCost = Number.POSITIVE_INFINITY;
    for (const c of candidates) {
      const box = boxOf(c);
      let cost = (box.x1 - box.x0) * LINE - inside(box);
      for (const o of obstacles) cost += overlap(box, o);
      for (const q of placed) cost += 2 * overlap(box, boxOf(q));
      if (cost < bestCost) [best, bestCost] = [c, cost];
      if (cost === 0) break;
    }
    placed.push(best);
  }
  return placed;
}

/** Cost (x) against the objective (y) per option, with 95% CIs, the frontier as a staircase and a baseline line. */
export function costRiskSpec(r: CompareReport): TopLevelSpec {
  const risk = r.objective === "risk";
  const valueOf = (o: ComparedOption) => (risk ? o.risk : o.expected);
  const points = r.options.map((o) => ({ id: o.id, cost: o.cost, value: valueOf(o).value, kind: KIND_LABEL[kindOf(o)] }));
  const bars = r.options
    .filter((o) => finite(valueOf(o).ci95))
    .map((o) => ({ cost: o.cost, lo: valueOf(o).ci95[0], hi: valueOf(o).ci95[1], kind: KIND_LABEL[kindOf(o)] }));
  const byId = new Map(points.map((p) => [p.id, p]));
  const frontier = r.frontier.flatMap((id, order) => {
    const p = byId.get(id);
    return p ? [{ cost: p.cost, value: p.value, order }] : [];
  });
  const base = r.options.find((o) => o.id === "baseline");

  // Explicit domains, so that labels can be placed in pixels before vega draws them.
  const ys = [...points.map((p) => p.value), ...bars.flatMap((b) => [b.lo, b.hi])].filter(Number.isFinite);
  const xDomain = niceDomain(0, Math.max(0, ...points.map((p) => p.cost).filter(Number.isFinite)), 10);
  const yDomain = niceDomain(Math.min(0, ...ys), Math.max(0, ...ys));
  const px = (v: number) => ((v - xDomain[0]) / (xDomain[1] - xDomain[0])) * PLOT.width;
  const py = (v: number) => PLOT.height - ((v - yDomain[0]) / (yDomain[1] - yDomain[0])) * PLOT.height;
  const fromPx = (x: number, y: number) => ({
    lx: xDomain[0] + (x / PLOT.width) * (xDomain[1] - xDomain[0]),
    ly: yDomain[0] + ((PLOT.height - y) / PLOT.height) * (yDomain[1] - yDomain[0]),
  });
  // the baseline and the frontier get the first pick of label spots
  const order = (o: ComparedOption) => (o.id === "baseline" ? 0 : o.frontier ? 1 : 2);
  const toLabel = [...r.options]
    .filter((o) => Number.isFinite(o.cost) && Number.isFinite(valueOf(o).value))
    .sort((a, b) => order(a) - order(b) || a.cost - b.cost || a.rank - b.rank)
    .map((o) => {
      const v = valueOf(o);
      const [lo, hi] = finite(v.ci95) ? v.ci95 : [v.value, v.value];
      return { text: o.id, x: px(o.cost), y: py(v.value), top: py(hi), bottom: py(lo) };
    });
  // the frontier staircase and the baseline line, as thin boxes that labels prefer not to cover
  const lines: Box[] = [];
  const band = (x0: number, x1: number, y0: number, y1: number): Box => ({
    x0: Math.min(x0, x1) - 1,
    x1: Math.max(x0, x1) + 1,
    y0: Math.min(y0, y1) - 1,
    y1: Math.max(y0, y1) + 1,
  });
  for (let i = 0; i + 1 < frontier.length; i++) {
    const [a, b] = [frontier[i]!, frontier[i + 1]!];
    lines.push(band(px(a.cost), px(b.cost), py(a.value), py(a.value)), band(px(b.cost), px(b.cost), py(a.value), py(b.value)));
  }
  if (base) lines.push(band(0, PLOT.width, py(valueOf(base).value), py(valueOf(base).value)));
  const labels = placeLabels(toLabel, PLOT, lines).map((l) => ({ ...l, ...fromPx(l.x, l.y) }));

  const unit = r.currency === "units" ? "" : ` (${r.currency})`;
  const x = (field: string) => ({
    field,
    type: "quantitative" as const,
    title: `cost${unit}`,
    scale: { domain: xDomain, nice: false, zero: false },
    axis: { tickCount: 10 },
  });
  // vega sizes the page from estimated text widths (0.8 em a character, about 1.5× real ones):
  // a longer axis title would pad the chart with empty space
  const yTitle = risk ? "risk, 100 × CVaR95 (lower is better)" : "expected shortfall (lower is better)";
  const y = (field: string) => ({ field, type: "quantitative" as const, title: yTitle, scale: { domain: yDomain, nice: false, zero: false } });
  // every layer carries the same legend definition: vega-lite merges them, and a `null` would win
  const legend = { title: null, orient: "top" as const, direction: "horizontal" as const };
  const textLayers = (["left", "center", "right"] as const).flatMap((align) =>
    (["top", "middle", "bottom"] as const).flatMap((baseline) => {
      const values = labels.filter((l) => l.align === align && l.baseline === baseline);
      return values.length === 0
        ? []
        : [
            {
              data: { values },
              mark: { type: "text" as const, align, baseline, fontSize: 11, color: "#222" },
              encoding: { x: x("lx"), y: y("ly"), text: { field: "text" } },
            },
          ];
    }),
  );
  return {
    ...PLOT,
    config,
    layer: [
      ...(base
        ? [
            {
              data: { values: [{ value: valueOf(base).value }] },
              mark: { type: "rule" as const, color: COLOURS.baseline, strokeDash: [5, 4], strokeWidth: 1, opacity: 0.6 },
              encoding: { y: y("value") },
            },
          ]
        : []),
      {
        data: { values: frontier },
        mark: { type: "line", interpolate: "step-after", color: COLOURS.frontier, strokeWidth: 1.5, opacity: 0.8 },
        encoding: { x: x("cost"), y: y("value"), order: { field: "order", type: "quantitative" } },
      },
      {
        data: { values: bars },
        mark: { type: "errorbar", ticks: { size: 8 }, thickness: 1.2 },
        encoding: { x: x("cost"), y: y("lo"), y2: { field: "hi" }, color: { ...colour, legend } },
      },
      {
        data: { values: points },
        mark: { type: "point", filled: true, size: 70, opacity: 1 },
        encoding: { x: x("cost"), y: y("value"), color: { ...colour, legend }, shape: { ...shape, legend } },
      },
      ...textLayers,
    ],
  };
}

/** Autonomy per option with 95% CIs, highest first. */
export function autonomySpec(r: CompareReport): TopLevelSpec {
  const ranked = [...r.options].sort((a, b) => b.autonomy.mean - a.autonomy.mean || a.rank - b.rank);
  const rows = ranked.map((o) => ({
    id: o.id,
    mean: o.autonomy.mean,
    // the label sits right of the interval, or of the point when there is none
    right: finite(o.autonomy.ci95) ? o.autonomy.ci95[1] : o.autonomy.mean,
    label: o.autonomy.mean.toFixed(1),
    kind: KIND_LABEL[kindOf(o)],
  }));
  const bars = ranked
    .filter((o) => finite(o.autonomy.ci95))
    .map((o) => ({ id: o.id, lo: o.autonomy.ci95[0], hi: o.autonomy.ci95[1], kind: KIND_LABEL[kindOf(o)] }));
  const y = { field: "id", type: "nominal" as const, sort: ranked.map((o) => o.id), title: null, axis: { labelFontSize: 11, labelLimit: 220 } };
  const x = (field: string) => ({
    field,
    type: "quantitative" as const,
    title: "autonomy: 100 × (1 − mean unmet share), higher is better",
    scale: { zero: false, nice: true },
  });
  return {
    width: 600,
    height: { step: 24 },
    config,
    layer: [
      {
        data: { values: bars },
        mark: { type: "errorbar", ticks: { size: 8 }, thickness: 1.2 },
        encoding: { y, x: x("lo"), x2: { field: "hi" }, color: { ...colour, legend: null } },
      },
      {
        data: { values: rows },
        mark: { type: "point", filled: true, size: 60, opacity: 1 },
        encoding: { y, x: x("mean"), color: { ...colour, legend: null }, shape: { ...shape, legend: null } },
      },
      {
        data: { values: rows },
        mark: { type: "text", align: "left", dx: 6, fontSize: 11, color: "#444" },
        encoding: { y, x: x("right"), text: { field: "label" } },
      },
    ],
  };
}

interface HtmlColumn extends Column<ComparedOption> {
  /** header of the group this column belongs to; consecutive equal groups share one cell */
  group?: string;
  className?: string;
}

function tableHtml(r: CompareReport): string {
  const risk = r.objective === "risk";
  const diffOf = (o: ComparedOption) => (risk ? o.vsBaseline.risk : o.vsBaseline.expected);
  const valueOf = (o: ComparedOption) => (risk ? o.risk : o.expected);
  const unit = r.currency === "units" ? "" : ` (${r.currency})`;
  const objective = risk ? "risk (CVaR95)" : "expected";
  const columns: HtmlColumn[] = [
    { header: "rank", get: (o) => o.rank, className: "num" },
    { header: "option", get: (o) => o.id, className: "id" },
    { header: `cost${unit}`, get: (o) => o.cost, className: "num" },
    { group: "autonomy", header: "mean", get: (o) => o.autonomy.mean, digits: 1, className: "num" },
    { group: "autonomy", header: "95% CI", get: (o) => interval(o.autonomy.ci95), className: "num ci" },
    { group: objective, header: "value", get: (o) => valueOf(o).value, digits: 1, className: "num" },
    { group: objective, header: "95% CI", get: (o) => interval(valueOf(o).ci95), className: "num ci" },
    { group: "Δ vs baseline (paired)", header: "diff", get: (o) => (o.id === "baseline" ? "" : diffOf(o).diff), digits: 1, className: "num" },
    { group: "Δ vs baseline (paired)", header: "95% CI", get: (o) => (o.id === "baseline" ? "" : interval(diffOf(o).ci95)), className: "num ci" },
    { header: `points/${r.currency === "units" ? "cost" : r.currency}`, get: (o) => o.perCost, digits: 3, className: "num" },
    { header: "frontier", get: (o) => (o.frontier ? "*" : ""), className: "mark" },
    { header: "not significant", get: significanceMark, className: "mark" },
  ];
  const top: string[] = [];
  const sub: string[] = [];
  for (let j = 0; j < columns.length; j++) {
    const c = columns[j]!;
    if (c.group === undefined) {
      top.push(`<th rowspan="2" scope="col">${escapeHtml(c.header)}</th>`);
      continue;
    }
    sub.push(`<th scope="col">${escapeHtml(c.header)}</th>`);
    if (columns[j - 1]?.group === c.group) continue;
    let span = 1;
    while (columns[j + span]?.group === c.group) span++;
    top.push(`<th colspan="${span}" scope="colgroup">${escapeHtml(c.group)}</th>`);
  }
  const rows = r.options.map((o) => {
    const cells = columns.map((c) => {
      const tag = c.header === "option" ? "th" : "td";
      const scope = tag === "th" ? ' scope="row"' : "";
      return `<${tag}${scope} class="${c.className ?? ""}">${escapeHtml(formatCell(c, o))}</${tag}>`;
    });
    return `<tr class="${kindOf(o)}">${cells.join("")}</tr>`;
  });
  return [
    "<table>",
    `<thead><tr>${top.join("")}</tr><tr>${sub.join("")}</tr></thead>`,
    `<tbody>\n${rows.join("\n")}\n</tbody>`,
    "</table>",
  ].join("\n");
}

function budgetSection(b: BudgetResult, r: CompareReport): PageSection {
  const unit = r.currency === "units" ? "" : ` ${r.currency}`;
  const heading = `Best policy mix within a budget of ${b.budget}${unit}`;
  const lines = [
    `<p class="meta">${escapeHtml(budgetMethodText(b))}</p>`,
  ];
  if (b.best === null) {
    lines.push("<p>No policy fits the budget.</p>");
    return { heading, html: lines.join("\n") };
  }
  const d = (x: { diff: number; ci95: [number, number] } | null) => (x ? `${x.diff.toFixed(1)} ${interval(x.ci95)}` : "n/a");
  const what = r.objective === "risk" ? "risk" : "expected shortfall";
  const row = (k: string, v: string) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`;
  lines.push(
    `<table class="kv">`,
    row("best", b.best.policies.join(" + ")),
    row("cost", `${b.best.cost}${unit}`),
    row(what, b.best.value.toFixed(1)),
    row("Δ vs baseline (paired)", d(b.vsBaseline)),
    row(`Δ vs best single policy (${b.bestSingle?.id ?? "none"})`, d(b.vsBestSingle)),
    "</table>",
  );
  return { heading, html: lines.join("\n") };
}

const STYLE = `
tr.frontier th { color: ${COLOURS.frontier}; }
tr.baseline { background: #f3f5fa; }
tr.baseline th { color: ${COLOURS.baseline}; }
`;

/** The comparison's summary as sentences: one per clause of the analysis's one-line summary (ids keep their case). */
export function summarySentences(summary: string): string[] {
  return summary
    .split("; ")
    .filter((s) => s.trim() !== "")
    .map((s) => `${s}${/[.!?]$/.test(s) ? "" : "."}`);
}

/**
 * Renders a comparison as one self-contained HTML page (inline SVG charts and styles, no scripts).
 * Deterministic: the same report gives byte-identical output.
 */
export async function renderCompareHtml(r: CompareReport): Promise<string> {
  const risk = r.objective === "risk";
  const meta = `home ${r.home} · ${r.trials} trials · seed ${r.seed} · horizon ${r.horizon} ${r.period}s · ranked by ${risk ? "tail risk (CVaR95)" : "expected shortfall"}, lower is better`;
  const precision = r.precision
    ? `precision: largest ${risk ? "risk" : "expected"} CI half-width ${r.precision.maxHalfWidth.toFixed(3)} ${r.precision.reached ? "≤" : ">"} ${r.precision.target} after ${r.trials} trials${r.precision.reached ? "" : " (stopped at --max-trials)"}`
    : null;
  const what = risk ? "risk" : "expected shortfall";
  const notes = [
    ...COMPARE_NOTES,
    risk
      ? "risk = 100 × CVaR95 of the unmet share: the average loss in the worst 5% of trials; autonomy = 100 × (1 − mean unmet share), higher is better"
      : "expected = 100 × mean unmet share; autonomy = 100 × (1 − mean unmet share), higher is better",
    "Δ vs baseline is paired: every option sees the same shock draws in each trial, so the noise that options share cancels and the interval is much tighter than comparing two separate runs",
  ];
  return renderPage({
    generator: "chokepoint compare",
    title: `${r.scenario} — policy comparison`,
    heading: r.scenario,
    meta: precision ? [meta, precision] : [meta],
    summary: summarySentences(r.summary),
    style: STYLE,
    sections: [
      {
        heading: `Cost against ${what}`,
        chart: {
          name: "cost-risk",
          spec: costRiskSpec(r),
          caption: `Each point is an option at its cost and ${what} (lower is better), with its 95% confidence interval. Options on the efficient frontier are joined by a step line: no other option costs less and scores better. The dashed line is the baseline's ${what}.`,
        },
      },
      {
        heading: "Autonomy",
        chart: { name: "autonomy", spec: autonomySpec(r), caption: "Expected share of demand met, highest first, with 95% confidence intervals." },
      },
      { heading: "Comparison", html: `<div class="table-wrap">\n${tableHtml(r)}\n</div>\n${notesHtml(notes)}` },
      ...(r.budget ? [budgetSection(r.budget, r)] : []),
    ],
    footer: `chokepoint compare · seed ${r.seed} · ${r.trials} trials: the same scenario file, seed and number of trials reproduce these numbers exactly.`,
  });
}
