// Column specs shared by the text-table and CSV renderers: a header, a getter, number formatting.
// Reference: none; a deliberately small alternative to a table library's column options.

/** What a column's getter may return; `null`/`undefined` render as an empty cell. */
export type CellValue = string | number | boolean | null | undefined;

/** One column of a table or CSV file. */
export interface Column<Row> {
  /** Header text (the CSV header too). */
  header: string;
  /** The cell's value for one row. */
  get: (row: Row) => CellValue;
  /** Fixed decimal places for numbers (`toFixed`); absent = the shortest round-trip form. */
  digits?: number;
  /** Significant digits for numbers (`toPrecision`, never in exponent form); used when `digits` is absent. */
  significant?: number;
  /** Text alignment in tables; default right for columns whose cells are numbers, else left. */
  align?: "left" | "right";
}

/** Formats one cell: numbers by the column's `digits`, non-finite numbers as `NaN`/`Infinity`. */
export function formatCell<Row>(column: Column<Row>, row: Row): string {
  const value = column.get(row);
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return String(value);
    // Avoid "-0.00" for tiny negative values that round to zero.
    const text =
      column.digits !== undefined
        ? value.toFixed(column.digits)
        : column.significant !== undefined
          ? String(Number(value.toPrecision(column.significant)))
          : String(value);
    return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
  }
  return String(value);
}
