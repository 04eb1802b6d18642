// Sweep output files as text: lines (a torn last line dropped), their point ids, the canonical
// order (by point, rows of a point in option order), merging shards, and what a resume keeps.
// The canonical file is what an uninterrupted, unsharded sweep writes, so merged shards and
// resumed runs are byte-identical to it.
import { type InputIssue, InputError } from "../errors.ts";
import { type SweepFormat, type SweepRow, csvHeader, parseRow, pointOfLine } from "./rows.ts";

/** The complete lines of a text (each ended by a newline) and the torn tail, if any. */
export function completeLines(text: string): { lines: string[]; torn: string } {
  const end = text.lastIndexOf("\n");
  const body = end < 0 ? "" : text.slice(0, end);
  return { lines: body === "" && end < 0 ? [] : body.split("\n"), torn: text.slice(end + 1) };
}

/** JSON Lines when the first line is a JSON object, else CSV. */
export function detectFormat(text: string): SweepFormat {
  return text.trimStart().startsWith("{") ? "jsonl" : "csv";
}

/** Rows grouped by point id, in first-seen order within a point. */
interface PointLines {
  point: number;
  lines: string[];
}

function groupByPoint(lines: readonly string[], format: SweepFormat, name: string, issues: InputIssue[], firstLine: number): Map<number, PointLines> {
  const groups = new Map<number, PointLines>();
  lines.forEach((line, k) => {
    if (line === "") return;
    const point = pointOfLine(line, format);
    if (point === undefined) {
      issues.push({ file: name, line: firstLine + k, col: 1, path: "", message: "is not a row of a sweep (it has no point id)" });
      return;
    }
    const group = groups.get(point);
    if (group === undefined) groups.set(point, { point, lines: [line] });
    else group.lines.push(line);
  });
  return groups;
}

export interface MergeResult {
  text: string;
  format: SweepFormat;
  warnings: string[];
}

/**
 * Merges sweep outputs (shards) into the canonical file: header once (CSV), then points in
 * ascending order, each point's rows as they were. A point found in several inputs is kept once
 * if identical everywhere; if they differ, it is an error.
 * @throws {InputError} for mixed formats, different headers, or conflicting points.
 */
export function mergeOutputs(inputs: readonly { name: string; text: string }[]): MergeResult {
  const warnings: string[] = [];
  const issues: InputIssue[] = [];
  const nonEmpty = inputs.filter((i) => i.text.trim() !== "");
  const format = detectFormat(nonEmpty[0]?.text ?? "");
  let header: { line: string; from: string } | undefined;
  const points = new Map<number, { lines: string[]; from: string }>();
  for (const input of nonEmpty) {
    const { lines, torn } = completeLines(input.text);
    if (torn !== "") warnings.push(`${input.name}: dropped an incomplete last line (an interrupted run?)`);
    if (detectFormat(input.text) !== format) {
      issues.push({ file: input.name, path: "", message: `is ${detectFormat(input.text)}, but ${nonEmpty[0]!.name} is ${format}: merge outputs of one format` });
      continue;
    }
    let body = lines;
    if (format === "csv") {
      const first = lines[0] ?? "";
      if (header === undefined) header = { line: first, from: input.name };
      else if (first !== header.line) {
        issues.push({ file: input.name, line: 1, col: 1, path: "", message: `has a different header from ${header.from}: it comes from a different sweep` });
        continue;
      }
      body = lines.slice(1);
    }
    for (const group of groupByPoint(body, format, input.name, issues, format === "csv" ? 2 : 1).values()) {
      const seen = points.get(group.point);
      if (seen === undefined) points.set(group.point, { lines: group.lines, from: input.name });
      else if (seen.lines.join("\n") !== group.lines.join("\n")) {
        issues.push({ file: input.name, path: "", message: `point ${group.point} is also in ${seen.from} with different rows` });
      }
    }
  }
  if (issues.length > 0) throw new InputError(issues);
  const sorted = [...points.entries()].sort((a, b) => a[0] - b[0]);
  const sizes = new Map<number, number>();
  for (const [, p] of sorted) sizes.set(p.lines.length, (sizes.get(p.lines.length) ?? 0) + 1);
  const full = Math.max(0, ...sizes.keys());
  const short = sorted.filter(([, p]) => p.lines.length < full).map(([id]) => id);
  if (short.length > 0) warnings.push(`point${short.length === 1 ? "" : "s"} ${short.join(", ")} lack some options' rows (an interrupted shard? resume it first)`);
  const rows = sorted.flatMap(([, p]) => p.lines);
  const head = header === undefined ? "" : `${header.line}\n`;
  return { text: head + rows.map((l) => `${l}\n`).join(""), format, warnings };
}

/** What the expected rows of a point look like, for a resume to check an existing file. */
export interface ResumeCheck {
  format: SweepFormat;
  /** Parameter paths, in column order. */
  parameters: readonly string[];
  /** Option ids every complete point has, in order. */
  options: readonly string[];
  /** Points in the design. */
  count: number;
  /** The parameter values of a point as this sweep defines it. */
  valuesOf: (point: number) => readonly (number | undefined)[];
}

export interface ResumeState {
  /** The file as it should be before new rows are appended: header and complete points only. */
  text: string;
  /** Points whose rows are all present. */
  complete: Set<number>;
  /** The rows of the complete points, parsed. */
  rows: SweepRow[];
  /** What was dropped, for a note on stderr. */
  dropped: string[];
}

/**
 * Reads an existing output file for `--resume`: drops a torn last line and the rows of points
 * that lack some options, and checks the rest belong to this sweep.
 * @throws {InputError} when the file was written by a different sweep.
 */
export function examineForResume(text: string, file: string, check: ResumeCheck): ResumeState {
  const { lines, torn } = completeLines(text);
  const dropped: string[] = [];
  if (torn !== "") dropped.push("an incomplete last line");
  const header = csvHeader(check.parameters);
  let body = lines;
  if (check.format === "csv") {
    if (lines.length === 0) return { text: header, complete: new Set(), rows: [], dropped };
    if (`${lines[0]}\n` !== header) {
      throw new InputError([
        {
          file,
          line: 1,
          col: 1,
          path: "",
          message: `cannot resume: the header differs from this sweep's (${header.trimEnd()}); it was written by a different sweep, or is not CSV`,
        },
      ]);
    }
    body = lines.slice(1);
  } else if (lines.length > 0 && detectFormat(lines[0]!) !== "jsonl") {
    throw new InputError([{ file, line: 1, col: 1, path: "", message: "cannot resume: the file is not JSON Lines (use the same --format as the first run)" }]);
  }
  const issues: InputIssue[] = [];
  const offset = check.format === "csv" ? 2 : 1;
  const rows: SweepRow[] = [];
  const complete = new Set<number>();
  const partial: number[] = [];
  const groups = groupByPoint(body, check.format, file, issues, offset);
  const lineOf = new Map<string, number>();
  body.forEach((l, k) => {
    if (!lineOf.has(l)) lineOf.set(l, offset + k);
  });
  for (const group of groups.values()) {
    const parsed = group.lines.map((l) => parseRow(l, check.parameters, check.format));
    const bad = parsed.findIndex((r) => "error" in r);
    if (bad >= 0) {
      const r = parsed[bad] as { error: string };
      issues.push({ file, line: lineOf.get(group.lines[bad]!) ?? 1, col: 1, path: "", message: `cannot resume: this line ${r.error}` });
      continue;
    }
    const good = parsed as SweepRow[];
    if (group.point >= check.count) {
      issues.push({ file, line: lineOf.get(group.lines[0]!) ?? 1, col: 1, path: "", message: `cannot resume: point ${group.point} is not in this sweep's design of ${check.count} points` });
      continue;
    }
    const expected = check.valuesOf(group.point);
    const mismatch = good.find((r) => r.values.some((v, j) => !sameValue(v, expected[j])));
    if (mismatch !== undefined) {
      const j = mismatch.values.findIndex((v, k) => !sameValue(v, expected[k]));
      issues.push({
        file,
        line: lineOf.get(group.lines[good.indexOf(mismatch)]!) ?? 1,
        col: 1,
        path: check.parameters[j] ?? "",
        message: `cannot resume: point ${group.point} has ${String(mismatch.values[j] ?? "no value")} here, but this sweep sets ${String(expected[j] ?? "no value")}; the file was written by a different sweep`,
      });
      continue;
    }
    const options = good.map((r) => r.option);
    if (options.length === check.options.length && options.every((o, k) => o === check.options[k])) {
      complete.add(group.point);
      rows.push(...good);
    } else {
      partial.push(group.point);
    }
  }
  if (issues.length > 0) throw new InputError(issues);
  if (partial.length > 0) dropped.push(`the rows of unfinished point${partial.length === 1 ? "" : "s"} ${partial.join(", ")}`);
  // keep complete points in file order: an uninterrupted sweep wrote them in point order
  const inOrder = body.filter((l) => l !== "" && complete.has(pointOfLine(l, check.format) ?? -1));
  const head = check.format === "csv" ? header : "";
  return { text: head + inOrder.map((l) => `${l}\n`).join(""), complete, rows, dropped };
}

function sameValue(a: number | undefined, b: number | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && Number.isNaN(a) && Number.isNaN(b));
}

/** The canonical order of one file: rows sorted by point (stable), header first. */
export function canonicalOrder(text: string, format: SweepFormat): string {
  const { lines } = completeLines(text);
  const head = format === "csv" ? lines.slice(0, 1) : [];
  const body = format === "csv" ? lines.slice(1) : lines;
  const sorted = body
    .filter((l) => l !== "")
    .map((line, k) => ({ line, k, point: pointOfLine(line, format) ?? Number.MAX_SAFE_INTEGER }))
    .sort((a, b) => a.point - b.point || a.k - b.k)
    .map((x) => x.line);
  return [...head, ...sorted].map((l) => `${l}\n`).join("");
}
