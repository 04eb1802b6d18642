// Renders a SourcesReport (every number of a network's goods or countries and where it came
// from) as text tables, one per good with its basis, or as a tidy table (CSV, JSON Lines), one row
// per number and source.
// Reference: docs/inspect.md ("--sources"), docs/data.md ("Provenance").
import type { Column } from "./columns.ts";
import type { GoodSources, SourceCitation, SourceLine, SourcesReport } from "../model/sources.ts";
import { renderJson } from "./json.ts";
import { renderTable } from "./table.ts";
import { type AnyTidy, renderTidyCsv, renderTidyJsonl, tidy } from "./tidy.ts";

/** The provenance report's formats (`inspect --sources --format …`). */
export const sourcesFormats = {
  table: (report: SourcesReport) => renderSourcesTable(report),
  json: (report: SourcesReport) => renderJson(report),
  csv: (report: SourcesReport) => renderTidyCsv(sourcesTable(report)),
  jsonl: (report: SourcesReport) => renderTidyJsonl(sourcesTable(report)),
};

interface Row {
  good: string;
  number: string;
  value?: number;
  share?: number;
  estimate: string;
  ref: string;
  kind: string;
  published?: string;
  citation: string;
}

/** One row per source of each number; the number, value and share only on its first row. */
function rowsOf(good: string, lines: ReadonlyArray<SourceLine>, full: boolean): Row[] {
  return lines.flatMap((l) => {
    const sources: ReadonlyArray<SourceCitation | undefined> = l.sources.length > 0 ? l.sources : [undefined];
    return sources.map((s, i): Row => {
      const first = full || i === 0;
      return {
        good,
        number: first ? `${l.label} ${l.field}` : "",
        ...(first && l.value !== undefined ? { value: l.value } : {}),
        ...(first && l.share !== undefined ? { share: l.share } : {}),
        estimate: first ? (l.estimate ? "estimate" : "") : "",
        ref: s?.ref ?? "(none)",
        kind: s?.kind ?? "missing",
        ...(s?.value === undefined ? {} : { published: s.value }),
        citation: s?.citation ?? "no source",
      };
    });
  });
}

const textColumns: Column<Row>[] = [
  { header: "number", get: (r) => r.number },
  { header: "value", get: (r) => r.value, significant: 6 },
  { header: "share", get: (r) => (r.share === undefined ? undefined : `${(100 * r.share).toFixed(1)}%`), align: "right" },
  { header: "", get: (r) => r.estimate },
  { header: "source", get: (r) => r.ref },
  { header: "kind", get: (r) => r.kind },
  { header: "value in source", get: (r) => r.published },
  { header: "where from", get: (r) => r.citation },
];

function goodText(g: GoodSources): string {
  const basis = g.basis.map((b) => `basis (${b.ref}): ${b.citation}`).join("\n");
  return `== ${g.good} (${g.unit}; flows and demand per period)\n${basis}\n${renderTable(textColumns, rowsOf(g.good, g.lines, false))}`;
}

export function renderSourcesTable(report: SourcesReport): string {
  const scope = [report.home === undefined ? "" : `home ${report.home}`, report.good === undefined ? "" : `good ${report.good}`, report.country === undefined ? "" : `country ${report.country}`]
    .filter((x) => x !== "")
    .join(", ");
  const a = report.audit;
  const pct = a.numbers === 0 ? 0 : (100 * a.estimates) / a.numbers;
  const head =
    `Sources of every number (${scope}). share = a flow's share of the destination's use of the good.\n` +
    `Network: ${a.numbers} numbers, ${a.missing} without a source, ${a.estimates} (${pct.toFixed(0)}%) built on an estimate.\n`;
  const parts = report.goods.map(goodText);
  if (report.other.length > 0) parts.push(`== country ${report.country}\n${renderTable(textColumns, rowsOf("", report.other, false))}`);
  return `${head}\n${parts.join("\n")}`;
}

const tidyColumns = (report: SourcesReport): Column<Row>[] => [
  { header: "home", get: () => report.home },
  { header: "good", get: (r) => r.good },
  { header: "number", get: (r) => r.number },
  { header: "value", get: (r) => r.value },
  { header: "share", get: (r) => r.share },
  { header: "estimate", get: (r) => r.estimate === "estimate" },
  { header: "source", get: (r) => r.ref },
  { header: "kind", get: (r) => r.kind },
  { header: "value_in_source", get: (r) => r.published },
  { header: "citation", get: (r) => r.citation },
];

/** One row per number and source (`inspect --sources --format csv|jsonl`; docs/outputs.md). */
export function sourcesTable(report: SourcesReport): AnyTidy {
  const rows = [...report.goods.flatMap((g) => rowsOf(g.good, g.lines, true)), ...rowsOf("", report.other, true)];
  return tidy(tidyColumns(report), rows);
}

export function renderSourcesCsv(report: SourcesReport): string {
  return renderTidyCsv(sourcesTable(report));
}
