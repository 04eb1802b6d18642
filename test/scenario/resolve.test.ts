import { describe, expect, it } from "vitest";
import { InputError, type InputIssue } from "../../src/errors.ts";
import { resolveNetwork, resolveScenario } from "../../src/scenario/resolve.ts";
import type { NetworkInput } from "../../src/scenario/schema.ts";

const chipNetwork = (): NetworkInput => ({
  countries: [
    { id: "JP", name: "Japan" },
    { id: "KR", name: "Korea" },
  ],
  goods: [{ id: "chip", name: "Chip", unit: "k", price: 5 }],
  producers: [{ id: "kr-chip", country: "KR", good: "chip", capacity: 10 }],
  flows: [{ from: "kr-chip", to: "JP", volume: 8 }],
  demand: [{ country: "JP", good: "chip", volume: 8 }],
});

const scenario = (network: unknown) => ({ name: "Chips", network, home: "JP", horizon: 6 });

function issuesOf(fn: () => unknown): InputIssue[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err.issues;
    throw err;
  }
  throw new Error("expected an InputError");
}

describe("resolveNetwork", () => {
  it("fills defaults", () => {
    const network = resolveNetwork(chipNetwork());
    expect(network.goods[0]).toEqual({ id: "chip", name: "Chip", unit: "k", price: 5, weight: 1, inputs: {}, switchPeriods: 0, inventoryPeriods: 0 });
    expect(network.chokepoints).toEqual([]);
  });

  it("throws every problem, with paths and no positions", () => {
    const input = chipNetwork();
    input.demand.push({ country: "CN", good: "chip", volume: 1 });
    input.producers.push({ id: "kr-chip", country: "KR", good: "chip", capacity: 1 });
    expect(issuesOf(() => resolveNetwork(input))).toEqual([
      { path: "producers[1].id", message: "duplicate producer id 'kr-chip' (first used at producers[0])" },
      { path: "demand[1].country", message: "unknown country 'CN'" },
    ]);
  });
});

describe("resolveScenario", () => {
  it("resolves a scenario with its network inline, filling defaults", () => {
    const resolved = resolveScenario(scenario(chipNetwork()));
    expect(resolved).toMatchObject({ home: "JP", trials: 10000, seed: 1, period: "period", shocks: [], policies: [], options: {} });
    expect(resolved.network.producers).toHaveLength(1);
    expect(resolved).not.toHaveProperty("file");
  });

  it("takes the network from the options when the scenario names a file, and records where both came from", () => {
    const network = resolveNetwork(chipNetwork());
    const resolved = resolveScenario(scenario("chips.yaml"), { network, file: "s.yaml", networkFile: "chips.yaml" });
    expect(resolved.network).toEqual(network);
    expect(resolved).toMatchObject({ file: "s.yaml", networkFile: "chips.yaml" });
  });

  it("resolves a resolved scenario to itself", () => {
    const network = resolveNetwork(chipNetwork());
    const once = resolveScenario(scenario("chips.yaml"), { network, file: "s.yaml", networkFile: "chips.yaml" });
    expect(resolveScenario(once)).toEqual(once);
  });

  it("cannot read a network file in memory", () => {
    expect(issuesOf(() => resolveScenario(scenario("chips.yaml")))).toEqual([
      {
        path: "network",
        message:
          "names a network file, which an in-memory scenario cannot read; pass the network (resolveScenario(input, {network})) or use loadScenario",
      },
    ]);
  });

  it("throws the problems of the inline network and of the scenario together, naming the file if given", () => {
    const network = chipNetwork();
    network.goods[0] = { id: "chip", name: "Chip", unit: "k", price: 5, inputs: { chip: 1 } };
    const input = { ...scenario(network), shocks: [{ id: "s", type: "blockade", country: "KR", severity: 1.4 }] };
    expect(issuesOf(() => resolveScenario(input, { file: "mem.yaml" }))).toEqual([
      { file: "mem.yaml", path: "network.goods[0].inputs.chip", message: "bill of materials has a cycle: chip → chip" },
      { file: "mem.yaml", path: "shocks[0].severity", message: "must be between 0 and 1, got 1.4" },
    ]);
  });
});
