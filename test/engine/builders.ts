// Small scenario builders for engine tests: plain objects through the real schemas.
import { networkSchema, type NetworkInput, type Scenario, scenarioSchema, type ScenarioInput } from "../../src/scenario/schema.ts";

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
