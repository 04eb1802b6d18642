// The stress test's page: which single failure hurts the home most, as ranked bars (one per
// option), how long the home holds out and recovers, and the table of every node.
import type { StressNode, StressReport } from "../analysis/stress.ts";
import { type BarRow, rankedBarsSpec } from "./charts.ts";
import { notesHtml, renderPage, simpleTable } from "./page.ts";
import { compactNumber, shortGoodsText } from "./stress.ts";

/** Nodes shown in the charts; the table lists every node that causes a shortfall. */
const SHOWN = 25;

const nodeLabel = (n: StressNode) => `${n.by} ${n.id}`;

/** Options drawn in the charts: baseline and the few that leave the least loss over every node. */
const DRAWN = 4;

/** The option other than baseline that leaves the least loss at this node (the earlier on ties). */
function bestOption(n: StressNode) {
  return n.options.slice(1).reduce<StressNode["options"][number] | undefined>((b, o) => (b === undefined || o.unmet < b.unmet ? o : b), undefined);
}

function drawnOptions(r: StressReport): string[] {
  const total = (k: number) => r.nodes.reduce((s, n) => s + n.options[k]!.unmet, 0);
  const ranked = r.options.map((id, k) => ({ id, loss: total(k), k })).slice(1).sort((a, b) => a.loss - b.loss || a.k - b.k);
  return [r.options[0]!, ...ranked.slice(0, DRAWN - 1).map((o) => o.id)];
}
const pct = (u: number) => `${(100 * u).toFixed(1)}%`;

function summary(r: StressReport): string[] {
  const hurting = r.nodes.filter((n) => n.options[0]!.unmet > 0);
  const out = [
    `Each of ${r.nodes.length} nodes (${r.by.join(", ")}) was made to fail on its own for ${r.duration} of ${r.horizon} ${r.period}s, and ${r.home}'s supply was simulated.`,
  ];
  if (hurting.length === 0) {
    out.push(`No single failure left ${r.home} short of anything: stocks and other suppliers covered every one.`);
    return out;
  }
  const worst = hurting[0]!;
  const w = worst.options[0]!;
  out.push(
    `The failure that hurts most is ${worst.label}: ${r.home} first goes short after ${w.timeToSurvive} ${r.period}s, ` +
      `loses ${pct(w.unmet)} of its demand over the horizon (${compactNumber(w.valueLost)} in value), mostly ${w.shortGoods[0]?.good ?? "nothing"}, ` +
      `and takes ${w.timeToRecover} ${r.period}s to recover.`,
  );
  out.push(`${hurting.length} of the ${r.nodes.length} failures leave ${r.home} short of something; the others are absorbed by stocks and other suppliers.`);
  const soonest = [...hurting].sort((a, b) => a.options[0]!.timeToSurvive! - b.options[0]!.timeToSurvive! || a.rank - b.rank)[0]!;
  if (soonest !== worst) out.push(`The soonest shortfall comes after ${soonest.options[0]!.timeToSurvive} ${r.period}s, with ${soonest.label}.`);
  const best = bestOption(worst);
  if (best !== undefined) {
    out.push(
      best.unmet < w.unmet
        ? `Against that failure the best option is ${best.option}: the loss falls to ${pct(best.unmet)}${best.timeToSurvive === null ? " and the home never goes short" : `, the first shortfall comes after ${best.timeToSurvive} ${r.period}s`}.`
        : `None of the ${r.options.length - 1} options reduces that loss.`,
    );
  }
  return out;
}

export async function renderStressHtml(r: StressReport): Promise<string> {
  const shown = r.nodes.filter((n) => n.options.some((o) => o.unmet > 0)).slice(0, SHOWN);
  const drawn = drawnOptions(r);
  const multi = r.options.length > 1;
  const drawnOf = (n: StressNode) => n.options.filter((o) => drawn.includes(o.option));
  const bars: BarRow[] = shown.flatMap((n) =>
    drawnOf(n).map((o) => ({ label: nodeLabel(n), value: 100 * o.unmet, series: o.option, text: o.unmet > 0 ? `${(100 * o.unmet).toFixed(1)}` : "" })),
  );
  const survive: BarRow[] = shown.flatMap((n) =>
    drawnOf(n).map((o) => ({
      label: nodeLabel(n),
      value: o.timeToSurvive ?? r.horizon,
      series: o.option,
      text: o.timeToSurvive === null ? `≥ ${r.horizon}` : `${o.timeToSurvive} → recovers in ${o.timeToRecover}`,
    })),
  );
  const rows = r.nodes
    .filter((n) => n.options[0]!.unmet > 0)
    .map((n) => {
      const o = n.options[0]!;
      const best = bestOption(n);
      return [
        `${n.rank}. ${nodeLabel(n)}`,
        Number((100 * o.unmet).toFixed(2)),
        compactNumber(o.valueLost),
        o.timeToSurvive === null ? `≥ ${r.horizon}` : String(o.timeToSurvive),
        o.timeToRecover === null ? "" : String(o.timeToRecover),
        shortGoodsText(o),
        ...(multi ? [best === undefined ? "" : `${best.option}: ${(100 * best.unmet).toFixed(2)}%`] : []),
      ];
    });
  const sev = r.severity === 1 ? "a full cut" : `severity ${r.severity}`;
  return renderPage({
    generator: "chokepoint stress",
    title: `${r.scenario} — stress test for ${r.home}`,
    heading: `${r.scenario}: which single failure hurts ${r.home} most`,
    meta: [`home ${r.home} · ${sev} for ${r.duration} of ${r.horizon} ${r.period}s from period 0 · ${r.trials} trial${r.trials === 1 ? "" : "s"} · seed ${r.seed}`],
    summary: summary(r),
    sections: [
      {
        heading: "Loss by failed node",
        chart: {
          name: "stress-unmet",
          spec: rankedBarsSpec(bars, { xTitle: `unmet share of ${r.home}'s demand over the horizon (%)`, seriesTitle: "option" }),
          caption: `The ${shown.length} failures that hurt most, worst first: the share of ${r.home}'s demand (value-weighted) left unmet over ${r.horizon} ${r.period}s${multi ? `, one bar per option (drawn: ${drawn.join(", ")})` : ""}.`,
        },
      },
      {
        heading: "Time to survive",
        chart: {
          name: "stress-survive",
          spec: rankedBarsSpec(survive, { xTitle: `${r.period}s until ${r.home} first goes short`, seriesTitle: "option" }),
          caption: `How long ${r.home} holds out on stocks and other suppliers after each failure (shorter is worse), and how many ${r.period}s it then takes to recover.`,
        },
      },
      {
        heading: "Every failure that causes a shortfall without policy",
        html:
          simpleTable(["node", "unmet %", "value lost", `survive (${r.period}s)`, `recover (${r.period}s)`, "goods short", ...(multi ? ["best option: unmet %"] : [])], rows) +
          notesHtml([
            "survive: periods until the home's first unmet demand, stocks and replacement supply included",
            "recover: periods from the first shortfall until every good is back at 99% of its use",
            "value lost: price × volume of the home's final demand left unmet over the horizon",
            "the columns are the baseline's (no policy); the last one gives the option that leaves the least loss",
            `failures that leave ${r.home} short of nothing without policy are not listed (${r.nodes.length - rows.length} of them)`,
          ]),
      },
    ],
    footer: `chokepoint stress · seed ${r.seed} · the same file and flags reproduce this page exactly.`,
  });
}
