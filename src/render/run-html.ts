// The run's page: what the scores mean in sentences, availability of each good over time (median
// and 5–95 % band per option), the distribution of the unmet share with the CVaR95 tail marked,
// and the scores table.
import type { RunReport } from "../analysis/run-report.ts";
import type { OptionScore } from "../stats/score-options.ts";
import { type BarRow, barsSection, type FanPoint, fanChartSpec, type HistogramBin, histogramSpec } from "./charts.ts";
import { notesHtml, type PageSection, renderPage, simpleTable } from "./page.ts";
import { interval } from "./run.ts";

/** Options drawn in the fan and distribution charts: baseline and the best few by the objective. */
const DRAWN = 4;

const objectiveOf = (r: RunReport, o: OptionScore) => (r.objective === "risk" ? o.risk.value : o.expected.value);

function drawnOptions(r: RunReport): string[] {
  const ranked = r.options.filter((o) => o.id !== "baseline").sort((a, b) => objectiveOf(r, a) - objectiveOf(r, b) || a.id.localeCompare(b.id));
  return ["baseline", ...ranked.slice(0, DRAWN - 1).map((o) => o.id)];
}

function summary(r: RunReport): string[] {
  const base = r.options.find((o) => o.id === "baseline")!;
  const out = [
    `Over ${r.trials} simulated ${r.horizon}-${r.period} futures, ${r.home} goes without ${base.expected.value.toFixed(1)}% of its demand on average with no policy; in the worst 5% of futures it goes without ${base.risk.value.toFixed(1)}%.`,
  ];
  const goods = Object.entries(base.goods).sort((a, b) => b[1].unmet - a[1].unmet);
  const [worst] = goods;
  if (worst !== undefined && worst[1].unmet > 0) {
    out.push(
      `The most exposed good is ${worst[0]}: on average ${(100 * worst[1].unmet).toFixed(1)}% of it goes unmet, and it falls short in ${(100 * worst[1].pShort).toFixed(0)}% of futures.`,
    );
  }
  const others = r.options.filter((o) => o.id !== "baseline");
  if (others.length > 0) {
    const best = [...others].sort((a, b) => objectiveOf(r, a) - objectiveOf(r, b))[0]!;
    const d = r.objective === "risk" ? best.vsBaseline.risk : best.vsBaseline.expected;
    const what = r.objective === "risk" ? "tail risk" : "expected shortfall";
    out.push(
      `The best of ${others.length} option${others.length === 1 ? "" : "s"} is ${best.id}: it ${d.diff <= 0 ? "cuts" : "raises"} ${what} by ${Math.abs(d.diff).toFixed(1)} points (95% interval of the change ${interval(d.ci95)}) for a cost of ${best.cost} ${r.currency}.`,
    );
  }
  return out;
}

function availabilitySection(r: RunReport, drawn: readonly string[]): PageSection {
  const pictures = r.pictures!;
  const points: FanPoint[] = pictures.availability
    .filter((p) => drawn.includes(p.option))
    .map((p) => ({ panel: p.good, series: p.option, t: p.t, lo: p.p5, mid: p.p50, hi: p.p95 }));
  const lowest = Math.min(100, ...points.map((p) => p.lo));
  return {
    heading: "Availability over time",
    chart: {
      name: "availability",
      spec: fanChartSpec(points, { xTitle: `${r.period} from the start`, yTitle: "availability (% of use)", seriesTitle: "option", yDomain: [Math.max(0, Math.floor(lowest / 10) * 10 - 10), 100] }),
      caption: `Share of each good's use that ${r.home} receives, period by period: the line is the median and the band holds 90% of futures (5th to 95th percentile), over the first ${pictures.tracedTrials} trials. Drawn: ${drawn.join(", ")}.`,
    },
  };
}

function distributionSection(r: RunReport, drawn: readonly string[]): PageSection {
  const dists = r.pictures!.distributions.filter((d) => drawn.includes(d.option));
  const bins: HistogramBin[] = dists.flatMap((d) => d.bins.map((b) => ({ ...b, series: d.option })));
  const marks = dists.map((d) => ({ series: d.option, value: d.cvar95, label: `CVaR95 ${d.cvar95.toFixed(1)}` }));
  return {
    heading: "Distribution of the unmet share",
    chart: {
      name: "unmet-distribution",
      spec: histogramSpec(bins, marks, { xTitle: `unmet share of ${r.home}'s demand over the horizon (%)`, tailLabel: "worst 5% of trials" }),
      caption: "How often each loss occurs over all trials, per option (the vertical axis is on a square-root scale, so that the few trials of the tail stay visible). The red bars hold the worst 5% of trials; the dashed line is their mean, the CVaR95 that risk reports.",
    },
  };
}

function goodsSection(r: RunReport): PageSection {
  const rows: BarRow[] = r.options.flatMap((o) =>
    Object.entries(o.goods).map(([good, g]) => ({ label: good, value: 100 * g.unmet, series: o.id, text: g.unmet > 0 ? (100 * g.unmet).toFixed(1) : "" })),
  );
  return barsSection("Unmet share by good", "goods", rows, "mean unmet share of the good's demand (%)", "Average share of each scored good's demand left unmet over the horizon, per option.");
}

export async function renderRunHtml(r: RunReport): Promise<string> {
  const drawn = drawnOptions(r);
  const table = simpleTable(
    ["option", `cost (${r.currency})`, "autonomy", "95% CI", "risk (CVaR95)", "95% CI", "Δrisk vs baseline", "95% CI"],
    r.options.map((o) => [
      o.id,
      o.cost,
      Number(o.autonomy.mean.toFixed(1)),
      interval(o.autonomy.ci95),
      Number(o.risk.value.toFixed(1)),
      interval(o.risk.ci95),
      o.id === "baseline" ? "" : Number(o.vsBaseline.risk.diff.toFixed(1)),
      o.id === "baseline" ? "" : interval(o.vsBaseline.risk.ci95),
    ]),
  );
  return renderPage({
    generator: "chokepoint run",
    title: `${r.scenario} — run`,
    heading: r.scenario,
    meta: [`home ${r.home} · ${r.trials} trials · seed ${r.seed} · horizon ${r.horizon} ${r.period}s`],
    summary: summary(r),
    sections: [
      ...(r.pictures ? [availabilitySection(r, drawn), distributionSection(r, drawn)] : []),
      goodsSection(r),
      {
        heading: "Scores",
        html:
          table +
          notesHtml([
            "autonomy = 100 × (1 − mean unmet share of the home's demand, value-weighted): higher is better",
            "risk = 100 × CVaR95: the mean unmet share of the worst 5% of trials; lower is better",
            "Δ vs baseline is paired: every option sees the same shock draws in each trial",
          ]),
      },
    ],
    footer: `chokepoint run · seed ${r.seed} · ${r.trials} trials: the same scenario file, seed and number of trials reproduce this page exactly.`,
  });
}
