// The inspect page: the supply network drawn with the home's critical paths, import share and
// concentration per good, and the countries and chokepoints its supply runs through.
import type { InspectReport } from "../analysis/inspect.ts";
import { type BarRow, rankedBarsSpec } from "./charts.ts";
import { goodTableColumns } from "./inspect.ts";
import { formatCell } from "./columns.ts";
import { notesHtml, type PageSection, renderPage, simpleTable } from "./page.ts";
import { networkPictureSpec } from "./network-picture.ts";
import { compactNumber } from "./stress.ts";

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

function summary(r: InspectReport): string[] {
  const out = [`${r.homeName} (${r.home}) uses ${r.goods.length} goods of this network; ${r.homeCriticalFlows} flows lie on its supply paths (into it, or inputs of what flows in).`];
  const high = r.goods.filter((g) => g.hhiBand === "high" && g.importShare > 0);
  const top = [...r.goods].sort((a, b) => b.importShare * b.hhiPoints - a.importShare * a.hhiPoints)[0];
  if (top !== undefined && top.importShare > 0) {
    const src = top.topSources[0];
    out.push(
      `The most exposed good is ${top.name}: ${pct(top.importShare)} is imported and its sources are ${top.hhiBand === "high" ? "highly" : top.hhiBand === "moderate" ? "moderately" : "not"} concentrated (HHI ${top.hhiPoints.toFixed(0)}${src ? `, ${src.country} alone ${pct(src.share)}` : ""}).`,
    );
  }
  out.push(`${high.length} of its ${r.goods.length} goods come from highly concentrated sources (HHI ≥ 2500).`);
  const choke = r.chokepoints.filter((k) => k.homeCriticalValue > 0).sort((a, b) => b.homeCriticalValue - a.homeCriticalValue)[0];
  if (choke !== undefined) {
    out.push(`The chokepoint that carries most of its supply is ${choke.name}: ${choke.homeCriticalFlows} of its critical flows, ${compactNumber(choke.homeCriticalValue)} in value per period.`);
  }
  return out;
}

export async function renderInspectHtml(r: InspectReport): Promise<string> {
  const sections: PageSection[] = [];
  if (r.graph !== undefined) {
    sections.push({
      heading: "The supply network",
      chart: {
        name: "network",
        spec: networkPictureSpec(r.graph),
        caption: `Countries (circles) and chokepoints (diamonds); each line is trade between two of them, its width the value shipped per period, cut at the chokepoints it passes. Orange: flows on ${r.home}'s critical paths (into ${r.home}, or inputs of what flows in). Layout: ForceAtlas2 from a fixed seed, so the same network gives the same picture.`,
      },
    });
  }
  const bars: BarRow[] = r.goods.flatMap((g) => [
    { label: g.good, value: 100 * g.importShare, series: "imported share of use", text: pct(g.importShare) },
    { label: g.good, value: g.hhiPoints / 100, series: "concentration of sources (HHI ÷ 100)", text: `${g.hhiPoints.toFixed(0)}` },
  ]);
  sections.push({
    heading: "Exposure by good",
    chart: {
      name: "goods",
      spec: rankedBarsSpec(bars, { xTitle: "percent (HHI: 0–100, ≥ 25 highly concentrated)", seriesTitle: "measure" }),
      caption: "Per good, the share of use that is imported, and how concentrated its sources are (Herfindahl–Hirschman index on 0–10 000, drawn ÷ 100; 2 500 and above is highly concentrated).",
    },
  });
  const columns = goodTableColumns(r);
  sections.push({
    heading: "Per good",
    html: simpleTable(
      columns.map((c) => c.header),
      r.goods.map((g) => columns.map((c) => formatCell(c, g))),
    ),
  });
  const nodeRows = (list: InspectReport["countries"]) =>
    list.filter((n) => n.homeCriticalFlows > 0).map((n) => [`${n.id} ${n.name}`, Number(n.betweenness.toFixed(3)), n.homeCriticalFlows, compactNumber(n.homeCriticalValue)]);
  sections.push({
    heading: "Countries and chokepoints on the supply paths",
    html:
      simpleTable(["country", "betweenness", "critical flows", "critical value / period"], nodeRows(r.countries)) +
      simpleTable(["chokepoint", "betweenness", "critical flows", "critical value / period"], nodeRows(r.chokepoints)) +
      notesHtml([
        "betweenness: the share of shortest trade paths between other countries that pass through the node (0–1)",
        "critical flows: flows on the home's supply paths that a blockade of the country, or a closure of the chokepoint, would cut",
      ]),
  });
  return renderPage({
    generator: "chokepoint inspect",
    title: `${r.network} — exposure of ${r.home}`,
    heading: `${r.network}: the exposure of ${r.homeName}`,
    meta: [`home ${r.home}${r.homeGroups.length > 0 ? ` (${r.homeGroups.join(", ")})` : ""} · structure before any shock: no simulation`],
    summary: summary(r),
    sections,
    footer: "chokepoint inspect · computed from the network alone: the same file gives the same page.",
  });
}
