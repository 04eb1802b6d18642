// CSV text from column specs: one header line, LF line ends, fields quoted as RFC 4180 requires.
// Reference: RFC 4180 (quote fields holding a comma, quote or line break; double inner quotes).
import { type Column, formatCell } from "./columns.ts";

/** Quotes one field when RFC 4180 requires it. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Renders rows as CSV: the headers on the first line, then one line per row, numbers formatted
 * by each column's `digits`. Lines end in `\n` (RFC 4180 allows it to be read back by every
 * common parser; the file ends with a newline).
 */
export function renderCsv<Row>(columns: ReadonlyArray<Column<Row>>, rows: ReadonlyArray<Row>): string {
  const lines = [
    columns.map((c) => csvField(c.header)).join(","),
    ...rows.map((row) => columns.map((c) => csvField(formatCell(c, row))).join(",")),
  ];
  return `${lines.join("\n")}\n`;
}
