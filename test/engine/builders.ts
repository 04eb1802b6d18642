// Small scenario builders for engine tests: plain objects through the real schemas.
import {
  networkSchema,
  type NetworkInput,
  type PolicyInput,
  type Scenario,
  scenarioSchema,
  type ScenarioInput,
  type ShockInput,
} from "../../src/scenario/schema.ts";

/** A scenario from an inline network and the rest of the scenario fields (defaults from the schema). */
export function scenarioOf(network: NetworkInput, rest: Omit<ScenarioInput, "network" | "name"> & { name?: string }): Scenario {
  const net = networkSchema.parse(network);
  const file = scenarioSchema.parse({ name: "test", ...rest, network: net });
  return { ...file, network: net };
}

/**
 * JP (home) buys 80 units/period of `x` (price 1): 70 from CN (capacity 100), 10 from AU
 * (capacity 15, so 5 spare). No inventory, no switching delay unless overridden.
 */
export function twoSupplierNetwork(over: { inventoryPeriods?: number; switchPeriods?: number } = {}): NetworkInput {
  return {
    countries: [
      { id: "JP", name: "Japan", groups: ["likeminded"] },
      { id: "CN", name: "China" },
      { id: "AU", name: "Australia", groups: ["likeminded"] },
    ],
    goods: [{ id: "x", name: "X", unit: "t", price: 1, ...over }],
    producers: [
      { id: "cn-x", country: "CN", good: "x", capacity: 100 },
      { id: "au-x", country: "AU", good: "x", capacity: 15 },
    ],
    flows: [
      { from: "cn-x", to: "JP", volume: 70 },
      { from: "au-x", to: "JP", volume: 10 },
    ],
    demand: [{ country: "JP", good: "x", volume: 80 }],
  };
}

/** An export control by CN on JP's `x` in half the trials, lasting 2–8 periods at severity 0.3–1. */
export function uncertainControlOnCN(): ShockInput[] {
  return [
    {
      id: "ec",
      type: "export_control",
      imposer: "CN",
      goods: ["x"],
      targets: ["JP"],
      probability: 0.5,
      duration: { dist: "uniform", min: 2, max: 8 },
      severity: { dist: "uniform", min: 0.3, max: 1 },
    },
  ];
}

/** Two stockpiles of JP's `x`: 3 periods for 10 ("big") and 1 period for 20 ("small"). */
export function twoStockpiles(): PolicyInput[] {
  return [
    { id: "big", type: "stockpile", country: "JP", good: "x", periods: 3, cost: 10 },
    { id: "small", type: "stockpile", country: "JP", good: "x", periods: 1, cost: 20 },
  ];
}
