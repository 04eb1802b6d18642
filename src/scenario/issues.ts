// Problems found in a document before they are placed in a file: a path and a plain sentence.
import { type InputIssue, formatPath, printable } from "../errors.ts";
import { type SourceDocument, locate } from "./parse.ts";

/** A problem at a path of the document (`["shocks", 0, "severity"]`). */
export interface PathIssue {
  path: PropertyKey[];
  message: string;
  /** Point at the key of the last path segment rather than its value (unknown fields, duplicate keys). */
  at?: "key";
}

/** The same issues, one level down: for a network inline in a scenario, under `network`. */
export function underPath(prefix: PropertyKey[], issues: readonly PathIssue[]): PathIssue[] {
  return issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] }));
}

/**
 * Issues as the user sees them: with the file name and, when the source text is known, the
 * line and column of the path's deepest node that exists.
 */
export function placeIssues(
  issues: readonly PathIssue[],
  file: string | undefined,
  source?: SourceDocument,
): InputIssue[] {
  return issues.map((issue) => {
    const position = source === undefined ? undefined : locate(source, issue.path, issue.at);
    return {
      ...(file === undefined ? {} : { file }),
      ...position,
      path: formatPath(issue.path),
      message: issue.message,
    };
  });
}

/** The most characters of a text value a message quotes. */
export const MAX_QUOTE = 40;

/**
 * A value as quoted in a message: `'JPN'`, `1.4`, `a list`, `infinity`. A text is cut to its
 * first {@link MAX_QUOTE} characters, its control characters escaped, so a message never echoes a file.
 */
export function formatValue(value: unknown): string {
  if (typeof value === "string") return `'${printable(value, MAX_QUOTE)}'`;
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (!Number.isFinite(value)) return value > 0 ? "infinity" : "minus infinity";
    return String(value);
  }
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  return String(value);
}
