// Typed errors with stable codes; the bin maps them to exit codes (0 ok, 1 internal, 2 usage/input).

/** One problem in an input file, located as precisely as the file allows. */
export interface InputIssue {
  /** The file the problem is in; absent for in-memory input. */
  file?: string;
  /** 1-based line and column of the offending value, where known. */
  line?: number;
  col?: number;
  /** Path in the document, e.g. `shocks[0].severity`. */
  path: string;
  /** A plain sentence. */
  message: string;
}

/** The longest message an issue prints: one short sentence, whatever value it quotes. */
export const MAX_MESSAGE = 300;

/**
 * Text made safe for a terminal: control characters (newlines, escape sequences, NUL…) become
 * visible escapes (`\n`, `\x1b`), and text beyond `max` characters is cut with "…".
 */
export function printable(text: string, max = Number.POSITIVE_INFINITY): string {
  const escaped = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    if (c === "\n") return "\\n";
    if (c === "\t") return "\\t";
    if (c === "\r") return "\\r";
    const code = c.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16).padStart(4, "0")}` : `\\x${code.toString(16).padStart(2, "0")}`;
  });
  return escaped.length > max ? `${escaped.slice(0, max - 1)}…` : escaped;
}

/** Renders one issue as `file:line:col  path  sentence`, every part printable and the sentence short. */
export function formatIssue(issue: InputIssue): string {
  const file = issue.file === undefined ? undefined : printable(issue.file, 200);
  const where =
    file === undefined
      ? "<input>"
      : issue.line === undefined
        ? file
        : `${file}:${issue.line}:${issue.col ?? 1}`;
  const path = issue.path === "" ? "(document)" : printable(issue.path, 120);
  return `${where}  ${path}  ${printable(issue.message, MAX_MESSAGE)}`;
}

/** Bad input: every problem found, not just the first. Exit code 2. */
export class InputError extends Error {
  readonly code = "E_INPUT";
  readonly issues: InputIssue[];
  constructor(issues: InputIssue[]) {
    super(issues.map(formatIssue).join("\n"));
    this.name = "InputError";
    this.issues = issues;
  }
}

/** Bad command-line usage. Exit code 2. */
export class UsageError extends Error {
  readonly code = "E_USAGE";
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** The run was interrupted (SIGINT/SIGTERM); nothing half-done was written. Exit code 130. */
export class InterruptedError extends Error {
  readonly code = "E_INTERRUPTED";
  constructor(message = "interrupted") {
    super(message);
    this.name = "InterruptedError";
  }
}

/** Where a trial failed: enough to replay it (`run --seed S`, trial T, option O). */
export interface TrialPlace {
  seed: number;
  trial: number;
  /** The option whose simulation threw, when replaying each option alone found it. */
  option?: string;
}

/**
 * An unexpected exception inside the trial loop, carrying the seed, trial and option it happened
 * on (the fast-check habit: a failure names the case that replays it). Exit code 1.
 */
export class TrialError extends Error {
  readonly code = "E_TRIAL";
  readonly place: TrialPlace;
  /** The message of the exception itself. */
  readonly reason: string;
  constructor(place: TrialPlace, reason: string, stack?: string) {
    const option = place.option === undefined ? "" : `, option '${place.option}'`;
    super(`${reason} (in trial ${place.trial} of seed ${place.seed}${option})`);
    this.name = "TrialError";
    this.place = place;
    this.reason = reason;
    if (stack !== undefined) this.stack = stack;
  }
}

/** Renders a path array (from zod or our own checks) as `shocks[0].severity`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}
