// JSON output of any report: two-space indented, non-finite numbers as null, and every field name
// in snake_case, as the CSV columns (docs/outputs.md). The library's result objects keep their
// camelCase fields; only the written text is converted.

/**
 * Fields whose value is a map keyed by ids from the files (a run's goods, inspect's group tags):
 * their keys are data and are written as the file spells them.
 */
const ID_MAPS: ReadonlySet<string> = new Set(["goods", "groupShares"]);

/** `pShortfall10Ci95` → `p_shortfall10_ci95`: each capital letter becomes `_` and its lower case. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** A copy of a report with every field name in snake_case, the keys of id maps kept. */
export function snakeKeys(value: unknown, idKeys = false): unknown {
  if (Array.isArray(value)) return value.map((v) => snakeKeys(v));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [idKeys ? k : snakeCase(k), snakeKeys(v, !idKeys && ID_MAPS.has(k) && !Array.isArray(v))]),
  );
}

/** JSON with snake_case field names and non-finite numbers as null (JSON has no NaN). */
export function renderJson(value: unknown): string {
  return `${JSON.stringify(snakeKeys(value), (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2)}\n`;
}
