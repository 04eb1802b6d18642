// Taiwan's LNG import shares in fixtures/taiwan.yaml, recomputed from the customs tables of the
// provenance table (July and September 2025 by origin) independently of the fixture build.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { indexTable, provenanceTableSchema } from "../../src/model/sources.ts";
import { networkSchema } from "../../src/scenario/schema.ts";

const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "fixtures");
const network = networkSchema.parse(parse(readFileSync(join(fixturesDir, "taiwan.yaml"), "utf8")));
const index = indexTable(provenanceTableSchema.parse(parse(readFileSync(join(fixturesDir, "sources.yaml"), "utf8"))));
const table = (id: string): Record<string, number> => index.get(id)?.value as Record<string, number>;

/** Each origin country's share (%) of Taiwan's LNG inflow in the fixture. */
function fixtureShares(good: string): Map<string, number> {
  const countryOf = new Map(network.producers.filter((p) => p.good === good).map((p) => [p.id, p.country]));
  const flows = network.flows.filter((f) => f.to === "TW" && countryOf.has(f.from));
  const total = flows.reduce((s, f) => s + f.volume, 0);
  const out = new Map<string, number>();
  for (const f of flows) out.set(countryOf.get(f.from)!, (out.get(countryOf.get(f.from)!) ?? 0) + (100 * f.volume) / total);
  return out;
}

describe("Taiwan's LNG imports (fixtures/taiwan.yaml)", () => {
  const jul = table("customs-tw-2025-07-lng");
  const sep = table("customs-tw-2025-09-lng");
  const both = new Map<string, number>();
  for (const month of [jul, sep]) for (const [c, t] of Object.entries(month)) both.set(c, (both.get(c) ?? 0) + t);
  const total = [...both.values()].reduce((s, t) => s + t, 0);
  const shares = fixtureShares("lng");

  it("the two months' named origins sum to their published totals (2.07 + 2.22 Mt)", () => {
    // 2,067,287 t in July and 2,220,419 t in September: within 0.01 Mt of the totals the customs gave
    expect(Object.values(jul).reduce((s, t) => s + t, 0) / 1e6).toBeCloseTo(2.07, 2);
    expect(Object.values(sep).reduce((s, t) => s + t, 0) / 1e6).toBeCloseTo(2.22, 2);
  });
  it.each(["QA", "AU", "US", "PG", "OM", "BN"])("%s: the fixture's share equals the customs share within 0.1 point", (c) => {
    const expected = (100 * both.get(c)!) / total;
    expect(Math.abs(shares.get(c)! - expected)).toBeLessThan(0.1);
  });
  it("Qatar is the largest origin (35.2% = 1,507,791 of 4,287,706 t) and others (Nigeria, UAE, Canada) are ROW", () => {
    expect(shares.get("QA")!).toBeCloseTo(35.17, 1);
    // 65,600 + 60,409 + 70,083 = 196,092 t = 4.57%
    expect(shares.get("ROW")!).toBeCloseTo(4.57, 1);
  });
  it("the monthly total is the 2025 annual import ÷ 12 (23.75 Mt → 1,979 kt)", () => {
    const lng = network.flows.filter((f) => network.producers.find((p) => p.id === f.from)?.good === "lng");
    expect(lng.reduce((s, f) => s + f.volume, 0)).toBeCloseTo(23750 / 12, -1);
  });
  it("April 2026 had no Qatari cargo and US cargoes rose fivefold over July 2025 (as the loss-of-Qatar scenario assumes)", () => {
    const apr = table("customs-tw-2026-04-lng");
    expect(apr.QA).toBe(0);
    expect(apr.US! / jul.US!).toBeGreaterThan(5); // 933,388 ÷ 186,633 = 5.0
  });
});
