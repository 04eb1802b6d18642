// Renders an InspectReport as text tables (per good, per country, per chokepoint) or per-good CSV.
// Reference: docs/inspect.md (column meanings); layout by table.ts, quoting by csv.ts (RFC 4180).
import type { GoodExposure, InspectReport, NodeExposure, SourceShare } from "../analysis/inspect.ts";
import { DEFAULT_GOVERNANCE } from "../analysis/inspect.ts";
import type { Column } from "./columns.ts";
import { renderCsv } from "./csv.ts";
import { renderTable } from "./table.ts";

const percent = (x: number): number => 100 * x;

function sourcesText(sources: ReadonlyArray<SourceShare>): string {
  return sources.map((s) => `${s.country} ${percent(s.share).toFixed(0)}%`).join(", ");
}

/** Columns of the per-good text table; a share column for each of the home's groups. */
export function goodTableColumns(report: InspectReport): Column<GoodExposure>[] {
  return [
    { header: "good", get: (g) => g.good },
    { header: "bom", get: (g) => g.bomDepth },
    { header: "use", get: (g) => g.use, significant: 4 },
    { header: "demand", get: (g) => g.demand, significant: 4 },
    { header: "import%", get: (g) => percent(g.importShare), digits: 1 },
    { header: "HHI", get: (g) => g.hhiPoints, digits: 0 },
    { header: "band", get: (g) => g.hhiBand },
    { header: "top sources", get: (g) => sourcesText(g.topSources) },
    ...report.homeGroups.map(
      (tag): Column<GoodExposure> => ({ header: `${tag}%`, get: (g) => percent(g.groupShares[tag] ?? 0), digits: 1 }),
    ),
    { header: "outside%", get: (g) => percent(g.outsideGroupsShare), digits: 1 },
    { header: "govHHI world", get: (g) => g.governanceConcentration.world, digits: 2 },
    { header: "govHHI home", get: (g) => g.governanceConcentration.home, digits: 2 },
  ];
}

/** Columns of the per-good CSV: camelCase names following the JSON fields, full precision. */
export function goodCsvColumns(report: InspectReport): Column<GoodExposure>[] {
  const top = [0, 1, 2].flatMap((i): Column<GoodExposure>[] => [
    { header: `source${i + 1}`, get: (g) => g.topSources[i]?.country },
    { header: `source${i + 1}Share`, get: (g) => g.topSources[i]?.share },
  ]);
  return [
    { header: "good", get: (g) => g.good },
    { header: "name", get: (g) => g.name },
    { header: "unit", get: (g) => g.unit },
    { header: "bomDepth", get: (g) => g.bomDepth },
    { header: "use", get: (g) => g.use },
    { header: "demand", get: (g) => g.demand },
    { header: "intermediateUse", get: (g) => g.intermediateUse },
    { header: "importShare", get: (g) => g.importShare },
    { header: "hhi", get: (g) => g.hhi },
    { header: "hhiPoints", get: (g) => g.hhiPoints },
    { header: "hhiBand", get: (g) => g.hhiBand },
    ...top,
    { header: "outsideGroupsShare", get: (g) => g.outsideGroupsShare },
    ...report.groups.map(
      (tag): Column<GoodExposure> => ({ header: `groupShare.${tag}`, get: (g) => g.groupShares[tag] }),
    ),
    { header: "worldSupply", get: (g) => g.worldSupply },
    { header: "governanceWorld", get: (g) => g.governanceConcentration.world },
    { header: "governanceHome", get: (g) => g.governanceConcentration.home },
    { header: "governanceImputed", get: (g) => g.governanceImputed.join(" ") },
  ];
}

const nodeColumns: Column<NodeExposure>[] = [
  { header: "id", get: (n) => n.id },
  { header: "name", get: (n) => n.name },
  { header: "betweenness", get: (n) => n.betweenness, digits: 3 },
  { header: "critical flows", get: (n) => n.homeCriticalFlows },
  { header: "critical value", get: (n) => n.homeCriticalValue, digits: 0 },
];

/** The human-readable report: a title, three tables, and a note on imputed governance. */
export function renderInspectTable(report: InspectReport): string {
  const parts = [
    `Structural exposure of ${report.home} (${report.homeName}) in ${report.network}\n`,
    `\nGoods used by ${report.home}\n`,
    report.goods.length === 0 ? "(none)\n" : renderTable(goodTableColumns(report), report.goods),
    `\nCountries (${report.homeCriticalFlows} home-critical flows in all)\n`,
    renderTable(nodeColumns, report.countries),
  ];
  if (report.chokepoints.length > 0) parts.push("\nChokepoints\n", renderTable(nodeColumns, report.chokepoints));
  const note = imputedNote(report);
  if (note !== undefined) parts.push(`\nNote: ${note}.\n`);
  return parts.join("");
}

/** The note a report needs when some governance scores were imputed; undefined when none were. */
export function imputedNote(report: InspectReport): string | undefined {
  if (report.governanceImputed.length === 0) return undefined;
  return `no governance given for ${report.governanceImputed.join(", ")}; taken as ${DEFAULT_GOVERNANCE}`;
}

/** The per-good table as CSV. */
export function renderInspectCsv(report: InspectReport): string {
  return renderCsv(goodCsvColumns(report), report.goods);
}
