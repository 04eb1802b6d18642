// Renders an InspectReport as text tables (per good, per country, per chokepoint) or tidy tables
// (goods, sources, groups, nodes) for CSV and JSON Lines; docs/outputs.md lists their columns.
// Reference: docs/inspect.md (column meanings); layout by table.ts, quoting by csv.ts (RFC 4180).
import type { GoodExposure, InspectReport, NodeExposure, SourceShare } from "../analysis/inspect.ts";
import { DEFAULT_GOVERNANCE } from "../analysis/inspect.ts";
import type { Column } from "./columns.ts";
import { renderTable } from "./table.ts";
import { renderTidyCsv, settingsOf, tidy, tidyFormats, type TidyTables } from "./tidy.ts";

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

/** The inspected network and home: the leading columns of every inspect table. */
const inspectSettings = <Row>(r: InspectReport): Column<Row>[] => settingsOf<Row, InspectReport>(r, ["network", "home"]);

type SourceRow = { good: string; scope: "home" | "world"; rank: number; s: SourceShare };
type GroupRow = { good: string; group: string; share: number };
type NodeRow = { kind: "country" | "chokepoint"; n: NodeExposure };

/** The tidy tables of `inspect --format csv|jsonl` (`--table`); their columns never depend on the network. */
export const inspectTables = {
  goods: (r) =>
    tidy<GoodExposure>(
      [
        ...inspectSettings<GoodExposure>(r),
        { header: "good", get: (g) => g.good },
        { header: "name", get: (g) => g.name },
        { header: "unit", get: (g) => g.unit },
        { header: "bom_depth", get: (g) => g.bomDepth },
        { header: "use", get: (g) => g.use },
        { header: "demand", get: (g) => g.demand },
        { header: "intermediate_use", get: (g) => g.intermediateUse },
        { header: "import_share", get: (g) => g.importShare },
        { header: "hhi", get: (g) => g.hhi },
        { header: "hhi_points", get: (g) => g.hhiPoints },
        { header: "hhi_band", get: (g) => g.hhiBand },
        { header: "outside_groups_share", get: (g) => g.outsideGroupsShare },
        { header: "world_supply", get: (g) => g.worldSupply },
        { header: "governance_world", get: (g) => g.governanceConcentration.world },
        { header: "governance_home", get: (g) => g.governanceConcentration.home },
        { header: "governance_imputed", get: (g) => g.governanceImputed.join(" ") },
      ],
      r.goods,
    ),
  sources: (r) =>
    tidy<SourceRow>(
      [
        ...inspectSettings<SourceRow>(r),
        { header: "good", get: (x) => x.good },
        { header: "scope", get: (x) => x.scope },
        { header: "rank", get: (x) => x.rank },
        { header: "country", get: (x) => x.s.country },
        { header: "volume", get: (x) => x.s.volume },
        { header: "share", get: (x) => x.s.share },
      ],
      r.goods.flatMap((g) =>
        (["home", "world"] as const).flatMap((scope) =>
          (scope === "home" ? g.sources : g.worldSources).map((s, i) => ({ good: g.good, scope, rank: i + 1, s })),
        ),
      ),
    ),
  groups: (r) =>
    tidy<GroupRow>(
      [
        ...inspectSettings<GroupRow>(r),
        { header: "good", get: (x) => x.good },
        { header: "group", get: (x) => x.group },
        { header: "home_in_group", get: (x) => r.homeGroups.includes(x.group) },
        { header: "share", get: (x) => x.share },
      ],
      r.goods.flatMap((g) => r.groups.map((group) => ({ good: g.good, group, share: g.groupShares[group] ?? 0 }))),
    ),
  nodes: (r) =>
    tidy<NodeRow>(
      [
        ...inspectSettings<NodeRow>(r),
        { header: "kind", get: (x) => x.kind },
        { header: "id", get: (x) => x.n.id },
        { header: "name", get: (x) => x.n.name },
        { header: "betweenness", get: (x) => x.n.betweenness },
        { header: "home_critical_flows", get: (x) => x.n.homeCriticalFlows },
        { header: "home_critical_value", get: (x) => x.n.homeCriticalValue },
      ],
      [...r.countries.map((n) => ({ kind: "country" as const, n })), ...r.chokepoints.map((n) => ({ kind: "chokepoint" as const, n }))],
    ),
} satisfies TidyTables<InspectReport>;

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

/** `inspect` as CSV: one of its tidy tables (docs/outputs.md). */
export function renderInspectCsv(report: InspectReport, table: keyof typeof inspectTables = "goods"): string {
  return renderTidyCsv(inspectTables[table](report));
}

/** `csv` and `jsonl` of these tables (render/formats.ts loads them when first written). */
export const inspectTidy = tidyFormats(inspectTables, () => "goods");
