// Plain aligned-text tables from column specs: no colours, no TTY needed, stable for snapshots.
// Reference: none; the layout follows `column -t` (two spaces between columns, a dashed rule).
import { type Column, formatCell } from "./columns.ts";

/** Options of {@link renderTable}. */
export interface TableOptions {
  /** Spaces between columns; default 2. */
  gap?: number;
}

/**
 * Renders rows as an aligned text table: a header line, a dashed rule, one line per row, each
 * line ending in a newline. Widths count UTF-16 code units, which suits ids and numbers.
 */
export function renderTable<Row>(
  columns: ReadonlyArray<Column<Row>>,
  rows: ReadonlyArray<Row>,
  options: TableOptions = {},
): string {
  const gap = " ".repeat(options.gap ?? 2);
  const cells = rows.map((row) => columns.map((c) => formatCell(c, row)));
  const rightAligned = columns.map(
    (c, j) => c.align === "right" || (c.align === undefined && isNumericColumn(c, rows, cells, j)),
  );
  const widths = columns.map((c, j) => Math.max(c.header.length, ...cells.map((line) => (line[j] ?? "").length)));
  const renderLine = (texts: ReadonlyArray<string>): string =>
    texts
      .map((text, j) => {
        const width = widths[j] ?? 0;
        return rightAligned[j] ? text.padStart(width) : text.padEnd(width);
      })
      .join(gap)
      .trimEnd();
  const lines = [
    renderLine(columns.map((c) => c.header)),
    widths.map((w) => "-".repeat(w)).join(gap),
    ...cells.map(renderLine),
  ];
  return `${lines.join("\n")}\n`;
}

function isNumericColumn<Row>(
  column: Column<Row>,
  rows: ReadonlyArray<Row>,
  cells: ReadonlyArray<ReadonlyArray<string>>,
  j: number,
): boolean {
  let sawNumber = false;
  for (const [i, row] of rows.entries()) {
    const value = column.get(row);
    if (typeof value === "number") sawNumber = true;
    else if ((cells[i]?.[j] ?? "") !== "") return false;
  }
  return sawNumber || column.digits !== undefined;
}

/** How a text report is laid out: the widest a line may be (Infinity: no limit). */
export interface Layout {
  width: number;
}

/** No width limit: every table on one line per row. */
export const WIDE: Layout = { width: Number.POSITIVE_INFINITY };

/**
 * Word-wraps one line to `width` characters, keeping its own leading spaces; continuation lines
 * are indented `indent` spaces more. A word longer than a line is cut.
 */
export function wrapLine(line: string, width: number, indent = 2): string[] {
  if (line.length <= width) return [line];
  const own = line.length - line.trimStart().length;
  const lead = Math.min(own + indent, Math.floor(width / 2));
  const out: string[] = [];
  let current = "";
  const pad = () => " ".repeat(out.length === 0 ? Math.min(own, lead) : lead);
  const room = () => width - pad().length;
  const flush = () => {
    out.push(`${pad()}${current}`);
    current = "";
  };
  for (let word of line.trim().split(/ +/)) {
    while (word.length > room()) {
      if (current !== "") flush();
      const fits = room();
      out.push(`${pad()}${word.slice(0, fits)}`);
      word = word.slice(fits);
    }
    if (current === "") current = word;
    else if (current.length + 1 + word.length <= room()) current += ` ${word}`;
    else {
      flush();
      current = word;
    }
  }
  if (current !== "") flush();
  return out;
}

/** Every line of `text` wrapped to the layout's width. */
export function fitText(text: string, layout: Layout): string {
  if (!Number.isFinite(layout.width)) return text;
  return text
    .split("\n")
    .flatMap((line) => wrapLine(line, layout.width))
    .join("\n");
}

/** One row as a block: a title line, then segments packed into lines joined by " · ". */
export interface Block {
  title: string;
  segments: string[];
}

/** Rows as blocks of lines, each at most `width` wide, segments indented under the title. */
export function renderBlocks<Row>(rows: ReadonlyArray<Row>, block: (row: Row) => Block, width: number): string {
  const indent = "   ";
  const lines: string[] = [];
  for (const row of rows) {
    const { title, segments } = block(row);
    lines.push(...wrapLine(title, width));
    let current = "";
    for (const segment of segments) {
      const next = current === "" ? `${indent}${segment}` : `${current} · ${segment}`;
      if (next.length <= width || current === "") current = next;
      else {
        lines.push(...wrapLine(current, width));
        current = `${indent}${segment}`;
      }
    }
    if (current !== "") lines.push(...wrapLine(current, width));
  }
  return `${lines.join("\n")}\n`;
}

/** The table if its widest line fits the layout, else the rows as blocks. */
export function fitTable<Row>(columns: ReadonlyArray<Column<Row>>, rows: ReadonlyArray<Row>, layout: Layout, block: (row: Row) => Block): string {
  const table = renderTable(columns, rows);
  const widest = Math.max(...table.split("\n").map((l) => l.length));
  return widest <= layout.width ? table : renderBlocks(rows, block, layout.width);
}
