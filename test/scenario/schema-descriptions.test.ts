// Editor help: every field of every published JSON Schema carries a description (shown on hover
// by editors), and the schemas write a repeated block once (under $defs), not over and over.
// The schemas are those the code generates (what `npm run schema:write` commits).
import { describe, expect, it } from "vitest";
import { isWholeNumber, periods, wholeNumber } from "../../src/kinds/fields.ts";
import { capacity } from "../../src/kinds/policies/capacity.ts";
import { jsonSchemaOf } from "../../src/scenario/json-schema.ts";
import { renderPortfolioJsonSchema } from "../../src/scenario/portfolio.ts";
import { sweepJsonSchema } from "../../src/sweep/json-schema.ts";

type Json = Record<string, unknown>;

const published: Record<string, Json> = {
  scenario: jsonSchemaOf("scenario"),
  network: jsonSchemaOf("network"),
  episode: jsonSchemaOf("episode"),
  portfolio: JSON.parse(renderPortfolioJsonSchema()) as Json,
  sweep: sweepJsonSchema(),
};

const isObject = (x: unknown): x is Json => typeof x === "object" && x !== null && !Array.isArray(x);

/** The target of a local `#/$defs/name` reference. */
function resolve(root: Json, ref: unknown): Json | undefined {
  if (typeof ref !== "string" || !ref.startsWith("#/$defs/")) return undefined;
  const target = (root.$defs as Json | undefined)?.[ref.slice("#/$defs/".length)];
  return isObject(target) ? target : undefined;
}

/** Whether a property's schema describes itself, or is a reference to a schema that does. */
function described(root: Json, prop: Json): boolean {
  if (typeof prop.description === "string" && prop.description.trim() !== "") return true;
  const target = resolve(root, prop.$ref);
  return target !== undefined && described(root, target);
}

/** Every property under a `properties` anywhere in the schema (including $defs), by its JSON path. */
function propertiesOf(root: Json): [string, Json][] {
  const found: [string, Json][] = [];
  const walk = (node: unknown, at: string) => {
    if (Array.isArray(node)) node.forEach((x, i) => walk(x, `${at}/${i}`));
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "properties" && isObject(value)) {
        for (const [name, prop] of Object.entries(value)) if (isObject(prop)) found.push([`${at}/properties/${name}`, prop]);
      }
      walk(value, `${at}/${key}`);
    }
  };
  walk(root, "#");
  return found;
}

/** Subtrees whose JSON text is over `bytes` long and occurs more than once, with their counts. */
function repeatedBlocks(root: unknown, bytes: number): Map<string, number> {
  const seen = new Map<string, number>();
  const walk = (node: unknown) => {
    if (typeof node !== "object" || node === null) return;
    const text = JSON.stringify(node);
    if (text.length > bytes) seen.set(text, (seen.get(text) ?? 0) + 1);
    for (const value of Object.values(node)) walk(value);
  };
  walk(root);
  return new Map([...seen].filter(([, n]) => n > 1));
}

describe("published JSON Schemas", () => {
  it.each(Object.keys(published))("every field of the %s schema has a description", (name) => {
    const schema = published[name]!;
    const props = propertiesOf(schema);
    const missing = props.filter(([, prop]) => !described(schema, prop)).map(([at]) => at);
    expect(missing, `${missing.length} of ${props.length} fields have no description`).toEqual([]);
    // A schema with no fields would pass vacuously: each format has several.
    expect(props.length).toBeGreaterThan(5);
  });

  it("counts the described fields (scenario: dozens, across the kinds)", () => {
    const counts = Object.fromEntries(Object.entries(published).map(([name, s]) => [name, propertiesOf(s).length]));
    // The scenario holds every shock and policy kind: 6 shocks × (8 shared fields + type + own)
    // alone are over 60 fields.
    expect(counts.scenario).toBeGreaterThan(60);
  });

  it.each(Object.keys(published))("the %s schema repeats no block over 1 KB", (name) => {
    const repeated = [...repeatedBlocks(published[name], 1024)].map(([text, n]) => `${n}× ${text.slice(0, 120)}…`);
    expect(repeated).toEqual([]);
  });

  it("finds a repeated block when there is one (the check can fail)", () => {
    const block = { properties: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`field${i}`, { type: "number" }])) };
    const text = JSON.stringify(block);
    expect(text.length).toBeGreaterThan(1024);
    expect(repeatedBlocks({ a: block, b: { c: structuredClone(block) } }, 1024).get(text)).toBe(2);
    expect(propertiesOf({ properties: { x: { type: "number" } } }).map(([at]) => at)).toEqual(["#/properties/x"]);
  });
});

describe("descriptions change no behaviour", () => {
  it("a described whole-number field is still one (sweeps round generated values for it)", () => {
    expect(isWholeNumber(periods.describe("periods of something").default(0))).toBe(true);
    expect(isWholeNumber(wholeNumber(0, 10).default(1).describe("a count"))).toBe(true);
    // capacity's buildPeriods is `periods.default(0).describe(...)`.
    expect(capacity.sweepable.integers).toContain("buildPeriods");
    expect(isWholeNumber(capacity.schema.shape.units)).toBe(false);
  });
});
