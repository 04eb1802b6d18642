import { describe, expect, it } from "vitest";
import { findPath, indexPaths, nearestPaths, parsePathText, withValues } from "../../src/sweep/paths.ts";
import { scenarioOf, twoSupplierNetwork } from "../engine/builders.ts";

const scenario = () =>
  scenarioOf(twoSupplierNetwork({ inventoryPeriods: 1 }), {
    home: "JP",
    horizon: 6,
    shocks: [
      {
        id: "ban",
        type: "export_control",
        imposer: "CN",
        goods: ["x"],
        targets: ["JP"],
        probability: 0.5,
        duration: { dist: "triangular", min: 1, mode: 2, max: 4 },
        severity: 0.6,
      },
    ],
    policies: [{ id: "stock", type: "stockpile", country: "JP", good: "x", periods: 2, cost: 40 }],
    options: { stockpile: ["stock"] },
  });

describe("parameter paths", () => {
  it("lists every settable number of the scenario and its network, with base values", () => {
    const { paths } = indexPaths(scenario());
    const byText = Object.fromEntries(paths.map((p) => [p.text, p.base]));
    expect(byText).toMatchObject({
      horizon: 6,
      "shocks.ban.probability": 0.5,
      "shocks.ban.severity": 0.6,
      "shocks.ban.duration.mode": 2,
      "policies.stock.periods": 2,
      "policies.stock.cost": 40,
      "network.producers.au-x.capacity": 15,
      "network.goods.x.inventoryPeriods": 1,
      "network.flows[1].volume": 10,
      "network.demand[0].volume": 80,
    });
    // a distribution-valued field is itself settable (a number replaces the distribution)
    expect(paths.find((p) => p.text === "shocks.ban.duration")).toMatchObject({ base: undefined, holds: "distribution" });
    // trials and seed are sweep-level, never parameters
    expect(paths.some((p) => p.text === "trials" || p.text === "seed")).toBe(false);
  });

  it("accepts an index for an id collection and a quoted id", () => {
    const index = indexPaths(scenario());
    expect(findPath(index, "shocks[0].severity")).toMatchObject({ path: { text: "shocks.ban.severity" } });
    expect(findPath(index, 'network.producers["cn-x"].capacity')).toMatchObject({ path: { text: "network.producers.cn-x.capacity" } });
    expect(parsePathText("network.flows[3].volume")).toEqual({ tokens: [{ key: "network" }, { key: "flows" }, { index: 3 }, { key: "volume" }] });
  });

  it("names the nearest valid paths for an unknown one", () => {
    const index = indexPaths(scenario());
    const found = findPath(index, "shocks.ban.sevrity");
    expect(found).toEqual({
      error: expect.stringMatching(/^unknown parameter path 'shocks\.ban\.sevrity'; nearest valid paths: shocks\.ban\.severity, /),
    });
    expect(nearestPaths(index, "network.producers.au.capacity", 2)).toEqual(["network.producers.au-x.capacity", "network.producers.cn-x.capacity"]);
    expect(findPath(index, "trials")).toEqual({ error: expect.stringContaining("sweep-level") });
  });

  it("re-validates the edited scenario with the file checks", () => {
    const s = scenario();
    const index = indexPaths(s);
    const path = (t: string) => (findPath(index, t) as { path: NonNullable<ReturnType<typeof index.lookup.get>> }).path;
    const ok = withValues(s, [{ path: path("network.producers.au-x.capacity"), value: 30 }]);
    expect("scenario" in ok && ok.scenario.network.producers[1]!.capacity).toBe(30);
    // the input is untouched
    expect(s.network.producers[1]!.capacity).toBe(15);
    expect(withValues(s, [{ path: path("shocks.ban.severity"), value: 1.4 }])).toEqual({
      issues: [{ path: ["shocks", 0, "severity"], message: "must be between 0 and 1, got 1.4" }],
    });
    // a producer's flows may not exceed its capacity: a cross-reference check, not the schema
    const tooSmall = withValues(s, [{ path: path("network.producers.au-x.capacity"), value: 5 }]);
    expect("issues" in tooSmall && tooSmall.issues[0]!.path).toEqual(["network", "producers", 1, "capacity"]);
  });
});
