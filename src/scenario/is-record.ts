// The one type guard for plain maps in parsed documents (not arrays, not null).

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
