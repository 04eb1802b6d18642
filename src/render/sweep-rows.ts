// The sweep's tidy output: one row per point × option, as CSV (header once) or JSON Lines, each
// row one line; and the same rows read back (resume, merge, the final summary).
// Reference: RFC 4180 (CSV quoting, via render/csv.ts); JSON Lines (jsonlines.org).
import { RUN_COLUMNS, SCORE_COLUMNS, type SweepRow, sweepColumns } from "../analysis/sweep-rows.ts";
import { csvField } from "./csv.ts";

export const SWEEP_FORMATS = ["csv", "jsonl"] as const;
export type SweepFormat = (typeof SWEEP_FORMATS)[number];

/** The CSV header line, with its newline. */
export function csvHeader(parameters: readonly string[]): string {
  return `${sweepColumns(parameters).map(csvField).join(",")}\n`;
}

/** Numbers in their shortest round-trip form (as `run --format csv`); NaN stays NaN. */
function cell(value: number | undefined): string {
  return value === undefined ? "" : String(value);
}

/** One row as one line, with its newline. */
export function formatRow(row: SweepRow, parameters: readonly string[], format: SweepFormat): string {
  if (format === "csv") {
    const cells = [String(row.point), ...row.values.map(cell), csvField(row.option), String(row.trials), String(row.seed), ...SCORE_COLUMNS.map((c) => cell(row[c]))];
    return `${cells.join(",")}\n`;
  }
  const record: Record<string, unknown> = { point: row.point };
  parameters.forEach((p, j) => {
    record[p] = jsonNumber(row.values[j]);
  });
  record.option = row.option;
  record.trials = row.trials;
  record.seed = row.seed;
  for (const c of SCORE_COLUMNS) record[c] = jsonNumber(row[c]);
  return `${JSON.stringify(record)}\n`;
}

/** JSON has no NaN or infinity: they become null (read back as NaN). */
function jsonNumber(value: number | undefined): number | null {
  return value === undefined || !Number.isFinite(value) ? null : value;
}

/** Splits one CSV line into its fields (RFC 4180 quoting). */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let text = "";
      i++;
      while (i < line.length) {
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            text += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else text += line[i++];
      }
      fields.push(text);
    } else {
      const end = line.indexOf(",", i);
      fields.push(line.slice(i, end < 0 ? line.length : end));
      i = end < 0 ? line.length : end;
    }
    if (i >= line.length) break;
    i++; // the comma
    if (i === line.length) {
      fields.push("");
      break;
    }
  }
  return fields;
}

/** The point id of one output line (its first field), or undefined if it has none. */
export function pointOfLine(line: string, format: SweepFormat): number | undefined {
  if (format === "csv") {
    const end = line.indexOf(",");
    const n = Number(end < 0 ? line : line.slice(0, end));
    return Number.isInteger(n) && n >= 0 && line !== "" ? n : undefined;
  }
  try {
    const value: unknown = JSON.parse(line);
    const n = typeof value === "object" && value !== null ? (value as { point?: unknown }).point : undefined;
    return typeof n === "number" && Number.isInteger(n) && n >= 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

/** Reads one line back into a row; a sentence when it is not a row of this sweep. */
export function parseRow(line: string, parameters: readonly string[], format: SweepFormat): SweepRow | { error: string } {
  const columns = sweepColumns(parameters);
  let cells: Record<string, unknown>;
  if (format === "csv") {
    const fields = splitCsvLine(line);
    if (fields.length !== columns.length) return { error: `has ${fields.length} fields, not ${columns.length}` };
    cells = Object.fromEntries(columns.map((c, k) => [c, fields[k]]));
  } else {
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value !== "object" || value === null || Array.isArray(value)) return { error: "is not a JSON object" };
      cells = value as Record<string, unknown>;
    } catch {
      return { error: "is not valid JSON" };
    }
    const keys = Object.keys(cells);
    if (keys.length !== columns.length || keys.some((k, i) => k !== columns[i])) {
      return { error: `has the fields ${keys.join(", ")}, not ${columns.join(", ")}` };
    }
  }
  const num = (c: string): number | undefined => {
    const v = cells[c];
    if (v === "" || v === undefined) return undefined;
    if (v === null) return Number.NaN;
    return typeof v === "number" ? v : Number(v);
  };
  const point = num("point");
  if (point === undefined || !Number.isInteger(point) || point < 0) return { error: "has no point id" };
  const option = cells.option;
  if (typeof option !== "string" || option === "") return { error: "has no option" };
  const trials = num("trials");
  if (trials === undefined || !Number.isInteger(trials) || trials < 1) return { error: "has no trials (a whole number of at least 1)" };
  const seed = num("seed");
  if (seed === undefined || !Number.isInteger(seed) || seed < 0) return { error: "has no seed (a whole number, 0 or more)" };
  const row: SweepRow = {
    point,
    // a parameter without a numeric value is an empty cell (CSV) or null (JSON)
    values: parameters.map((p) => (cells[p] === null ? undefined : num(p))),
    option,
    trials,
    seed,
    cost: 0,
    autonomy: 0,
    autonomy_lo: 0,
    autonomy_hi: 0,
    risk: 0,
    risk_lo: 0,
    risk_hi: 0,
    risk_diff: 0,
    risk_diff_lo: 0,
    risk_diff_hi: 0,
    expected: 0,
    expected_lo: 0,
    expected_hi: 0,
  };
  for (const c of SCORE_COLUMNS) row[c] = num(c) ?? Number.NaN;
  return row;
}
