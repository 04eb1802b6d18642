// The model graph is the one representation of a network after validation: it gives back the
// network it was built from, so the compiler and inspect can both read it.
import { describe, expect, it } from "vitest";
import { buildModel, networkOf, nodeKey } from "../../src/model/build.ts";
import { networkSchema } from "../../src/scenario/schema.ts";
import { inspect } from "../../src/analysis/inspect.ts";
import { twoSupplierNetwork } from "../engine/builders.ts";

describe("the model graph", () => {
  const network = networkSchema.parse({
    ...twoSupplierNetwork(),
    name: "two suppliers",
    chokepoints: [{ id: "k", name: "K", bypassPeriods: 2 }],
    flows: [
      { from: "au-x", to: "JP", volume: 10, route: ["k"] },
      { from: "cn-x", to: "JP", volume: 70 },
    ],
  });

  it("holds every entity as a node and every flow and demand as an edge", () => {
    const graph = buildModel(network);
    // 3 countries + 1 good + 2 producers + 1 chokepoint
    expect(graph.order).toBe(7);
    // 2 makes + 2 located + 2 flows + 1 demand
    expect(graph.size).toBe(7);
    expect(graph.outDegree(nodeKey("producer", "au-x"))).toBe(3);
  });

  it("gives back the network it was built from, flows in file order", () => {
    expect(networkOf(buildModel(network))).toEqual(network);
  });

  it("is what inspect reads: the same report from the graph as from the network", () => {
    expect(inspect(buildModel(network), "JP")).toEqual(inspect(network, "JP"));
    expect(inspect(buildModel(network), "JP").chokepoints.map((k) => k.homeCriticalFlows)).toEqual([1]);
  });
});
