// The explorer's controls, generated from the scenario: every number of every shock (probability,
// start, duration, severity, a trigger's lag, or the parameters of their distributions) and of
// every policy (its size fields and cost), found by the sweep's parameter paths; and setting one
// in the scenario's text, leaving every other byte (comments, layout) as it was.
import { type Document, isMap, isScalar, isSeq, parseDocument, type Scalar } from "yaml";
import type { Scenario } from "../scenario/schema.ts";
import { indexPaths, type Segment } from "../sweep/paths.ts";

/** One slider. */
export interface Control {
  /** The sweep path, e.g. `shocks.cn-ga-licensing.severity.max`. */
  path: string;
  at: Segment[];
  /** The shock's or policy's id. */
  group: string;
  /** `shocks` or `policies`. */
  family: "shocks" | "policies";
  /** The field within it, e.g. `severity max`. */
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
}

/** Fields that are shares or probabilities, whose values (and distribution parameters) lie in [0, 1]. */
const UNIT_FIELDS = new Set(["probability", "severity", "share", "successProbability"]);

/**
 * The controls of a scenario, in file order: the numbers its text writes (`text`, the scenario's
 * file), not the defaults the schema fills in.
 */
export function controlsOf(scenario: Scenario, text: string): Control[] {
  const doc = parseDocument(text);
  const out: Control[] = [];
  for (const p of indexPaths(scenario).paths) {
    const family = p.at[0];
    if ((family !== "shocks" && family !== "policies") || p.holds !== "number" || p.base === undefined) continue;
    const written = numberAt(doc, p.at);
    if (written === undefined) continue;
    const element = scenario[family][p.at[1] as number];
    if (element === undefined) continue;
    const fields = p.at.slice(2).map(String);
    const value = written.value as number;
    let min = 0;
    let max: number;
    let step: number;
    if (p.integer || fields.includes("start") || fields.includes("duration") || fields.includes("lag")) {
      max = Math.max(scenario.horizon, Math.ceil(value * 2), 1);
      step = 1;
    } else if (fields.some((f) => UNIT_FIELDS.has(f))) {
      max = 1;
      step = 0.01;
    } else {
      max = value > 0 ? niceCeil(value * 3) : 10;
      step = niceStep(max / 200);
      min = Math.min(0, value);
    }
    out.push({ path: p.text, at: p.at, group: element.id, family, label: fields.join(" "), value, min, max: Math.max(max, value), step });
  }
  return out;
}

/** 1, 2 or 5 × 10^k at or above x. */
function niceCeil(x: number): number {
  const power = 10 ** Math.floor(Math.log10(x));
  const m = x / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

function niceStep(x: number): number {
  return x >= 1 ? Math.round(x) : 10 ** Math.floor(Math.log10(x));
}

/**
 * The text with the number at `at` replaced by `value`, every other character kept; undefined
 * when the text holds no number there (the caller re-validates the result like any file).
 */
export function setNumberInText(text: string, at: readonly Segment[], value: number): string | undefined {
  const range = numberAt(parseDocument(text), at)?.range;
  if (range === undefined || range === null) return undefined;
  return `${text.slice(0, range[0])}${String(value)}${text.slice(range[1])}`;
}

/** The number written at `at` in the document, if one is. */
function numberAt(doc: Document, at: readonly Segment[]): Scalar | undefined {
  let node: unknown = doc.contents;
  for (const part of at) {
    if (isMap(node)) node = node.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(part))?.value;
    else if (isSeq(node) && typeof part === "number") node = node.items[part];
    else return undefined;
  }
  return isScalar(node) && typeof node.value === "number" ? node : undefined;
}
