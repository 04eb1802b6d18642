// The quarantine shock kind: inspections of a country's imports of some goods; replacement
// cargoes of those goods face the same inspections. Expected values by hand in the comments.
import { describe, expect, it } from "vitest";
import { prepareRun, runTrials } from "../../src/engine/run.ts";
import type { NetworkInput } from "../../src/scenario/schema.ts";
import { scenarioOf } from "../engine/builders.ts";

/** JP buys 80 of x (70 from CN, 10 from AU; AU spare 5) and 50 of y from AU (spare 10), and makes 20 of x at home. */
const network: NetworkInput = {
  countries: [
    { id: "JP", name: "Japan" },
    { id: "CN", name: "China" },
    { id: "AU", name: "Australia" },
  ],
  goods: [
    { id: "x", name: "X", unit: "t", price: 1 },
    { id: "y", name: "Y", unit: "t", price: 1 },
  ],
  producers: [
    { id: "cn-x", country: "CN", good: "x", capacity: 100 },
    { id: "au-x", country: "AU", good: "x", capacity: 15 },
    { id: "jp-x", country: "JP", good: "x", capacity: 20 },
    { id: "au-y", country: "AU", good: "y", capacity: 60 },
  ],
  flows: [
    { from: "cn-x", to: "JP", volume: 70 },
    { from: "au-x", to: "JP", volume: 10 },
    { from: "jp-x", to: "JP", volume: 20 },
    { from: "au-y", to: "JP", volume: 50 },
  ],
  demand: [
    { country: "JP", good: "x", volume: 100 },
    { country: "JP", good: "y", volume: 50 },
  ],
};

function unmet(severity: number): number {
  const scenario = scenarioOf(network, { home: "JP", horizon: 1, shocks: [{ id: "q", type: "quarantine" as const, country: "JP", goods: ["x"], severity }] });
  return runTrials(prepareRun(scenario), 0, 1)[0]!.unmet[0]!;
}

describe("quarantine", () => {
  it("holds back the severity's share of the goods' imports, with no replacement; domestic supply and other goods untouched", () => {
    // x: CN 70 and AU 10 cut by 0.4 → 42 + 6 = 48 imported, + 20 at home = 68 of 100; AU's spare
    // (15 − 6) cannot serve JP (inspected too). y untouched: 50 of 50. U = 32 / 150 = 0.21333…
    expect(unmet(0.4)).toBeCloseTo(32 / 150, 12);
  });
  it("a full quarantine leaves only domestic supply: U = 80 / 150", () => {
    expect(unmet(1)).toBeCloseTo(80 / 150, 12);
  });
});
