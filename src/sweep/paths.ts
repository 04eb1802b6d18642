// Parameter paths into a scenario and its network (`shocks.cn-ban.severity`,
// `network.flows[3].volume`): parsing, the list of every settable number, and setting values,
// after which the scenario is re-validated with the same checks as a file.
// Reference: docs/sweep.md (path syntax); suggestions by Levenshtein distance (suggest.ts).
import { formatPath } from "../errors.ts";
import { defaultKinds, type Kinds } from "../kinds/index.ts";
import { isRecord } from "../scenario/is-record.ts";
import type { PathIssue } from "../scenario/issues.ts";
import type { Scenario } from "../scenario/schema.ts";
import { editDistance } from "../scenario/suggest.ts";
import { validateScenario } from "../scenario/validate.ts";

/** A step into the plain scenario object: a key, or an array index. */
export type Segment = string | number;

/** One settable number of a scenario. */
export interface ParameterPath {
  /** Canonical text, e.g. `shocks.cn-ban.severity`, `network.flows[3].volume`. */
  text: string;
  /** Where it lives in the scenario object, e.g. `["shocks", 0, "severity"]`. */
  at: Segment[];
  /** The scenario's own value; undefined when absent or a distribution. */
  base: number | undefined;
  /** Counted in whole periods by the schema: generated values (ranges, LHS) are rounded. */
  integer: boolean;
  /** What the scenario holds there now. */
  holds: "number" | "distribution" | "nothing";
}

/** Parts of a scenario that hold sweepable numbers; the rest (trials, seed, …) do not. */
const SWEPT_ROOTS = ["horizon", "shocks", "policies", "network"] as const;
/** Arrays whose entries are addressed by their `id`. */
const ID_COLLECTIONS = new Set(["shocks", "policies", "network.countries", "network.goods", "network.producers", "network.chokepoints"]);
/** Whole-number fields (`periods` in the schema) outside shocks and policies, whose kinds name their own. */
const INTEGER_FIELDS: ReadonlySet<string> = new Set(["horizon", "switchPeriods", "bypassPeriods"]);

/** A path token: a key or id (`.name`, `["a.b"]`) or an index (`[3]`). */
type Token = { key: string } | { index: number };

/** The path as written back: bare keys where safe, quoted otherwise. */
function render(tokens: readonly Token[]): string {
  let out = "";
  for (const t of tokens) {
    if ("index" in t) out += `[${t.index}]`;
    else if (/^[A-Za-z0-9_-]+$/.test(t.key)) out += out === "" ? t.key : `.${t.key}`;
    else out += `[${JSON.stringify(t.key)}]`;
  }
  return out;
}

/** Splits `shocks.cn.severity`, `network.flows[3].volume`, `policies["a.b"].cost` into tokens. */
export function parsePathText(text: string): { tokens: Token[] } | { error: string } {
  const tokens: Token[] = [];
  let i = 0;
  const bare = (): string => {
    const start = i;
    while (i < text.length && text[i] !== "." && text[i] !== "[") i++;
    return text.slice(start, i).trim();
  };
  if (text.trim() === "") return { error: "the path is empty" };
  if (text[0] !== "[") {
    const key = bare();
    if (key === "") return { error: "the path starts with a dot" };
    tokens.push({ key });
  }
  while (i < text.length) {
    const c = text[i];
    if (c === ".") {
      i++;
      const key = bare();
      if (key === "") return { error: `an empty name after the dot at character ${i}` };
      tokens.push({ key });
    } else if (c === "[") {
      const close = findClose(text, i);
      if (close < 0) return { error: `'[' at character ${i + 1} is never closed` };
      const inner = text.slice(i + 1, close).trim();
      if (/^\d+$/.test(inner)) tokens.push({ index: Number(inner) });
      else if (/^(".*"|'.*')$/.test(inner)) tokens.push({ key: unquote(inner) });
      else return { error: `[${inner}] is neither an index ([3]) nor a quoted id (["a.b"])` };
      i = close + 1;
    } else {
      return { error: `unexpected '${c ?? ""}' at character ${i + 1}` };
    }
  }
  return { tokens };
}

function findClose(text: string, open: number): number {
  let quote: string | undefined;
  for (let j = open + 1; j < text.length; j++) {
    const c = text[j];
    if (quote !== undefined) {
      if (c === "\\") j++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "]") return j;
  }
  return -1;
}

function unquote(inner: string): string {
  if (inner.startsWith('"')) {
    try {
      return String(JSON.parse(inner));
    } catch {
      return inner.slice(1, -1);
    }
  }
  return inner.slice(1, -1).replaceAll("\\'", "'");
}

/** Every settable number of a scenario, by canonical text and by its index-based alias. */
export interface PathIndex {
  /** In scenario order; canonical texts. */
  paths: ParameterPath[];
  /** Canonical texts and aliases (`shocks[0].severity`) to the path. */
  lookup: Map<string, ParameterPath>;
}

/**
 * Lists every number of the scenario that a sweep may set (docs/sweep.md, "Paths"): every number
 * it holds, plus the fields each shock's or policy's kind declares sweepable (`kinds`).
 */
export function indexPaths(scenario: Scenario, kinds: Kinds = defaultKinds): PathIndex {
  const paths: ParameterPath[] = [];
  const lookup = new Map<string, ParameterPath>();
  const add = (tokens: Token[], alias: Token[], at: Segment[], value: unknown, integer: boolean): void => {
    const text = render(tokens);
    if (lookup.has(text)) return;
    const path: ParameterPath = {
      text,
      at,
      base: typeof value === "number" ? value : undefined,
      integer,
      holds: typeof value === "number" ? "number" : value === undefined ? "nothing" : "distribution",
    };
    paths.push(path);
    lookup.set(text, path);
    lookup.set(render(alias), path);
  };
  const registries: Readonly<Record<string, Kinds[keyof Kinds]>> = { shocks: kinds.shocks, policies: kinds.policies };
  // tokens: canonical (ids); alias: the same with indices for id collections
  const walk = (value: unknown, tokens: Token[], alias: Token[], at: Segment[], collection: string, integers: ReadonlySet<string>): void => {
    const leaf = tokens.at(-1);
    const leafName = leaf !== undefined && "key" in leaf ? leaf.key : "";
    if (typeof value === "number") {
      add(tokens, alias, at, value, integers.has(leafName));
    } else if (Array.isArray(value)) {
      const registry = Object.hasOwn(registries, collection) ? registries[collection] : undefined;
      value.forEach((item, i) => {
        const id = ID_COLLECTIONS.has(collection) && isRecord(item) && typeof item.id === "string" ? item.id : undefined;
        const next = [...tokens, id === undefined ? { index: i } : { key: id }];
        const nextAlias = [...alias, { index: i }];
        if (registry !== undefined && isRecord(item) && typeof item.type === "string") {
          // a shock's or policy's kind names fields settable even when absent or a distribution
          const sweepable = registry.sweepable({ type: item.type });
          for (const field of sweepable.distributions) {
            const parts = field.split(".");
            const parent = walkRecord(item, parts.slice(0, -1));
            if (parent === undefined) continue;
            const keys = parts.map((key) => ({ key }));
            add([...next, ...keys], [...nextAlias, ...keys], [...at, i, ...parts], parent[parts.at(-1)!], false);
          }
          walk(item, next, nextAlias, [...at, i], "", new Set(sweepable.integers));
        } else {
          walk(item, next, nextAlias, [...at, i], "", integers);
        }
      });
    } else if (isRecord(value)) {
      if (collection === "" && tokens.length === 3 && render(tokens.slice(0, 2)) === "network.chokepoints") {
        add([...tokens, { key: "bypassPeriods" }], [...alias, { key: "bypassPeriods" }], [...at, "bypassPeriods"], value.bypassPeriods, true);
      }
      for (const [key, child] of Object.entries(value)) {
        const next = [...tokens, { key }];
        walk(child, next, [...alias, { key }], [...at, key], render(next), integers);
      }
    }
  };
  for (const root of SWEPT_ROOTS) {
    walk(scenario[root], [{ key: root }], [{ key: root }], [root], root, INTEGER_FIELDS);
  }
  return { paths, lookup };
}

/** The record at `keys` under `value` (itself for no keys), or undefined where one is missing. */
function walkRecord(value: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> | undefined {
  let node: unknown = value;
  for (const key of keys) node = isRecord(node) ? node[key] : undefined;
  return isRecord(node) ? node : undefined;
}

/** Paths that are sweep-level settings, not scenario parameters. */
const SWEEP_LEVEL: Record<string, string> = {
  trials: "trials is a sweep-level setting, the same at every point: use --trials or the sweep file's trials",
  seed: "seed is a sweep-level setting, the same at every point (common random numbers): use --seed or the sweep file's seed",
};

/** The path named by `text`, or a plain sentence listing the nearest valid paths. */
export function findPath(index: PathIndex, text: string): { path: ParameterPath } | { error: string } {
  const parsed = parsePathText(text);
  if ("error" in parsed) return { error: `cannot read the path '${text}': ${parsed.error}` };
  const canonical = render(parsed.tokens);
  const found = index.lookup.get(canonical);
  if (found !== undefined) return { path: found };
  const special = SWEEP_LEVEL[canonical];
  if (special !== undefined) return { error: special };
  const near = nearestPaths(index, canonical, 5);
  const hint = near.length === 0 ? "" : `; nearest valid paths: ${near.join(", ")}`;
  return { error: `unknown parameter path '${text}'${hint} (chokepoint sweep SCENARIO --list-paths lists them all)` };
}

/** The `count` valid paths nearest to `text` by edit distance (ties in scenario order). */
export function nearestPaths(index: PathIndex, text: string, count: number): string[] {
  return index.paths
    .map((p, order) => ({ text: p.text, order, distance: editDistance(text.toLowerCase(), p.text.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance || a.order - b.order)
    .slice(0, count)
    .map((p) => p.text);
}

/** One parameter set to one value. */
export interface Assignment {
  path: ParameterPath;
  value: number;
}

/**
 * The scenario with the values set, re-validated with every check a file gets. Issues carry
 * scenario paths (`shocks[0].severity`); the caller places them at the sweep value's origin.
 */
export function withValues(
  scenario: Scenario,
  assignments: readonly Assignment[],
  kinds: Kinds = defaultKinds,
): { scenario: Scenario } | { issues: PathIssue[] } {
  if (assignments.length === 0) return { scenario };
  const { file, networkFile, ...plain } = scenario;
  const copy = structuredClone(plain) as Record<string, unknown>;
  for (const { path, value } of assignments) setAt(copy, path.at, value);
  const { value, issues } = validateScenario(copy, undefined, kinds);
  if (value === undefined || issues.length > 0) return { issues };
  return {
    scenario: {
      ...value,
      ...(file === undefined ? {} : { file }),
      ...(networkFile === undefined ? {} : { networkFile }),
    },
  };
}

function setAt(root: Record<string, unknown>, at: readonly Segment[], value: number): void {
  let node: unknown = root;
  for (const segment of at.slice(0, -1)) {
    node = Array.isArray(node) && typeof segment === "number" ? node[segment] : isRecord(node) ? node[String(segment)] : undefined;
  }
  const last = at.at(-1);
  if (Array.isArray(node) && typeof last === "number") node[last] = value;
  else if (isRecord(node) && last !== undefined) node[String(last)] = value;
  else throw new Error(`internal: cannot set ${formatPath(at)}`);
}
