// A command's JSON output read back into the library's camelCase result types: the inverse of the
// snake_case field names the JSON renderer writes (src/render/json.ts); the keys of id maps (a
// run's goods, inspect's group shares) are data and stay as they are.
const ID_MAPS = new Set(["goods", "group_shares"]);

function camelKeys(value: unknown, idKeys = false): unknown {
  if (Array.isArray(value)) return value.map((v) => camelKeys(v));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      idKeys ? k : k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()),
      camelKeys(v, !idKeys && ID_MAPS.has(k) && !Array.isArray(v)),
    ]),
  );
}

/** A report as the library returns it, from the text `--format json` wrote. */
export function parseReport<T>(json: string): T {
  return camelKeys(JSON.parse(json)) as T;
}
