// The leverage page: the coercer × target heat map, the home's threats ranked by damage per unit
// of the coercer's cost, and its counter-leverage.
import type { LeverageCell, LeverageReport } from "../analysis/leverage.ts";
import { type BarRow, type HeatCell, heatMapSpec, rankedBarsSpec } from "./charts.ts";
import { notesHtml, type PageSection, renderPage, simpleTable } from "./page.ts";
import { compactNumber } from "./stress.ts";

const pct = (u: number) => `${(100 * u).toFixed(2)}%`;

function summary(r: LeverageReport): string[] {
  const out = [
    r.home === null
      ? `Every country's full export control of each good it ships was run against each of its customers alone, for ${r.duration} of ${r.horizon} ${r.period}s.`
      : `Every supplier's full export control of each good it ships to ${r.home} was run on its own, for ${r.duration} of ${r.horizon} ${r.period}s, and so was each of ${r.home}'s own controls against those suppliers.`,
  ];
  const hurting = r.summed.filter((s) => s.valueLost > 0);
  if (r.home === null) {
    const top = [...hurting].sort((a, b) => b.unmet - a.unmet)[0];
    out.push(
      top === undefined
        ? "No single control left any target short: other suppliers and stocks covered every one."
        : `The strongest lever is ${top.coercer} over ${top.target}: its controls, one good at a time, leave ${top.target} short of ${pct(top.unmet)} of its demand in all.`,
    );
    out.push(`${hurting.length} coercer–target pairs hurt at all, out of ${r.summed.length} that trade.`);
    return out;
  }
  const [first, second] = r.threats;
  if (first === undefined) {
    out.push(`No single control left ${r.home} short: other suppliers and stocks covered every one.`);
  } else {
    out.push(
      `The cheapest threat to ${r.home} is ${first.coercer}'s control of ${first.good}: ${r.home} loses ${pct(first.unmet)} of its demand (${compactNumber(first.valueLost)}) for ${compactNumber(first.coercerCost)} of ${first.coercer}'s exports.`,
    );
    if (second !== undefined) out.push(`Next comes ${second.coercer}'s control of ${second.good} (${pct(second.unmet)} of demand).`);
    const coercers = [...new Set(r.threats.map((t) => t.coercer))];
    out.push(`${r.threats.length} controls by ${coercers.length} countr${coercers.length === 1 ? "y" : "ies"} (${coercers.join(", ")}) leave ${r.home} short of something.`);
  }
  out.push(
    r.counter.length === 0
      ? `${r.home} has no counter-leverage in this network: none of its own controls leaves those coercers short.`
      : `${r.home}'s strongest counter is its control of ${r.counter[0]!.good} against ${r.counter[0]!.target} (${pct(r.counter[0]!.unmet)} of ${r.counter[0]!.target}'s demand).`,
  );
  return out;
}

function cellRows(cells: readonly LeverageCell[]): (string | number)[][] {
  return cells.map((c) => [
    `${c.coercer} → ${c.target}`,
    c.good,
    Number((100 * c.unmet).toFixed(3)),
    compactNumber(c.valueLost),
    compactNumber(c.coercerCost),
    Number.isFinite(c.damagePerCost) ? Number(c.damagePerCost.toPrecision(3)) : "free",
  ]);
}

const HEADERS = ["control", "good", "unmet %", "value lost", "coercer's cost", "damage/cost"];

export async function renderLeverageHtml(r: LeverageReport): Promise<string> {
  const hurting = r.summed.filter((s) => s.valueLost > 0);
  const coercers = [...new Set(hurting.map((s) => s.coercer))].sort();
  const targets = [...new Set(hurting.map((s) => s.target))].sort();
  const heat: HeatCell[] = hurting.map((s) => ({ x: s.target, y: s.coercer, value: 100 * s.unmet, text: (100 * s.unmet).toFixed(1) }));
  const sections: PageSection[] = [];
  if (r.home !== null && r.threats.length > 0) {
    const bars: BarRow[] = r.threats.slice(0, 25).map((t) => ({
      label: `${t.coercer}: ${t.good}`,
      value: Number.isFinite(t.damagePerCost) ? t.damagePerCost : 0,
      series: "threat",
      text: `${pct(t.unmet)} of demand`,
    }));
    sections.push({
      heading: `Threats to ${r.home}`,
      chart: {
        name: "leverage-threats",
        spec: rankedBarsSpec(bars, { xTitle: `value ${r.home} loses per unit of value the coercer gives up (ratio)`, seriesTitle: "control" }),
        caption: `Each bar is one country's export control of one good against ${r.home}: the value of demand ${r.home} goes without, divided by the coercer's lost exports. Written beside each bar: ${r.home}'s unmet share.`,
      },
      html: simpleTable(HEADERS, cellRows(r.threats)),
    });
    sections.push({
      heading: `${r.home}'s counter-leverage`,
      ...(r.counter.length === 0
        ? { text: [`None of ${r.home}'s own export controls leaves the coercers above short of anything in this network.`] }
        : { html: simpleTable(HEADERS, cellRows(r.counter)) }),
    });
  }
  if (heat.length > 0) {
    sections.push({
      heading: "Who can coerce whom",
      chart: {
        name: "leverage-matrix",
        spec: heatMapSpec(heat, { xs: targets, ys: coercers, xTitle: "target", yTitle: "coercer", valueTitle: "unmet %" }),
        caption: "Each cell: the target's unmet share of demand (%) when the coercer controls each good it ships to the target, one good at a time, summed over goods. Blank: no control by that coercer leaves that target short.",
      },
    });
  }
  sections.push({
    heading: "How it is computed",
    html: notesHtml([
      "one deterministic run per coercer, good and target: a full export control of the good against that target alone, from period 0",
      "unmet share: the target's value-weighted share of final demand left unmet over the horizon (as `run` scores the home)",
      "coercer's cost: its baseline shipments of the good to the target × price × periods of the control (lasting loss of market share is not modelled)",
      "pairs that do not trade are exactly 0 and are not run",
    ]),
  });
  return renderPage({
    generator: "chokepoint leverage",
    title: `${r.scenario} — leverage${r.home === null ? "" : ` over ${r.home}`}`,
    heading: `${r.scenario}: who can coerce ${r.home ?? "whom"}`,
    meta: [`${r.home === null ? "every target" : `home ${r.home}`} · controls for ${r.duration} of ${r.horizon} ${r.period}s · ${r.cells.length} controls run`],
    summary: summary(r),
    sections,
    footer: "chokepoint leverage · deterministic: the same file and flags reproduce this page exactly.",
  });
}
