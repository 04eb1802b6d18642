// Parses YAML or JSON text (JSON is YAML) keeping the document, so every path can be located.
// Reference: yaml 2 `parseDocument` with a `LineCounter` and node `range`s. A `.json` file is read
// with `JSON.parse`, many times faster on a large network; its YAML document, which only positions
// need, is parsed the first time a problem is located. JSON that `JSON.parse` refuses, or that
// repeats a key, goes through the YAML parser as before, for its located message.
import {
  type Document,
  LineCounter,
  type Node,
  type YAMLError,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  visit,
} from "yaml";
import type { InputIssue } from "../errors.ts";

/** Parsed text: the plain value, the document and its line index for positions. */
export interface SourceDocument {
  /** The file name for messages, as the user gave it; absent for in-memory text. */
  file?: string;
  /** The YAML document (for a `.json` file read by `JSON.parse`, parsed on first use). */
  readonly document: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** The plain value; `undefined` when there are syntax errors. */
  value: unknown;
  /** Syntax errors (and an empty document), positioned. */
  issues: InputIssue[];
}

/** 1-based line and column. */
export interface Position {
  line: number;
  col: number;
}

const syntaxMessages: Partial<Record<YAMLError["code"], string>> = {
  DUPLICATE_KEY: "duplicate key: each key may appear only once in a map",
  MULTIPLE_DOCS: "a file holds one document, but a second one starts here (---)",
};

/**
 * Alias uses the parser allows (its own count: uses × nesting of aliases), far above ordinary
 * use of anchors (a file that repeats one anchor 150 times counts 150).
 */
export const MAX_ALIAS_COUNT = 10_000;

/**
 * Values a document may hold once its aliases are expanded (every map, list and scalar counted
 * at each place it appears). The largest bundled file holds a few thousand; an alias bomb that
 * would expand to a gigabyte holds billions and is refused without expanding it.
 */
export const MAX_VALUES = 1_000_000;

/** Parses YAML or JSON text. Syntax errors become issues; the value is then `undefined`. */
export function parseSource(text: string, file?: string): SourceDocument {
  return (file !== undefined && /\.json$/i.test(file) ? jsonSource(text, file) : undefined) ?? yamlSource(text, file);
}

function yamlDocument(text: string): { document: Document.Parsed; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  return { document: parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false }), lineCounter };
}

/** A `.json` file that `JSON.parse` reads as a map or list with no repeated key; otherwise undefined (the YAML parser says what is wrong). */
function jsonSource(text: string, file: string): SourceDocument | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null || repeatsKey(text)) return undefined;
  let yaml: ReturnType<typeof yamlDocument> | undefined;
  return {
    file,
    value,
    issues: [],
    get document() {
      yaml ??= yamlDocument(text);
      return yaml.document;
    },
    get lineCounter() {
      yaml ??= yamlDocument(text);
      return yaml.lineCounter;
    },
  };
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;

/**
 * Whether valid JSON text writes a key twice in one object, which `JSON.parse` lets pass (the last
 * wins) and the YAML parser reports. One pass: a key is a string followed by a colon.
 */
function repeatsKey(text: string): boolean {
  const open: (Set<string> | undefined)[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b /* { */) open.push(new Set());
    else if (c === 0x5b /* [ */) open.push(undefined);
    else if (c === 0x7d /* } */ || c === 0x5d /* ] */) open.pop();
    else if (c === QUOTE) {
      const start = i + 1;
      i = text.indexOf('"', start);
      while (escapedAt(text, i)) i = text.indexOf('"', i + 1);
      const keys = open.at(-1);
      if (keys === undefined) continue;
      let next = i + 1;
      while (text.charCodeAt(next) <= 0x20) next++;
      if (text.charCodeAt(next) !== COLON) continue;
      const raw = text.slice(start, i);
      const key = raw.includes("\\") ? (JSON.parse(`"${raw}"`) as string) : raw;
      if (keys.has(key)) return true;
      keys.add(key);
    }
  }
  return false;
}

/** Whether the character at `i` is escaped: an odd number of backslashes before it. */
function escapedAt(text: string, i: number): boolean {
  let n = 0;
  while (text.charCodeAt(i - 1 - n) === BACKSLASH) n++;
  return n % 2 === 1;
}

function yamlSource(text: string, file?: string): SourceDocument {
  const { document, lineCounter } = yamlDocument(text);
  const where = file === undefined ? {} : { file };
  const syntax = file !== undefined && /\.json$/i.test(file) ? "JSON" : "YAML";
  const issues: InputIssue[] = document.errors.map((error) => ({
    ...where,
    ...lineCounter.linePos(error.pos[0]),
    path: "",
    message: syntaxMessages[error.code] ?? `invalid ${syntax}: ${lowerFirst(error.message)}`,
  }));
  let value: unknown;
  if (issues.length === 0) {
    const expanded = expandedSize(document);
    const alias = () => ({ ...where, ...(firstAlias(document, lineCounter) ?? { line: 1, col: 1 }), path: "" });
    if (expanded > MAX_VALUES) {
      issues.push({ ...alias(), message: `through its aliases the document expands to more than ${MAX_VALUES} values, the limit (an alias bomb?)` });
    } else {
      try {
        value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      } catch (err) {
        // the parser's own limit on aliases (ReferenceError), or a merge it cannot resolve
        const why = err instanceof ReferenceError ? `more than ${MAX_ALIAS_COUNT} alias uses, the limit` : lowerFirst(String((err as Error).message));
        issues.push({ ...alias(), message: `cannot expand the document's aliases: ${why}` });
      }
    }
  }
  if (issues.length === 0 && (value === null || value === undefined)) {
    issues.push({ ...where, line: 1, col: 1, path: "", message: "the document is empty" });
  }
  return { ...where, document, lineCounter, value, issues };
}

/**
 * Where a path points in the text: the deepest node on the path that exists (for a missing key,
 * the map that should hold it). `at: "key"` points at the last segment's key instead of its value.
 */
export function locate(
  source: SourceDocument,
  path: readonly PropertyKey[],
  at?: "key",
): Position | undefined {
  const { document } = source;
  let node: unknown = document.contents;
  let found: Node | undefined = isNode(node) ? node : undefined;
  for (const [i, part] of path.entries()) {
    if (isAlias(node)) node = node.resolve(document);
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(part));
      if (pair === undefined) break;
      if (at === "key" && i === path.length - 1) next = pair.key;
      else next = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof part === "number") {
      next = node.items[part];
    }
    if (!isNode(next)) break;
    node = next;
    found = next;
  }
  const offset = found?.range?.[0];
  return offset === undefined ? undefined : source.lineCounter.linePos(offset);
}

/** Values of the document with every alias expanded, counted without expanding (shared nodes memoised); stops counting past the limit. */
function expandedSize(document: Document.Parsed): number {
  const sizes = new Map<unknown, number>();
  const size = (node: unknown, depth: number): number => {
    if (depth > 1000) return Number.POSITIVE_INFINITY;
    if (isAlias(node)) return size(node.resolve(document), depth + 1);
    const known = sizes.get(node);
    if (known !== undefined) return known;
    let n = 1;
    if (isMap(node)) for (const pair of node.items) n += size(pair.key, depth + 1) + size(pair.value, depth + 1);
    else if (isSeq(node)) for (const item of node.items) n += size(item, depth + 1);
    n = Math.min(n, MAX_VALUES + 1);
    if (isNode(node)) sizes.set(node, n);
    return n;
  };
  return size(document.contents, 0);
}

/** Where the first alias (`*name`) is, for a message about aliases. */
function firstAlias(document: Document.Parsed, lineCounter: LineCounter): Position | undefined {
  let offset: number | undefined;
  visit(document, {
    Alias(_, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset === undefined ? undefined : lineCounter.linePos(offset);
}

function isNode(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value) || isAlias(value);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
