// The output formats of each report, in one place: a command offers the keys of its table as
// `--format` choices and renders with the chosen entry. A new format is one renderer and one
// entry here. Each entry loads its renderer when it is used, so that the command line can list
// the choices without loading any of them (start-up).
import type { BacktestReport } from "../analysis/backtest.ts";
import type { CompareReport } from "../analysis/compare-report.ts";
import type { InspectReport } from "../analysis/inspect.ts";
import type { LeverageReport } from "../analysis/leverage.ts";
import type { PortfolioReport } from "../analysis/portfolio-report.ts";
import type { RunReport } from "../analysis/run-report.ts";
import type { StressReport } from "../analysis/stress.ts";
import { renderJson } from "./json.ts";
import type { Layout } from "./table.ts";
import type { SummaryInput } from "./sweep-summary.ts";

/** A report's text; tables fit the layout's width (other formats ignore it). */
export type Renderer<Report> = (report: Report, layout?: Layout) => string | Promise<string>;

export const runFormats = {
  table: async (report, layout) => (await import("./run.ts")).renderRunTable(report, layout),
  json: (report) => renderJson(report),
  csv: async (report) => (await import("./run.ts")).renderRunCsv(report),
  html: async (report) => (await import("./run-html.ts")).renderRunHtml(report),
} satisfies Record<string, Renderer<RunReport>>;

export const compareFormats = {
  table: async (report, layout) => (await import("./compare.ts")).renderCompareTable(report, layout),
  json: (report) => renderJson(report),
  csv: async (report) => (await import("./compare.ts")).renderCompareCsv(report),
  // vega is loaded only for the page, keeping every other command's start-up quick
  html: async (report) => (await import("./compare-html.ts")).renderCompareHtml(report),
} satisfies Record<string, Renderer<CompareReport>>;

export const inspectFormats = {
  table: async (report) => (await import("./inspect.ts")).renderInspectTable(report),
  // inspect's JSON has always kept non-finite numbers as JSON.stringify writes them
  json: (report) => `${JSON.stringify(report, null, 2)}\n`,
  csv: async (report) => (await import("./inspect.ts")).renderInspectCsv(report),
  html: async (report) => (await import("./inspect-html.ts")).renderInspectHtml(report),
  gexf: async (report) => (await import("./graph-files.ts")).renderGexf(report),
  graphml: async (report) => (await import("./graph-files.ts")).renderGraphml(report),
} satisfies Record<string, Renderer<InspectReport>>;

export const backtestFormats = {
  table: async (report) => (await import("./backtest.ts")).renderBacktestTable(report),
  json: (report) => renderJson(report),
  csv: async (report) => (await import("./backtest.ts")).renderBacktestCsv(report),
  html: async (report) => (await import("./backtest-html.ts")).renderBacktestHtml(report),
} satisfies Record<string, Renderer<BacktestReport>>;

export const stressFormats = {
  table: async (report) => (await import("./stress.ts")).renderStressTable(report),
  json: (report) => renderJson(report),
  csv: async (report) => (await import("./stress.ts")).renderStressCsv(report),
  html: async (report) => (await import("./stress-html.ts")).renderStressHtml(report),
} satisfies Record<string, Renderer<StressReport>>;

export const leverageFormats = {
  table: async (report) => (await import("./leverage.ts")).renderLeverageTable(report),
  json: (report) => renderJson(report),
  csv: async (report) => (await import("./leverage.ts")).renderLeverageCsv(report),
  html: async (report) => (await import("./leverage-html.ts")).renderLeverageHtml(report),
} satisfies Record<string, Renderer<LeverageReport>>;

/** The sweep's summary: text after the rows, or a page instead of them (`sweep --format html`). */
export const sweepSummaryFormats = {
  text: async (summary) => (await import("./sweep-summary.ts")).renderSweepSummary(summary),
  html: async (summary) => (await import("./sweep-html.ts")).renderSweepHtml(summary),
} satisfies Record<string, Renderer<SummaryInput>>;
export const portfolioFormats = {
  table: async (report) => (await import("./portfolio.ts")).renderPortfolioTable(report),
  json: renderJson,
  html: async (report) => (await import("./portfolio-html.ts")).renderPortfolioHtml(report),
} satisfies Record<string, Renderer<PortfolioReport>>;

/** The format names of a table, for `--format` choices. */
export function formatNames<T extends object>(formats: T): (keyof T & string)[] {
  return Object.keys(formats) as (keyof T & string)[];
}
