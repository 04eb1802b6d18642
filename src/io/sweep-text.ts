// Sweep output files as text: lines (a torn last line dropped), their point ids, the canonical
// order (by point, rows of a point in option order), merging shards, and what a resume keeps.
// The canonical file is what an uninterrupted, unsharded sweep writes, so merged shards and
// resumed runs are byte-identical to it.
import { type InputIssue, InputError } from "../errors.ts";
import { RUN_COLUMNS, SCORE_COLUMNS, type SweepRow } from "../analysis/sweep-rows.ts";
import { csvField } from "../render/csv.ts";
import { type SweepFormat, csvHeader, parseRow, pointOfLine, splitCsvLine } from "../render/sweep-rows.ts";

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

/** "trials 200 and seed 1": the run settings as the messages name them. */
function describeRun(trials: unknown, seed: unknown): string {
  return `trials ${String(trials)} and seed ${String(seed)}`;
}

/** What rows of an earlier version, which did not record trials and seed, are described as. */
const NOT_RECORDED = "record no trials or seed (an earlier version of chokepoint wrote them)";

/**
 * How a CSV header lays out its rows: the number of fields, and the position of the `trials`
 * column (undefined when the header has none: an earlier version wrote the file).
 */
function csvLayout(header: string): { fields: number; trials: number | undefined } {
  const names = splitCsvLine(header);
  const k = names.length - SCORE_COLUMNS.length - RUN_COLUMNS.length;
  return { fields: names.length, trials: k > 0 && names[k] === RUN_COLUMNS[0] && names[k + 1] === RUN_COLUMNS[1] ? k : undefined };
}

/**
 * The trials and seed one row line records, as "were made with trials 200 and seed 1" (or
 * NOT_RECORDED); undefined for a line too malformed to tell.
 */
function runOfLine(line: string, format: SweepFormat, layout: ReturnType<typeof csvLayout> | undefined): string | undefined {
  if (format === "csv") {
    if (layout === undefined) return undefined;
    const fields = splitCsvLine(line);
    if (fields.length !== layout.fields) return undefined;
    return layout.trials === undefined ? NOT_RECORDED : `were made with ${describeRun(fields[layout.trials], fields[layout.trials + 1])}`;
  }
  try {
    const value = JSON.parse(line) as { trials?: unknown; seed?: unknown };
    if (value.trials === undefined && value.seed === undefined) return NOT_RECORDED;
    return `were made with ${describeRun(value.trials ?? "none", value.seed ?? "none")}`;
  } catch {
    return undefined;
  }
}

export interface MergeResult {
  text: string;
  format: SweepFormat;
  warnings: string[];
}

/**
 * Merges sweep outputs (shards) into the canonical file: header once (CSV), then points in
 * ascending order, each point's rows as they were. A point found in several inputs is kept once
 * if identical everywhere; if they differ, it is an error. Every row must record the same trials
 * and seed: rows of runs with other trials or another seed are not comparable.
 * @throws {InputError} for mixed formats, different headers, different trials or seed, or
 * conflicting points.
 */
export function mergeOutputs(inputs: readonly { name: string; text: string }[]): MergeResult {
  const warnings: string[] = [];
  const issues: InputIssue[] = [];
  const nonEmpty = inputs.filter((i) => i.text.trim() !== "");
  const format = detectFormat(nonEmpty[0]?.text ?? "");
  let header: { line: string; from: string } | undefined;
  const points = new Map<number, { lines: string[]; from: string }>();
  // the trials and seed of the first row, which every other row must share
  let run: { made: string; from: string } | undefined;
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
    const firstLine = format === "csv" ? 2 : 1;
    // every row must have been made with the trials and seed of the first row: one issue per input
    const layout = format === "csv" ? csvLayout(lines[0] ?? "") : undefined;
    let otherRun = false;
    for (const [k, line] of body.entries()) {
      if (line === "" || pointOfLine(line, format) === undefined) continue;
      const made = runOfLine(line, format, layout);
      if (made === undefined) continue;
      if (run === undefined) run = { made, from: input.name };
      else if (made !== run.made) {
        const other = run.from === input.name ? "its earlier rows" : `the rows of ${run.from}`;
        issues.push({
          file: input.name,
          line: firstLine + k,
          col: 1,
          path: "",
          message: `its rows ${made}, but ${other} ${run.made}: merge only shards of one sweep run with the same --trials and --seed`,
        });
        otherRun = true;
        break;
      }
    }
    if (otherRun) continue;
    for (const group of groupByPoint(body, format, input.name, issues, firstLine).values()) {
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
  /** Trials per point and trial seed of this run: every row kept must have been made with them. */
  trials: number;
  seed: number;
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
 * that lack some options, and checks the rest belong to this sweep and were made with this run's
 * trials and seed.
 * @throws {InputError} when the file was written by a different sweep, or with other trials or
 * another seed.
 */
export function examineForResume(text: string, file: string, check: ResumeCheck): ResumeState {
  const { lines, torn } = completeLines(text);
  const dropped: string[] = [];
  if (torn !== "") dropped.push("an incomplete last line");
  const header = csvHeader(check.parameters);
  let body = lines;
  if (check.format === "csv") {
    if (lines.length === 0) return { text: header, complete: new Set(), rows: [], dropped };
    if (lines[0] === olderColumns(check.parameters).map(csvField).join(",")) throw olderFile(file);
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
  } else if (lines.length > 0 && hasKeys(lines[0]!, olderColumns(check.parameters))) {
    throw olderFile(file);
  }
  const issues: InputIssue[] = [];
  const offset = check.format === "csv" ? 2 : 1;
  const rows: SweepRow[] = [];
  const complete = new Set<number>();
  const partial: number[] = [];
  const groups = groupByPoint(body, check.format, file, issues, offset);
  let otherRunFound = false;
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
    const otherRun = good.find((r) => r.trials !== check.trials || r.seed !== check.seed);
    if (otherRun !== undefined) {
      // one sentence for the file, at its first such row: the rest were made the same way
      if (!otherRunFound) {
        otherRunFound = true;
        issues.push({
          file,
          line: lineOf.get(group.lines[good.indexOf(otherRun)]!) ?? 1,
          col: 1,
          path: otherRun.trials !== check.trials ? "trials" : "seed",
          message:
            `cannot resume: the rows in this file were made with ${describeRun(otherRun.trials, otherRun.seed)}, but this command runs ` +
            `${describeRun(check.trials, check.seed)}; their results are not comparable. Resume with --trials ${otherRun.trials} --seed ${otherRun.seed}, ` +
            "or run without --resume to start the file afresh",
        });
      }
      continue;
    }
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

/** The columns an earlier version wrote, before rows recorded trials and seed. */
function olderColumns(parameters: readonly string[]): string[] {
  return ["point", ...parameters, "option", ...SCORE_COLUMNS];
}

/** Whether a JSON Lines row has exactly these keys, in this order. */
function hasKeys(line: string, keys: readonly string[]): boolean {
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
    const own = Object.keys(value);
    return own.length === keys.length && own.every((k, i) => k === keys[i]);
  } catch {
    return false;
  }
}

function olderFile(file: string): InputError {
  return new InputError([
    {
      file,
      line: 1,
      col: 1,
      path: "",
      message:
        "cannot resume: the rows in this file do not record trials and seed (an earlier version of chokepoint wrote it), so they cannot be checked against this run; run without --resume to start the file afresh",
    },
  ]);
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
