// The chart kinds the pages share, as vega-lite specs: ranked horizontal bars (optionally one bar
// per series in each row), a heat map with its values written in the cells, a tornado, and a
// histogram with a marked tail. Every axis takes a title with its unit; colour always has a legend.
import type { TopLevelSpec } from "vega-lite";
import { chartConfig, type PageSection, PALETTE, SERIES_COLOURS } from "./page.ts";

export interface BarRow {
  /** the row's label (a node, a coercer + good) */
  label: string;
  value: number;
  /** the series (an option); one bar per series in each row */
  series: string;
  /** text written right of the bar */
  text?: string;
}

/** Horizontal bars, rows in the given order, one bar per series in each row (legend when more than one). */
export function rankedBarsSpec(rows: readonly BarRow[], opts: { xTitle: string; seriesTitle: string; width?: number }): TopLevelSpec {
  const series = [...new Set(rows.map((r) => r.series))];
  const labels = [...new Set(rows.map((r) => r.label))];
  const many = series.length > 1;
  const y = { field: "label", type: "nominal" as const, sort: labels, title: null, axis: { labelLimit: 0 } };
  const colour = {
    field: "series",
    type: "nominal" as const,
    title: opts.seriesTitle,
    scale: { domain: series, range: series.map((_, i) => SERIES_COLOURS[i % SERIES_COLOURS.length]!) },
    legend: many ? { orient: "top" as const, direction: "horizontal" as const } : null,
  };
  const x = { field: "value", type: "quantitative" as const, title: opts.xTitle, scale: { zero: true, nice: true } };
  const offset = many ? { yOffset: { field: "series", type: "nominal" as const, sort: series } } : {};
  return {
    width: opts.width ?? 560,
    // one row per label, each tall enough for its bars
    height: labels.length * (many ? Math.max(8, Math.round(30 / series.length)) * series.length + 6 : 20),
    config: chartConfig,
    data: { values: rows.map((r) => ({ ...r, text: r.text ?? "" })) },
    layer: [
      { mark: { type: "bar" }, encoding: { y, x, color: colour, ...offset } },
      // values beside the bars, when there are few enough bars per row to read them
      ...(series.length <= 4
        ? [{ mark: { type: "text" as const, align: "left" as const, dx: 4, fontSize: 10, color: "#444" }, encoding: { y, x, text: { field: "text" }, ...offset } }]
        : []),
    ],
  };
}

export interface HeatCell {
  x: string;
  y: string;
  value: number;
  /** text in the cell; empty for none */
  text: string;
}

/** A heat map: rows × columns in the given orders, colour by value (a sequential scale from 0), values written in. */
export function heatMapSpec(
  cells: readonly HeatCell[],
  opts: { xs: readonly string[]; ys: readonly string[]; xTitle: string; yTitle: string; valueTitle: string },
): TopLevelSpec {
  const max = Math.max(0, ...cells.map((c) => c.value));
  const step = opts.xs.length > 20 ? 22 : opts.xs.length > 10 ? 34 : 48;
  const rowStep = opts.xs.length > 10 ? 22 : 30;
  const x = { field: "x", type: "nominal" as const, sort: [...opts.xs], title: opts.xTitle, axis: { labelAngle: -40, orient: "top" as const } };
  const y = { field: "y", type: "nominal" as const, sort: [...opts.ys], title: opts.yTitle };
  return {
    width: { step },
    height: { step: rowStep },
    config: chartConfig,
    data: { values: cells.map((c) => ({ ...c, dark: c.value > max * 0.55 ? 1 : 0 })) },
    layer: [
      {
        mark: { type: "rect", stroke: "white", strokeWidth: 1 },
        encoding: {
          x,
          y,
          color: {
            field: "value",
            type: "quantitative" as const,
            title: opts.valueTitle,
            scale: { scheme: "orangered", domain: [0, max > 0 ? max : 1] },
            legend: { orient: "right" as const, gradientLength: Math.max(60, Math.min(160, opts.ys.length * rowStep)) },
          },
        },
      },
      {
        mark: { type: "text", fontSize: 9 },
        encoding: {
          x,
          y,
          text: { field: "text" },
          color: { condition: { test: "datum.dark === 1", value: "white" }, value: "#222" },
        },
      },
    ],
  };
}

export interface TornadoRow {
  /** the parameter, with its low and high values */
  label: string;
  /** the outcome at the parameter's low value, and at its high value */
  low: number;
  high: number;
}

/** A tornado: per parameter a bar from the outcome at its low value to the one at its high value, widest on top, the base as a rule. */
export function tornadoSpec(rows: readonly TornadoRow[], base: number, opts: { xTitle: string }): TopLevelSpec {
  // labelLimit 0: no limit (vega's width estimate would cut parameter paths short)
  const y = { field: "label", type: "nominal" as const, sort: rows.map((r) => r.label), title: null, axis: { labelLimit: 0 } };
  const ends = rows.flatMap((r) => [
    { label: r.label, from: base, to: r.low, end: "at the low value" },
    { label: r.label, from: base, to: r.high, end: "at the high value" },
  ]);
  const x = (field: string) => ({ field, type: "quantitative" as const, title: opts.xTitle, scale: { zero: false, nice: true } });
  return {
    width: 560,
    height: { step: 26 },
    config: chartConfig,
    layer: [
      {
        data: { values: ends },
        mark: { type: "bar", height: 16 },
        encoding: {
          y,
          x: x("from"),
          x2: { field: "to" },
          color: {
            field: "end",
            type: "nominal" as const,
            title: "parameter",
            scale: { domain: ["at the low value", "at the high value"], range: [SERIES_COLOURS[4]!, PALETTE.accent] },
            legend: { orient: "top" as const, direction: "horizontal" as const },
          },
        },
      },
      {
        data: { values: [{ base }] },
        mark: { type: "rule", color: PALETTE.base, strokeDash: [4, 3] },
        encoding: { x: x("base") },
      },
    ],
  };
}

export interface HistogramBin {
  /** bin edges in the unit of the axis */
  from: number;
  to: number;
  /** share of trials in the bin, 0–1, and of those in the tail */
  share: number;
  tailShare: number;
  series: string;
}

/** A histogram per series (small multiples in one column), tail bins in the tail colour, a rule per series at `marks`. */
export function histogramSpec(
  bins: readonly HistogramBin[],
  marks: readonly { series: string; value: number; label: string }[],
  opts: { xTitle: string; tailLabel: string },
): TopLevelSpec {
  const x = { field: "from", type: "quantitative" as const, title: opts.xTitle, bin: { binned: true } };
  const colour = {
    field: "part",
    type: "nominal" as const,
    title: null,
    scale: { domain: ["other trials", opts.tailLabel], range: ["#9aa7bd", PALETTE.tail] },
    legend: { orient: "top" as const, direction: "horizontal" as const },
  };
  // one data set for bins and rules, so that each facet row gets its own
  const values = [
    // each bin as two stacked parts: its trials in the tail and the others
    ...bins.flatMap((b) => [
      { ...b, kind: "bin", part: "other trials", pct: 100 * (b.share - b.tailShare) },
      { ...b, kind: "bin", part: opts.tailLabel, pct: 100 * b.tailShare },
    ]),
    ...marks.map((m) => ({ ...m, kind: "mark", from: m.value })),
  ];
  return {
    config: chartConfig,
    data: { values },
    facet: { row: { field: "series", type: "nominal" as const, title: null, sort: [...new Set(bins.map((b) => b.series))] } },
    spec: {
      width: 560,
      height: 90,
      layer: [
        {
          transform: [{ filter: "datum.kind === 'bin'" }],
          mark: { type: "bar", binSpacing: 0 },
          // a square-root scale, so that the few trials of the tail stay visible beside the many at 0
          encoding: {
            x,
            x2: { field: "to" },
            y: { field: "pct", type: "quantitative" as const, title: "% of trials", stack: "zero" as const, scale: { type: "sqrt" }, axis: { tickCount: 3 } },
            color: colour,
            order: { field: "part", sort: "descending" as const },
          },
        },
        {
          transform: [{ filter: "datum.kind === 'mark'" }],
          mark: { type: "rule", color: "#222", strokeDash: [4, 3], strokeWidth: 1.5 },
          encoding: { x: { field: "from", type: "quantitative" as const } },
        },
        {
          transform: [{ filter: "datum.kind === 'mark'" }],
          mark: { type: "text", align: "left", dx: 4, y: 8, fontSize: 10, color: "#222" },
          encoding: { x: { field: "from", type: "quantitative" as const }, text: { field: "label" } },
        },
      ],
    },
  } as TopLevelSpec;
}

export interface FanPoint {
  panel: string;
  series: string;
  t: number;
  lo: number;
  mid: number;
  hi: number;
}

/** Fan charts: one panel per `panel` value, per series a band from lo to hi and a line at mid, over periods. */
export function fanChartSpec(points: readonly FanPoint[], opts: { xTitle: string; yTitle: string; seriesTitle: string; yDomain: [number, number] }): TopLevelSpec {
  const series = [...new Set(points.map((p) => p.series))];
  const colour = {
    field: "series",
    type: "nominal" as const,
    title: opts.seriesTitle,
    scale: { domain: series, range: series.map((_, i) => SERIES_COLOURS[i % SERIES_COLOURS.length]!) },
    legend: { orient: "top" as const, direction: "horizontal" as const },
  };
  const x = { field: "t", type: "quantitative" as const, title: opts.xTitle, axis: { tickMinStep: 1 } };
  const y = (field: string) => ({ field, type: "quantitative" as const, title: opts.yTitle, scale: { domain: opts.yDomain, nice: false } });
  return {
    config: chartConfig,
    data: { values: [...points] },
    facet: { row: { field: "panel", type: "nominal" as const, title: null, sort: [...new Set(points.map((p) => p.panel))], header: { labelAngle: 0, labelAlign: "left" as const, labelFontSize: 12 } } },
    spec: {
      width: 560,
      height: 120,
      layer: [
        { mark: { type: "area", opacity: 0.18, interpolate: "step-after" }, encoding: { x, y: y("lo"), y2: { field: "hi" }, color: colour } },
        { mark: { type: "line", strokeWidth: 1.8, interpolate: "step-after" }, encoding: { x, y: y("mid"), color: colour } },
      ],
    },
    resolve: { scale: { y: "shared" } },
  } as TopLevelSpec;
}

/** A page section of ranked bars: one chart, its axis title and caption. */
export function barsSection(heading: string, name: string, rows: readonly BarRow[], xTitle: string, caption: string): PageSection {
  return { heading, chart: { name, spec: rankedBarsSpec(rows, { xTitle, seriesTitle: "option" }), caption } };
}
