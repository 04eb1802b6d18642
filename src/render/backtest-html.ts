// The backtest's page: per episode and series, the simulated 5–95 % band and median path by
// calendar month with the observed points drawn over them (filled when inside the band), the
// scores in a table, and a plain-language summary.
import type { TopLevelSpec } from "vega-lite";
import type { BacktestEpisode, BacktestReport, BacktestSeries } from "../analysis/backtest.ts";
import { monthAfter } from "../scenario/episode.ts";
import { chartConfig, PALETTE, type PageSection, renderPage, simpleTable } from "./page.ts";

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
const months = (e: number | null) => (e === null ? "n/a" : `${e > 0 ? "+" : ""}${e}`);

/** One series: band and median by month, observations as points (inside the band filled, outside hollow). */
export function seriesSpec(episode: BacktestEpisode, s: BacktestSeries): TopLevelSpec {
  const band = s.bands.map((b, t) => ({ month: `${monthAfter(episode.start, t)}-01`, p5: b.p5, p50: b.p50, p95: b.p95 }));
  const observed = s.points.map((p) => ({ month: `${p.month}-01`, observed: p.observed, where: p.inside ? "inside the band" : "outside the band" }));
  const x = { field: "month", type: "temporal" as const, title: "month", axis: { format: "%Y-%m", labelAngle: -40 } };
  const yTitle = s.measure === "price" ? "price index (100 = before the shock)" : `${s.measure} index (100 = before the shock)`;
  return {
    config: chartConfig,
    width: 620,
    height: 220,
    layer: [
      { data: { values: band }, mark: { type: "area", opacity: 0.22, color: PALETTE.base }, encoding: { x, y: { field: "p5", type: "quantitative", title: yTitle }, y2: { field: "p95" } } },
      { data: { values: band }, mark: { type: "line", color: PALETTE.base, strokeWidth: 1.8 }, encoding: { x, y: { field: "p50", type: "quantitative" } } },
      {
        data: { values: observed },
        mark: { type: "point", size: 70, strokeWidth: 2, color: PALETTE.accent },
        encoding: {
          x,
          y: { field: "observed", type: "quantitative" },
          fill: {
            field: "where",
            type: "nominal",
            title: "observed",
            scale: { domain: ["inside the band", "outside the band"], range: [PALETTE.accent, "#ffffff"] },
            legend: { orient: "top", direction: "horizontal" },
          },
        },
      },
    ],
  } as unknown as TopLevelSpec;
}

function summary(r: BacktestReport): string[] {
  const out = [
    `Across ${r.episodes.length} episode${r.episodes.length === 1 ? "" : "s"}, ${r.inside} of ${r.points} observed points (${pct(r.coverage)}) lie inside the simulated 5–95 % band.`,
  ];
  for (const e of r.episodes) {
    const onset = e.series.map((s) => s.onset.error).filter((x): x is number => x !== null);
    const worst = onset.length === 0 ? null : Math.max(...onset.map(Math.abs));
    out.push(
      `${e.name}: ${e.inside} of ${e.points} points inside (${pct(e.coverage)})${worst === null ? "" : worst === 0 ? "; the simulated onset falls in the observed month" : `; the onset is off by at most ${worst} month${worst === 1 ? "" : "s"}`}.`,
    );
  }
  out.push("The band is where the simulated series lies in 90 % of trials; the line is its median. Points are what was observed, with the source under each chart.");
  return out;
}

function episodeSections(e: BacktestEpisode): PageSection[] {
  return e.series.map((s) => ({
    heading: `${e.name} — ${s.id}`,
    chart: {
      name: `backtest-${s.id}`,
      spec: seriesSpec(e, s),
      caption: `${s.measure} of ${s.good}${s.country ? ` to ${s.country}` : ""}${s.from ? ` from ${s.from}` : ""}; simulated with option ${e.option}, ${e.trials} trials, seed ${e.seed}. Observed: ${s.source}`,
    },
  }));
}

/** The backtest report as one self-contained page (inline SVG, no scripts). */
export async function renderBacktestHtml(r: BacktestReport): Promise<string> {
  const rows = r.episodes.flatMap((e) =>
    e.series.map((s) => [s.id, `${s.inside}/${s.points.length}`, s.medianError.toFixed(1), months(s.onset.error), months(s.trough.error), months(s.recovery.error)]),
  );
  return renderPage({
    generator: "chokepoint backtest",
    title: "Back-test against observed episodes",
    heading: "Back-test against observed episodes",
    meta: r.episodes.map((e) => `${e.name}: ${e.scenario}, period 0 = ${e.start}`),
    summary: summary(r),
    sections: [
      ...r.episodes.flatMap(episodeSections),
      {
        heading: "Scores",
        html: simpleTable(["series", "inside the band", "median error (index points)", "onset error (months)", "trough error (months)", "recovery error (months)"], rows),
      },
    ],
    footer: "chokepoint backtest · the same episode files, trials and seeds reproduce these numbers exactly.",
  });
}
