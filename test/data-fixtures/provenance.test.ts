// Every number of every bundled fixture names its figures in the provenance table
// (fixtures/sources.yaml), and every producer share of every good, recomputed from the table
// alone, matches the share the fixture's flows give. Reference: docs/data.md ("Provenance").
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import {
  auditProvenance,
  indexTable,
  numberSources,
  type ProvenanceTable,
  provenanceTableSchema,
  resolveRef,
} from "../../src/model/sources.ts";
import { type Network, networkSchema } from "../../src/scenario/schema.ts";

const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "fixtures");
const FIXTURES = ["critical-minerals", "gallium-germanium", "rare-earths", "batteries", "semiconductors", "energy-japan", "east-asia-chips-energy", "taiwan"];

const load = (name: string): Network => networkSchema.parse(parse(readFileSync(join(fixturesDir, `${name}.yaml`), "utf8")));
const table: ProvenanceTable = provenanceTableSchema.parse(parse(readFileSync(join(fixturesDir, "sources.yaml"), "utf8")));
const index = indexTable(table);

describe("the provenance table", () => {
  it("has unique ids", () => {
    const ids = table.sources.map((e) => e.id);
    expect(ids.length - new Set(ids).size).toBe(0);
  });
  it("names only existing entries in every basis", () => {
    const broken = table.sources.flatMap((e) => (e.basis ?? []).filter((b) => resolveRef(index, b).problem !== undefined).map((b) => `${e.id} → ${b}`));
    expect(broken).toEqual([]);
  });
});

describe.each(FIXTURES)("%s.yaml: every number has a source id or an estimate mark", (name) => {
  const network = load(name);
  const rows = numberSources(network, table);
  const audit = auditProvenance(rows);

  it("counts its numbers: 0 without a source", () => {
    // Numbers = governance, bypassPeriods, price, inputs, inventoryPeriods, switchPeriods,
    // capacity, flow volume and demand volume; a fixture has more than a hundred of them.
    expect(audit.numbers).toBeGreaterThan(50);
    expect(rows.filter((r) => r.field !== "output" && r.missing).map((r) => `${r.label} ${r.field}`)).toEqual([]);
    expect(audit.missing).toBe(0);
  });
  it("names only entries and values that exist in the table", () => {
    expect(audit.broken).toEqual([]);
  });
  it("gives every producer the figure of its output", () => {
    expect(network.producers.filter((p) => p.source?.output === undefined).map((p) => p.id)).toEqual([]);
  });
  it("gives every good the basis of its flows", () => {
    for (const g of network.goods) {
      const basis = g.source?.basis ?? [];
      expect(basis.length, g.id).toBeGreaterThan(0);
      for (const b of basis) expect(index.get(b)?.kind, `${g.id} ${b}`).toBe("method");
    }
  });
});

/** Mass scale of a unit and what follows it ("kg" → 0.001 t, "t REO" → 1 and "REO"); "%" is a share. */
function scaleOf(unit: string): { factor: number; rest: string } {
  const u = unit.replace(/\/(yr|month)$/, "").trim();
  if (u.startsWith("%")) return { factor: 1, rest: "%" };
  const m = /^(kg|t|kt|Mt)\b\s*(.*)$/.exec(u);
  if (m === null) return { factor: 1, rest: u };
  return { factor: { kg: 0.001, t: 1, kt: 1000, Mt: 1e6 }[m[1] as "kg"] ?? 1, rest: m[2] ?? "" };
}

/** Each producer country's share (%) of a good's supply, from the first figure its output names. */
function sharesFromTable(network: Network, good: string): Map<string, number> {
  const producers = network.producers.filter((p) => p.good === good);
  const values = producers.map((p) => {
    const ref = p.source?.output?.[0] ?? "";
    const r = resolveRef(index, ref);
    if (typeof r.value !== "number" || r.entry?.unit === undefined) throw new Error(`${p.id}: ${ref} is not a number (${r.problem ?? ""})`);
    return { country: p.country, ref, value: r.value, ...scaleOf(r.entry.unit) };
  });
  const rests = new Set(values.map((v) => v.rest));
  if (rests.size > 1) throw new Error(`${good}: output figures in different units (${[...rests].join(" / ")})`);
  const total = values.reduce((s, v) => s + v.value * v.factor, 0);
  const out = new Map<string, number>();
  for (const v of values) out.set(v.country, (out.get(v.country) ?? 0) + (100 * v.value * v.factor) / total);
  return out;
}

/** Each producer country's share (%) of the good's baseline flows in the fixture. */
function sharesFromFlows(network: Network, good: string): Map<string, number> {
  const countryOf = new Map(network.producers.filter((p) => p.good === good).map((p) => [p.id, p.country]));
  const by = new Map<string, number>();
  let total = 0;
  for (const f of network.flows) {
    const c = countryOf.get(f.from);
    if (c === undefined) continue;
    by.set(c, (by.get(c) ?? 0) + f.volume);
    total += f.volume;
  }
  return new Map([...by].map(([c, v]) => [c, (100 * v) / total]));
}

describe.each(FIXTURES)("%s.yaml: producer shares recomputed from the provenance table", (name) => {
  const network = load(name);
  it.each(network.goods.map((g) => g.id))("%s: every producer country's share within 1 point of the table's", (good) => {
    const expected = sharesFromTable(network, good);
    const actual = sharesFromFlows(network, good);
    expect(expected.size).toBeGreaterThan(0);
    for (const c of new Set([...expected.keys(), ...actual.keys()])) {
      const e = expected.get(c) ?? 0;
      const a = actual.get(c) ?? 0;
      expect(Math.abs(a - e), `${good} ${c}: fixture ${a.toFixed(2)}% vs table ${e.toFixed(2)}%`).toBeLessThanOrEqual(1);
    }
  });
});

describe("the three sourcing choices of issue 16, from the table", () => {
  const network = load("critical-minerals");
  const inflowShare = (good: string, to: string, from: string): number => {
    const countryOf = new Map(network.producers.filter((p) => p.good === good).map((p) => [p.id, p.country]));
    const flows = network.flows.filter((f) => f.to === to && countryOf.has(f.from));
    const total = flows.reduce((s, f) => s + f.volume, 0);
    return flows.filter((f) => countryOf.get(f.from) === from).reduce((s, f) => s + f.volume, 0) / total;
  };
  it("US germanium: China's share of US imports is at least its 41% of US metal imports", () => {
    const r = resolveRef(index, "usgs-mcs2026-germanium-us-imports#CN");
    expect(r.value).toBe(41);
    // US imports = US use − its own refiners' 4.2 t/yr; China's share of imports ≥ 41% (the pool adds a little).
    const use = 30;
    const imports = use - 4.2;
    const cnShareOfUse = inflowShare("germanium", "US", "CN");
    expect((cnShareOfUse * use) / imports).toBeGreaterThanOrEqual(0.41 - 0.01);
    expect((cnShareOfUse * use) / imports).toBeLessThan(0.5);
  });
  it("US gallium: traced to primary origin (China), as basis-gallium states", () => {
    expect(index.get("basis-gallium")?.reasoning).toContain("PRIMARY PRODUCTION");
    expect(inflowShare("gallium", "US", "CN")).toBeCloseTo(1, 6);
  });
  it("refined cobalt, Canada: 5,500 t = 3,500 + 2,000 t (USGS mine output of Canada and Cuba), 1.7% of refined supply", () => {
    const ca = resolveRef(index, "usgs-mcs2026-cobalt-production#CA").value as number;
    const cu = resolveRef(index, "usgs-mcs2026-cobalt-production#CU").value as number;
    expect(ca + cu).toBe(resolveRef(index, "calc-cobalt-refined-ca").value);
    // 5,500 ÷ 314,600 (the refined total = the mine rows) = 1.75%
    expect(sharesFromFlows(network, "cobalt-refined").get("CA") ?? 0).toBeCloseTo(1.75, 0);
  });
});

describe("docs/data.md: each data card quotes its fixture's counts", () => {
  const doc = readFileSync(join(fixturesDir, "..", "docs", "data.md"), "utf8").replace(/\s+/g, " ");
  it.each(FIXTURES)("%s.yaml", (name) => {
    const a = auditProvenance(numberSources(load(name), table));
    const pct = Math.round((100 * a.estimates) / a.numbers);
    // e.g. "752, 0 without a source; 704 (94%) built on an estimate" or "70 numbers, 0 without a source, 60 (86%)"
    const pattern = new RegExp(`${a.numbers}( numbers)?, ${a.missing} without a source[,;] ${a.estimates} \\(${pct}%\\)`);
    expect(doc).toMatch(pattern);
  });
});
