// Tidy tables of a report, written as CSV or JSON Lines: fixed snake_case columns (whatever the
// network or scenario), one row per observation, the run's settings as the leading columns.
// docs/outputs.md is the data dictionary of every table; test/render/outputs-dictionary.test.ts
// compares the two. Reference: Wickham, "Tidy Data", J. Stat. Softw. 59(10), 2014; JSON Lines
// (jsonlines.org); RFC 4180 (CSV quoting, via csv.ts).
import type { RunReport } from "../analysis/run-report.ts";
import type { CellValue, Column } from "./columns.ts";
import { renderCsv } from "./csv.ts";
import type { Layout } from "./table.ts";

/** One tidy table: its columns and its rows. */
export interface Tidy<Row> {
  columns: Column<Row>[];
  rows: readonly Row[];
}

/** A tidy table of any row type (what a table's function returns; `tidy` checks the types). */
export interface AnyTidy {
  columns: Column<never>[];
  rows: readonly unknown[];
}

/** A report's tidy tables by name (`--table NAME`). */
export type TidyTables<Report> = Record<string, (report: Report) => AnyTidy>;

/** A table whose columns read its rows. */
export function tidy<Row>(columns: Column<Row>[], rows: readonly Row[]): AnyTidy {
  return { columns, rows };
}

/** Columns holding the same value on every row: a report's settings. */
export function constantColumns<Row>(values: ReadonlyArray<readonly [string, CellValue]>): Column<Row>[] {
  return values.map(([header, value]) => ({ header, get: () => value }));
}

/** What every run and comparison was computed with. */
export type RunSettings = Pick<RunReport, "scenario" | "home" | "trials" | "seed" | "horizon" | "period" | "currency" | "objective">;

/**
 * A report's settings as constant columns, named as its fields, except that `period` (what one
 * period is) becomes `period_unit`, leaving `period` to the period index of a trajectory row.
 */
export function settingsOf<Row, R extends object>(r: R, names: readonly (keyof R & string)[]): Column<Row>[] {
  return constantColumns(names.map((n) => [n === "period" ? "period_unit" : n, r[n] as CellValue] as const));
}

/** The run's settings: the leading columns of every table of `run` and `compare` (docs/outputs.md). */
export function settingColumns<Row>(r: RunSettings): Column<Row>[] {
  return settingsOf<Row, RunSettings>(r, ["scenario", "home", "trials", "seed", "horizon", "period", "currency", "objective"]);
}

/** A value as JSON writes it: undefined and non-finite numbers become null. */
function jsonCell(value: CellValue): string | number | boolean | null {
  if (value === undefined) return null;
  return typeof value === "number" && !Number.isFinite(value) ? null : value;
}

/** JSON Lines: one object per row, keyed by the column headers, in column order. */
export function renderJsonl<Row>(columns: ReadonlyArray<Column<Row>>, rows: ReadonlyArray<Row>): string {
  return rows.map((row) => `${JSON.stringify(Object.fromEntries(columns.map((c) => [c.header, jsonCell(c.get(row))])))}\n`).join("");
}

/** One tidy table as CSV. */
export function renderTidyCsv(table: AnyTidy): string {
  const t = table as unknown as Tidy<unknown>;
  return renderCsv(t.columns, t.rows);
}

/** One tidy table as JSON Lines. */
export function renderTidyJsonl(table: AnyTidy): string {
  const t = table as unknown as Tidy<unknown>;
  return renderJsonl(t.columns, t.rows);
}

/** The names of a report's tables, for `--table` choices. */
export function tableNames<Report>(tables: TidyTables<Report>): string[] {
  return Object.keys(tables);
}

/**
 * The `csv` and `jsonl` renderers of a report's tidy tables; `table` picks one (default:
 * `byDefault` of the report). An unknown name is a programming error: the CLI checks it first.
 */
export function tidyFormats<Report>(tables: TidyTables<Report>, byDefault: (report: Report) => string) {
  const pick = (report: Report, table?: string) => {
    const name = table ?? byDefault(report);
    const make = tables[name];
    if (make === undefined) throw new Error(`no table '${name}'; tables: ${tableNames(tables).join(", ")}`);
    return make(report);
  };
  return {
    csv: (report: Report, _layout?: Layout, table?: string): string => renderTidyCsv(pick(report, table)),
    jsonl: (report: Report, _layout?: Layout, table?: string): string => renderTidyJsonl(pick(report, table)),
  };
}
