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
