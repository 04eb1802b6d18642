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
import { renderTidyJsonl } from "./tidy.ts";

/**
 * The tidy tables of each report, for `--table` choices (docs/outputs.md): the names only, so
 * that listing them loads no renderer; test/render/outputs-dictionary.test.ts checks them
 * against the tables themselves.
 */
export const runTables = ["options", "goods", "trajectory"] as const;
export const compareTables = ["options", "goods"] as const;
export const inspectTables = ["goods", "sources", "groups", "nodes"] as const;

/**
 * A report's text; tables fit the layout's width (other formats ignore it); the tidy formats
 * (`csv`, `jsonl`) write the named table of the report's tables (`--table`), else its default.
 */
export type Renderer<Report> = (report: Report, layout?: Layout, table?: string) => string | Promise<string>;

/** `csv` and `jsonl` of a report's tidy tables, loaded from their module when first written. */
function lazyTidy<Report>(load: () => Promise<{ csv: Renderer<Report>; jsonl: Renderer<Report> }>) {
  return {
    csv: async (report: Report, layout?: Layout, table?: string) => (await load()).csv(report, layout, table),
    jsonl: async (report: Report, layout?: Layout, table?: string) => (await load()).jsonl(report, layout, table),
  };
}

export const runFormats = {
  table: async (report, layout, _table?: string) => (await import("./run.ts")).renderRunTable(report, layout),
  json: (report) => renderJson(report),
  ...lazyTidy<RunReport>(async () => (await import("./run.ts")).runTidy),
  html: async (report) => (await import("./run-html.ts")).renderRunHtml(report),
} satisfies Record<string, Renderer<RunReport>>;

export const compareFormats = {
  table: async (report, layout, _table?: string) => (await import("./compare.ts")).renderCompareTable(report, layout),
  json: (report) => renderJson(report),
  ...lazyTidy<CompareReport>(async () => (await import("./compare.ts")).compareTidy),
  // vega is loaded only for the page, keeping every other command's start-up quick
  html: async (report) => (await import("./compare-html.ts")).renderCompareHtml(report),
} satisfies Record<string, Renderer<CompareReport>>;

export const inspectFormats = {
  table: async (report) => (await import("./inspect.ts")).renderInspectTable(report),
  json: (report) => renderJson(report),
  ...lazyTidy<InspectReport>(async () => (await import("./inspect.ts")).inspectTidy),
  html: async (report) => (await import("./inspect-html.ts")).renderInspectHtml(report),
  gexf: async (report) => (await import("./graph-files.ts")).renderGexf(report),
  graphml: async (report) => (await import("./graph-files.ts")).renderGraphml(report),
} satisfies Record<string, Renderer<InspectReport>>;

export const backtestFormats = {
  table: async (report) => (await import("./backtest.ts")).renderBacktestTable(report),
  json: (report) => renderJson(report),
  csv: async (report) => (await import("./backtest.ts")).renderBacktestCsv(report),
  jsonl: async (report) => renderTidyJsonl((await import("./backtest.ts")).backtestTable(report)),
  html: async (report) => (await import("./backtest-html.ts")).renderBacktestHtml(report),
} satisfies Record<string, Renderer<BacktestReport>>;

export const stressFormats = {
  table: async (report) => (await import("./stress.ts")).renderStressTable(report),
  json: (report) => renderJson(report),
  csv: async (report) => (await import("./stress.ts")).renderStressCsv(report),
  jsonl: async (report) => renderTidyJsonl((await import("./stress.ts")).stressTable(report)),
  html: async (report) => (await import("./stress-html.ts")).renderStressHtml(report),
} satisfies Record<string, Renderer<StressReport>>;

export const leverageFormats = {
  table: async (report) => (await import("./leverage.ts")).renderLeverageTable(report),
  json: (report) => renderJson(report),
  csv: async (report) => (await import("./leverage.ts")).renderLeverageCsv(report),
  jsonl: async (report) => renderTidyJsonl((await import("./leverage.ts")).leverageTable(report)),
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
