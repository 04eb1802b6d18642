// JSON output of any report: two-space indented, non-finite numbers as null.
/** JSON with non-finite numbers as null (JSON has no NaN). */
export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2)}\n`;
}
