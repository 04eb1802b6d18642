import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.ts";
import { bomDepths, governanceConcentration, hhi, hhiBand, inspect } from "../../src/analysis/inspect.ts";
import { type NetworkInput, networkSchema } from "../../src/scenario/schema.ts";

/**
 * Japan buys gallium from CN 70, AU 20, US 10 (shares 0.7/0.2/0.1), wafers from KR (which buys
 * its gallium from CN) and makes its own chips from wafers: a two-tier BOM chip ← wafer ← gallium.
 * Every international flow passes Malacca; CN → US gallium is the one flow Japan does not need.
 */
function japanNetwork(overrides: Partial<NetworkInput> = {}) {
  return networkSchema.parse({
    name: "test",
    countries: [
      { id: "JP", name: "Japan", groups: ["G7", "likeminded"], governance: 8 },
      { id: "CN", name: "China", groups: ["BRICS"], governance: 2 },
      { id: "AU", name: "Australia", groups: ["likeminded"], governance: 8 },
      { id: "US", name: "United States", groups: ["G7", "likeminded"], governance: 6 },
      { id: "KR", name: "Korea", groups: ["likeminded"] },
    ],
    goods: [
      { id: "gallium", name: "Gallium", unit: "t", price: 2 },
      { id: "wafer", name: "GaAs wafer", unit: "kpcs", price: 10, inputs: { gallium: 0.5 } },
      { id: "chip", name: "Chip", unit: "kpcs", price: 100, inputs: { wafer: 1 } },
    ],
    producers: [
      { id: "cn-ga", country: "CN", good: "gallium", capacity: 200 },
      { id: "au-ga", country: "AU", good: "gallium", capacity: 20 },
      { id: "us-ga", country: "US", good: "gallium", capacity: 10 },
      { id: "kr-wafer", country: "KR", good: "wafer", capacity: 60 },
      { id: "jp-chip", country: "JP", good: "chip", capacity: 10 },
    ],
    chokepoints: [
      { id: "malacca", name: "Strait of Malacca" },
      { id: "panama", name: "Panama Canal" },
    ],
    flows: [
      { from: "cn-ga", to: "JP", volume: 70, route: ["malacca"] },
      { from: "au-ga", to: "JP", volume: 20, route: ["malacca"] },
      { from: "us-ga", to: "JP", volume: 10, route: ["malacca"] },
      { from: "cn-ga", to: "KR", volume: 30, route: ["malacca"] },
      { from: "kr-wafer", to: "JP", volume: 50, route: ["malacca"] },
      { from: "jp-chip", to: "JP", volume: 10 },
      { from: "cn-ga", to: "US", volume: 15, route: ["malacca"] },
    ],
    demand: [
      { country: "JP", good: "gallium", volume: 60 },
      { country: "JP", good: "chip", volume: 10 },
    ],
    ...overrides,
  });
}

/** One good, one home (XX), one source country per volume; every country in group "g". */
function sourcesNetwork(volumes: number[]) {
  const ids = volumes.map((_, i) => `S${i}`);
  return networkSchema.parse({
    countries: [{ id: "XX", name: "Home", groups: ["g"] }, ...ids.map((id) => ({ id, name: id, groups: ["g"] }))],
    goods: [{ id: "ore", name: "Ore", unit: "t", price: 1 }],
    producers: ids.map((id, i) => ({ id: `p-${id}`, country: id, good: "ore", capacity: volumes[i] })),
    flows: ids.map((id, i) => ({ from: `p-${id}`, to: "XX", volume: volumes[i] })),
    demand: [],
  });
}

function good(report: ReturnType<typeof inspect>, id: string) {
  const g = report.goods.find((x) => x.good === id);
  if (g === undefined) throw new Error(`no good ${id}`);
  return g;
}

describe("inspect: per-good exposure", () => {
  const report = inspect(japanNetwork(), "JP");
  const gallium = good(report, "gallium");

  it("lists the goods the home uses, in file order", () => {
    expect(report.goods.map((g) => g.good)).toEqual(["gallium", "wafer", "chip"]);
    expect(report.home).toBe("JP");
    expect(report.homeGroups).toEqual(["G7", "likeminded"]);
    expect(report.groups).toEqual(["G7", "likeminded", "BRICS"]);
  });

  it("splits baseline use into demand and intermediate use", () => {
    // use = 70 + 20 + 10 = 100; demand 60; intermediate 100 − 60 = 40
    expect(gallium.use).toBe(100);
    expect(gallium.demand).toBe(60);
    expect(gallium.intermediateUse).toBe(40);
    expect(good(report, "wafer")).toMatchObject({ use: 50, demand: 0, intermediateUse: 50 });
  });

  it("computes HHI on source shares 0.7/0.2/0.1", () => {
    // 0.7² + 0.2² + 0.1² = 0.49 + 0.04 + 0.01 = 0.54 → 5 400 points ≥ 2 500: high
    expect(gallium.hhi).toBeCloseTo(0.54, 12);
    expect(gallium.hhiPoints).toBe(5400);
    expect(gallium.hhiBand).toBe("high");
    expect(gallium.importShare).toBeCloseTo(1, 12);
  });

  it("ranks the top three sources", () => {
    expect(gallium.topSources.map((s) => [s.country, s.share])).toEqual([
      ["CN", 0.7],
      ["AU", 0.2],
      ["US", 0.1],
    ]);
  });

  it("weights concentration by governance as in the EU CRM assessment", () => {
    // home shares: 0.49·(10−2) + 0.04·(10−8) + 0.01·(10−6) = 3.92 + 0.08 + 0.04 = 4.04
    expect(gallium.governanceConcentration.home).toBeCloseTo(4.04, 12);
    // world supply = 70 + 20 + 10 + 30 + 15 = 145: CN 115, AU 20, US 10
    // (115² · 8 + 20² · 2 + 10² · 4) / 145² = (105 800 + 800 + 400) / 21 025 = 107 000 / 21 025
    expect(gallium.worldSupply).toBe(145);
    expect(gallium.governanceConcentration.world).toBeCloseTo(107_000 / 21_025, 12);
    expect(gallium.governanceImputed).toEqual([]);
  });

  it("takes missing governance as 5 and flags the country", () => {
    // wafers come only from KR (no governance): 1² · (10 − 5) = 5
    const wafer = good(report, "wafer");
    expect(wafer.governanceConcentration.home).toBe(5);
    expect(wafer.governanceImputed).toEqual(["KR"]);
    expect(report.governanceImputed).toEqual(["KR"]);
  });

  it("sums shares by group and outside the home's groups", () => {
    // G7: US 0.1; likeminded: AU 0.2 + US 0.1 = 0.3; BRICS: CN 0.7 (outside JP's G7/likeminded)
    expect(gallium.groupShares.G7).toBeCloseTo(0.1, 12);
    expect(gallium.groupShares.likeminded).toBeCloseTo(0.3, 12);
    expect(gallium.groupShares.BRICS).toBeCloseTo(0.7, 12);
    expect(gallium.outsideGroupsShare).toBeCloseTo(0.7, 12);
  });

  it("counts domestic supply as the home's own share", () => {
    // chips are made in Japan: one source (JP) with share 1 → HHI 1, no imports, inside its groups
    const chip = good(report, "chip");
    expect(chip.importShare).toBe(0);
    expect(chip.hhiPoints).toBe(10_000);
    expect(chip.outsideGroupsShare).toBe(0);
    expect(chip.groupShares).toEqual({ G7: 1, likeminded: 1, BRICS: 0 });
    // 1² · (10 − 8) = 2
    expect(chip.governanceConcentration.home).toBe(2);
  });

  it("gives the BOM depth of a two-tier BOM", () => {
    // gallium: no inputs → 0; wafer ← gallium → 1 + 0 = 1; chip ← wafer → 1 + 1 = 2
    expect(report.goods.map((g) => [g.good, g.bomDepth])).toEqual([
      ["gallium", 0],
      ["wafer", 1],
      ["chip", 2],
    ]);
    const depths = bomDepths(
      networkSchema.parse({
        countries: [],
        goods: [
          { id: "a", name: "a", unit: "t", price: 1 },
          { id: "b", name: "b", unit: "t", price: 1, inputs: { a: 1 } },
          { id: "c", name: "c", unit: "t", price: 1, inputs: { a: 1, b: 1 } },
        ],
        producers: [],
        flows: [],
        demand: [],
      }).goods,
    );
    expect(Object.fromEntries(depths)).toEqual({ a: 0, b: 1, c: 2 });
  });

  it("skips goods the home does not use", () => {
    const report = inspect(japanNetwork(), "US");
    expect(report.goods.map((g) => g.good)).toEqual(["gallium"]);
    // US gets CN 15 only: share 1
    expect(good(report, "gallium").topSources).toEqual([{ country: "CN", volume: 15, share: 1 }]);
  });

  it("rejects an unknown home, naming the valid ids", () => {
    expect(() => inspect(japanNetwork(), "FR")).toThrow(InputError);
    expect(() => inspect(japanNetwork(), "FR")).toThrow(/JP, CN, AU, US, KR/);
  });
});

describe("HHI bands", () => {
  it("puts 1 500 and 2 500 in the upper band", () => {
    expect(hhiBand(0)).toBe("unconcentrated");
    expect(hhiBand(1499.999)).toBe("unconcentrated");
    expect(hhiBand(1500)).toBe("moderate");
    expect(hhiBand(2499.999)).toBe("moderate");
    expect(hhiBand(2500)).toBe("high");
    expect(hhiBand(10_000)).toBe("high");
  });

  it("bands computed shares exactly at the edges", () => {
    // 0.25² + 0.2² + 0.15² + 0.1² + 6 · 0.05² = 0.0625 + 0.04 + 0.0225 + 0.01 + 0.015 = 0.15
    // → 1 500: moderate (the float error of the sum is rounded away)
    const moderate = good(inspect(sourcesNetwork([25, 20, 15, 10, 5, 5, 5, 5, 5, 5]), "XX"), "ore");
    expect(moderate.hhiPoints).toBe(1500);
    expect(moderate.hhiBand).toBe("moderate");
    // 4 · 0.25² = 0.25 → 2 500: high
    const high = good(inspect(sourcesNetwork([25, 25, 25, 25]), "XX"), "ore");
    expect(high.hhiPoints).toBe(2500);
    expect(high.hhiBand).toBe("high");
    // 10 · 0.1² = 0.1 → 1 000: unconcentrated
    const low = good(inspect(sourcesNetwork(Array(10).fill(10)), "XX"), "ore");
    expect(low.hhiBand).toBe("unconcentrated");
  });

  it("exposes the formulas as functions", () => {
    expect(hhi([0.5, 0.5])).toBe(0.5);
    expect(governanceConcentration([{ country: "A", share: 1 }], () => 10)).toBe(0);
  });
});

describe("inspect: trade graph", () => {
  const report = inspect(japanNetwork(), "JP");

  it("gives a chokepoint on every route the highest betweenness", () => {
    // graph: CN, AU, US, KR → malacca → JP, KR, US (JP → JP dropped); panama is isolated.
    // Ordered pairs routed through malacca: CN→{JP,KR,US} 3, AU→{JP,KR,US} 3, US→{JP,KR} 2,
    // KR→{JP,US} 2 = 10; normalised by (n−1)(n−2) = 6·5 = 30 (n = 7: 5 countries, 2 chokepoints).
    const [top, ...rest] = [...report.chokepoints, ...report.countries].sort((a, b) => b.betweenness - a.betweenness);
    expect(top?.id).toBe("malacca");
    expect(top?.betweenness).toBeCloseTo(10 / 30, 12);
    for (const node of rest) expect(node.betweenness).toBeLessThan(top?.betweenness ?? 0);
    expect(report.chokepoints.map((k) => k.id)).toEqual(["malacca", "panama"]);
  });

  it("counts home-critical flows: into the home, and inputs of its suppliers, transitively", () => {
    // into JP: CN, AU, US gallium, KR wafer, JP chip (5); wafer needs gallium, so CN → KR too (6).
    // CN → US gallium feeds nothing Japan uses.
    expect(report.homeCriticalFlows).toBe(6);
    const byId = Object.fromEntries([...report.countries, ...report.chokepoints].map((n) => [n.id, n]));
    expect(byId.JP?.homeCriticalFlows).toBe(5);
    expect(byId.CN?.homeCriticalFlows).toBe(2);
    expect(byId.KR?.homeCriticalFlows).toBe(2);
    expect(byId.US?.homeCriticalFlows).toBe(1);
    expect(byId.malacca?.homeCriticalFlows).toBe(5);
    expect(byId.panama?.homeCriticalFlows).toBe(0);
    // malacca value: gallium (70 + 20 + 10 + 30) · 2 + wafer 50 · 10 = 260 + 500 = 760
    expect(byId.malacca?.homeCriticalValue).toBe(760);
  });

  it("is plain JSON", () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});
