// The output formats of each report, in one place: a command offers the keys of its table as
// `--format` choices and renders with the chosen entry. A new format is one renderer and one
// entry here.
import type { CompareReport } from "../analysis/compare-report.ts";
import type { InspectReport } from "../analysis/inspect.ts";
import type { PortfolioReport } from "../analysis/portfolio-report.ts";
import type { RunReport } from "../analysis/run-report.ts";
import { renderCompareCsv, renderCompareTable } from "./compare.ts";
import { renderInspectCsv, renderInspectTable } from "./inspect.ts";
import { renderJson } from "./json.ts";
import { renderPortfolioTable } from "./portfolio.ts";
import { renderRunCsv, renderRunTable } from "./run.ts";

export type Renderer<Report> = (report: Report) => string | Promise<string>;

export const runFormats = {
  table: renderRunTable,
  json: renderJson,
  csv: renderRunCsv,
} satisfies Record<string, Renderer<RunReport>>;

export const compareFormats = {
  table: renderCompareTable,
  json: renderJson,
  csv: renderCompareCsv,
  // vega is loaded only for the page, keeping every other command's start-up quick
  html: async (report) => (await import("./compare-html.ts")).renderCompareHtml(report),
} satisfies Record<string, Renderer<CompareReport>>;

export const inspectFormats = {
  table: renderInspectTable,
  // inspect's JSON has always kept non-finite numbers as JSON.stringify writes them
  json: (report) => `${JSON.stringify(report, null, 2)}\n`,
  csv: renderInspectCsv,
} satisfies Record<string, Renderer<InspectReport>>;

export const portfolioFormats = {
  table: renderPortfolioTable,
  json: renderJson,
  html: async (report) => (await import("./portfolio-html.ts")).renderPortfolioHtml(report),
} satisfies Record<string, Renderer<PortfolioReport>>;

/** The format names of a table, for `--format` choices. */
export function formatNames<T extends object>(formats: T): (keyof T & string)[] {
  return Object.keys(formats) as (keyof T & string)[];
}
