import { describe, expect, it } from "vitest";
import { formatPath } from "../../src/errors.ts";
import { checkNetwork, checkScenario } from "../../src/scenario/check.ts";
import type { PathIssue } from "../../src/scenario/issues.ts";
import { type Network, type NetworkInput, type ScenarioInput, networkSchema, scenarioSchema } from "../../src/scenario/schema.ts";

/** Japan makes magnets from Chinese and Australian NdPr; the US and Australia are like-minded. */
function magnetNetwork(): NetworkInput {
  return {
    countries: [
      { id: "CN", name: "China" },
      { id: "JP", name: "Japan", groups: ["likeminded"] },
      { id: "AU", name: "Australia", groups: ["likeminded"] },
      { id: "US", name: "United States", groups: ["likeminded"] },
    ],
    goods: [
      { id: "ndpr", name: "NdPr oxide", unit: "t", price: 60 },
      { id: "magnet", name: "Magnet", unit: "t", price: 80, inputs: { ndpr: 0.3 } },
    ],
    producers: [
      { id: "cn-ndpr", country: "CN", good: "ndpr", capacity: 100 },
      { id: "au-ndpr", country: "AU", good: "ndpr", capacity: 20 },
      { id: "jp-magnet", country: "JP", good: "magnet", capacity: 50 },
    ],
    chokepoints: [{ id: "malacca", name: "Strait of Malacca" }],
    flows: [
      { from: "cn-ndpr", to: "JP", volume: 12, route: ["malacca"] },
      { from: "au-ndpr", to: "JP", volume: 3 },
      { from: "jp-magnet", to: "JP", volume: 40 },
    ],
    demand: [{ country: "JP", good: "magnet", volume: 30 }],
  };
}

type Edit<T> = (draft: T) => void;

function network(edit: Edit<NetworkInput> = () => {}): Network {
  const draft = magnetNetwork();
  edit(draft);
  return networkSchema.parse(draft);
}

/** One line per issue, as `path  message`. */
const lines = (issues: PathIssue[]): string[] => issues.map((i) => `${formatPath(i.path)}  ${i.message}`);
const networkIssues = (edit: Edit<NetworkInput>): string[] => lines(checkNetwork(network(edit)));

function scenarioInput(): ScenarioInput {
  return {
    name: "NdPr licensing",
    network: "magnets.yaml",
    home: "JP",
    horizon: 12,
    shocks: [{ id: "cn-ban", type: "export_control", imposer: "CN", goods: ["ndpr"], targets: ["likeminded"] }],
    policies: [{ id: "stock", type: "stockpile", country: "JP", good: "ndpr", periods: 2 }],
    options: { stockpile: ["stock"] },
  };
}

function scenarioIssues(edit: Edit<ScenarioInput>, net: Network | "no network" = network()): string[] {
  const draft = scenarioInput();
  edit(draft);
  return lines(checkScenario(scenarioSchema.parse(draft), net === "no network" ? undefined : net));
}

// Typed access to the builders' arrays, which the checks' tests edit freely.
const at = <T>(items: T[] | undefined, i: number): T => {
  const item = items?.[i];
  if (item === undefined) throw new Error(`no item ${i}`);
  return item;
};

describe("checkNetwork", () => {
  it("finds nothing wrong in a consistent network", () => {
    expect(checkNetwork(network())).toEqual([]);
  });

  it.each([
    ["country", (n: NetworkInput) => n.countries.push({ id: "JP", name: "Japan again" }), "countries[4].id  duplicate country id 'JP' (first used at countries[1])"],
    ["good", (n: NetworkInput) => n.goods.push({ id: "ndpr", name: "x", unit: "t", price: 1 }), "goods[2].id  duplicate good id 'ndpr' (first used at goods[0])"],
    ["producer", (n: NetworkInput) => n.producers.push({ id: "au-ndpr", country: "AU", good: "ndpr", capacity: 0 }), "producers[3].id  duplicate producer id 'au-ndpr' (first used at producers[1])"],
    ["chokepoint", (n: NetworkInput) => n.chokepoints?.push({ id: "malacca", name: "again" }), "chokepoints[1].id  duplicate chokepoint id 'malacca' (first used at chokepoints[0])"],
  ])("points at the second of two %s ids", (_kind, edit, expected) => {
    expect(networkIssues(edit)).toEqual([expected]);
  });

  it("resolves every reference of producers, flows, demand and inputs, suggesting the nearest id", () => {
    const issues = networkIssues((n) => {
      at(n.producers, 0).country = "CNN";
      at(n.producers, 1).good = "ndrp";
      at(n.flows, 0).from = "cn-ndrp";
      at(n.flows, 1).to = "JPN";
      at(n.flows, 0).route = ["malaca", "hormuz"];
      at(n.demand, 0).country = "XX";
      n.demand.push({ country: "JP", good: "magnets", volume: 0 });
      at(n.goods, 1).inputs = { ndpr: 0.3, dysprosium: 0.01 };
    });
    expect(issues).toEqual([
      "goods[1].inputs.dysprosium  unknown good 'dysprosium'",
      "producers[0].country  unknown country 'CNN'; did you mean 'CN'?",
      "producers[1].good  unknown good 'ndrp'; did you mean 'ndpr'?",
      "flows[0].from  unknown producer 'cn-ndrp'; did you mean 'cn-ndpr'?",
      "flows[0].route[0]  unknown chokepoint 'malaca'; did you mean 'malacca'?",
      "flows[0].route[1]  unknown chokepoint 'hormuz'",
      "flows[1].to  unknown country 'JPN'; did you mean 'JP'?",
      "demand[0].country  unknown country 'XX'",
      "demand[1].good  unknown good 'magnets'; did you mean 'magnet'?",
    ]);
  });

  it("points at the key of an unknown input", () => {
    const issue = checkNetwork(network((n) => (at(n.goods, 1).inputs = { ndpr: 0.3, ndpx: 1 })))[0];
    expect(issue).toMatchObject({ path: ["goods", 1, "inputs", "ndpx"], at: "key" });
  });

  it("rejects a producer whose flows sum above its capacity", () => {
    expect(networkIssues((n) => (at(n.producers, 1).capacity = 2.5))).toEqual([
      "producers[1].capacity  flows from 'au-ndpr' sum to 3, above its capacity of 2.5",
    ]);
  });

  it("accepts flows that fill a capacity exactly, despite rounding in the sum", () => {
    // 0.1 + 0.2 = 0.30000000000000004 in floating point
    const issues = networkIssues((n) => {
      at(n.producers, 1).capacity = 0.3;
      at(n.flows, 1).volume = 0.1;
      n.flows.push({ from: "au-ndpr", to: "AU", volume: 0.2 });
    });
    expect(issues).toEqual([]);
  });

  it("rejects demand above the country's baseline inflow of the good", () => {
    expect(networkIssues((n) => (at(n.demand, 0).volume = 41))).toEqual([
      "demand[0].volume  demand of 41 exceeds JP's baseline inflow of magnet (40)",
    ]);
  });

  it("rejects two demand entries for the same country and good", () => {
    expect(networkIssues((n) => n.demand.push({ country: "JP", good: "magnet", volume: 1 }))).toEqual([
      "demand[1]  a second demand for magnet in JP (the first is demand[0]); merge them",
    ]);
  });

  it("names a cycle in the bill of materials", () => {
    expect(networkIssues((n) => (at(n.goods, 0).inputs = { magnet: 2 }))).toEqual([
      "goods[1].inputs.ndpr  bill of materials has a cycle: ndpr → magnet → ndpr",
    ]);
  });

  it("names a good that is its own input", () => {
    expect(networkIssues((n) => (at(n.goods, 1).inputs = { ndpr: 0.3, magnet: 0.1 }))).toEqual([
      "goods[1].inputs.magnet  bill of materials has a cycle: magnet → magnet",
    ]);
  });

  it("rejects a producer of a good with inputs in a country with no inflow of an input", () => {
    const issues = networkIssues((n) => {
      n.producers.push({ id: "us-magnet", country: "US", good: "magnet", capacity: 10 });
    });
    expect(issues).toEqual(["producers[3].country  producer 'us-magnet' makes magnet in US, which has no inflow of its input 'ndpr'"]);
  });

  it("rejects a group named like a country, and the reserved group name all", () => {
    const issues = networkIssues((n) => {
      at(n.countries, 2).groups = ["likeminded", "CN"];
      at(n.countries, 3).groups = ["all", "CN"];
    });
    expect(issues).toEqual([
      "countries[2].groups[1]  group 'CN' has the name of a country; group names must differ from country ids",
      "countries[3].groups[0]  group name 'all' is reserved: in targets it means every country but the imposer",
    ]);
  });

  it("collects every problem, not just the first", () => {
    const issues = networkIssues((n) => {
      at(n.producers, 0).country = "XX";
      at(n.demand, 0).volume = 1000;
      at(n.goods, 0).inputs = { magnet: 1 };
    });
    expect(issues).toHaveLength(3);
  });

  it("does not pile consequences on a broken flow or a BOM cycle", () => {
    // JP's NdPr inflow is unknown while a flow of it names no producer; ndpr needs magnet while
    // the cycle stands: neither is reported on top of its cause.
    const brokenFlows = (n: NetworkInput) => {
      at(n.flows, 0).from = "nobody";
      at(n.flows, 1).to = "AU";
      at(n.flows, 2).from = "jp-magnt";
    };
    expect(networkIssues(brokenFlows)).toEqual([
      "flows[0].from  unknown producer 'nobody'",
      "flows[2].from  unknown producer 'jp-magnt'; did you mean 'jp-magnet'?",
    ]);
    expect(networkIssues((n) => (at(n.goods, 0).inputs = { magnet: 1 }))).toHaveLength(1);
  });
});

describe("checkScenario", () => {
  it("finds nothing wrong in a consistent scenario", () => {
    expect(scenarioIssues(() => {})).toEqual([]);
  });

  it("lets a demand surge name countries or groups, but nothing else", () => {
    const surge = (countries: string[]) =>
      scenarioIssues((s) => {
        s.shocks = [{ id: "surge", type: "demand_surge", countries, goods: ["magnet"], severity: 0.3 }];
      });
    expect(surge(["likeminded", "JP"])).toEqual([]);
    expect(surge(["likemided"])).toEqual([
      "shocks[0].countries[0]  unknown country or group 'likemided'; did you mean 'likeminded'?",
    ]);
  });

  it("resolves the home country and requires it to have demand to score", () => {
    expect(scenarioIssues((s) => (s.home = "JPN"))).toEqual(["home  unknown country 'JPN'; did you mean 'JP'?"]);
    expect(scenarioIssues((s) => (s.home = "AU"))).toEqual([
      "home  AU has no demand of positive value (volume × price × weight) in the network, so there is nothing to score",
    ]);
  });

  it.each<[string, ScenarioInput["shocks"], string[]]>([
    [
      "export_control",
      [{ id: "s", type: "export_control", imposer: "CNN", goods: ["ndpr", "galium"], targets: ["JP", "likemided", "all", "EU"] }],
      [
        "shocks[0].imposer  unknown country 'CNN'; did you mean 'CN'?",
        "shocks[0].goods[1]  unknown good 'galium'",
        "shocks[0].targets[1]  unknown country or group 'likemided'; did you mean 'likeminded'?",
        "shocks[0].targets[3]  unknown country or group 'EU'",
      ],
    ],
    ["blockade", [{ id: "s", type: "blockade", country: "TW" }], ["shocks[0].country  unknown country 'TW'"]],
    [
      "chokepoint_closure",
      [{ id: "s", type: "chokepoint_closure", chokepoint: "Malacca" }],
      ["shocks[0].chokepoint  unknown chokepoint 'Malacca'; did you mean 'malacca'?"],
    ],
    [
      "outage",
      [
        { id: "s", type: "outage", producers: ["cn-ndpr", "cn-magnet"] },
        { id: "t", type: "outage", country: "AUS", goods: ["ndpr", "magnte"] },
      ],
      [
        "shocks[0].producers[1]  unknown producer 'cn-magnet'; did you mean 'jp-magnet'?",
        "shocks[1].country  unknown country 'AUS'; did you mean 'AU'?",
        "shocks[1].goods[1]  unknown good 'magnte'; did you mean 'magnet'?",
      ],
    ],
    [
      "demand_surge",
      [{ id: "s", type: "demand_surge", countries: ["JP", "KR"], goods: ["chips"] }],
      ["shocks[0].countries[1]  unknown country or group 'KR'", "shocks[0].goods[0]  unknown good 'chips'"],
    ],
  ])("resolves the references of a %s shock", (_type, shocks, expected) => {
    expect(scenarioIssues((s) => (s.shocks = shocks))).toEqual(expected);
  });

  it("resolves triggers and names a trigger cycle", () => {
    const issues = scenarioIssues((s) => {
      s.shocks = [
        { id: "a", type: "blockade", country: "CN", after: { shock: "b" } },
        { id: "b", type: "blockade", country: "CN", after: { shock: "a" } },
        { id: "c", type: "blockade", country: "CN", after: { shock: "cc" } },
        { id: "d", type: "blockade", country: "CN", after: { shock: "d" } },
      ];
    });
    expect(issues).toEqual([
      "shocks[2].after.shock  unknown shock 'cc'",
      "shocks[1].after.shock  triggers form a cycle: a → b → a (each starts after the next)",
      "shocks[3].after.shock  triggers form a cycle: d → d (each starts after the next)",
    ]);
  });

  it("keeps severities within [0, 1], except unbounded tails the engine clamps", () => {
    const issues = scenarioIssues((s) => {
      s.shocks = [
        { id: "a", type: "blockade", country: "CN", severity: 1.4 },
        { id: "b", type: "blockade", country: "CN", severity: { dist: "uniform", min: 0.5, max: 1.2 } },
        { id: "c", type: "blockade", country: "CN", severity: { dist: "triangular", min: -0.1, mode: 0.5, max: 1 } },
        { id: "d", type: "blockade", country: "CN", severity: { dist: "choice", values: [0.5, 2] } },
        { id: "e", type: "blockade", country: "CN", severity: { dist: "normal", mean: 0.5, sd: 0.4, max: 1.5 } },
        { id: "f", type: "blockade", country: "CN", severity: { dist: "normal", mean: 0.9, sd: 0.4 } },
        { id: "g", type: "blockade", country: "CN", severity: { dist: "lognormal", mu: -1, sigma: 0.5 } },
        { id: "h", type: "blockade", country: "CN", severity: 0 },
      ];
    });
    expect(issues).toEqual([
      "shocks[0].severity  must be between 0 and 1, got 1.4",
      "shocks[1].severity.max  must be between 0 and 1, got 1.2",
      "shocks[2].severity.min  must be between 0 and 1, got -0.1",
      "shocks[3].severity.values[1]  must be between 0 and 1, got 2",
      "shocks[4].severity.max  must be between 0 and 1, got 1.5",
    ]);
  });

  it("rejects start, duration and lag that can go negative", () => {
    const issues = scenarioIssues((s) => {
      s.shocks = [
        { id: "a", type: "blockade", country: "CN", start: -1 },
        { id: "b", type: "blockade", country: "CN", duration: { dist: "uniform", min: -2, max: 4 } },
        { id: "c", type: "blockade", country: "CN", after: { shock: "a", lag: { dist: "choice", values: [-1, 1] } } },
        { id: "d", type: "blockade", country: "CN", start: { dist: "normal", mean: 3, sd: 2, min: -1 } },
        { id: "e", type: "blockade", country: "CN", start: { dist: "normal", mean: 3, sd: 2 }, duration: { dist: "lognormal", mu: 1, sigma: 1 } },
      ];
    });
    expect(issues).toEqual([
      "shocks[0].start  must be 0 or more (periods), got -1",
      "shocks[1].duration.min  must be 0 or more (periods), got -2",
      "shocks[2].after.lag.values[0]  must be 0 or more (periods), got -1",
      "shocks[3].start.min  must be 0 or more (periods), got -1",
    ]);
  });

  it("resolves the references of policies; a group may be a country", () => {
    const issues = scenarioIssues((s) => {
      s.policies = [
        { id: "a", type: "stockpile", country: "JPN", good: "ndpr", units: 5 },
        { id: "b", type: "capacity", country: "JP", good: "ndrp", units: 5 },
        { id: "c", type: "diversify", country: "JP", good: "ndpr", from: ["China"], to: ["likeminded"], share: 0.5 },
        { id: "d", type: "substitution", country: "KR", good: "magnet", share: 0.2 },
        { id: "e", type: "recycling", country: "JP", good: "magnets", share: 0.1 },
        { id: "f", type: "partnership", group: "likemined", goods: ["ndpr"] },
        { id: "g", type: "partnership", group: "AU", goods: ["ndpr"] },
      ];
      s.options = {};
    });
    expect(issues).toEqual([
      "policies[0].country  unknown country 'JPN'; did you mean 'JP'?",
      "policies[1].good  unknown good 'ndrp'; did you mean 'ndpr'?",
      "policies[2].from[0]  unknown country or group 'China'",
      "policies[3].country  unknown country 'KR'",
      "policies[4].good  unknown good 'magnets'; did you mean 'magnet'?",
      "policies[5].group  unknown country or group 'likemined'; did you mean 'likeminded'?",
    ]);
  });

  it("rejects diversifying to places where no producer of the good stands", () => {
    const diversify = (to: string[], from = ["CN"]) => (s: ScenarioInput) => {
      s.policies = [{ id: "d", type: "diversify", country: "JP", good: "ndpr", from, to, share: 0.5 }];
      s.options = {};
    };
    expect(scenarioIssues(diversify(["US", "JP"]))).toEqual([
      "policies[0].to  no producer of ndpr stands in US, JP, so there is nowhere to move the volume to",
    ]);
    expect(scenarioIssues(diversify(["likeminded"]))).toEqual([]);
    expect(scenarioIssues(diversify(["AU"]))).toEqual([]);
    // the producers in `to` are all in `from` too: none receives (the engine once caught this)
    expect(scenarioIssues(diversify(["AU"], ["CN", "AU"]))).toEqual([
      "policies[0].to  every producer of ndpr in AU is also in 'from' or has no capacity, so there is nowhere to move the volume to",
    ]);
  });

  it("resolves the policies of options and reserves the name baseline", () => {
    const issues = scenarioIssues((s) => (s.options = { baseline: ["stock"], more: ["stock", "stok"] }));
    expect(issues).toEqual([
      "options.baseline  the option name 'baseline' is reserved: the baseline (no policy) is always scored first",
      "options.more[1]  unknown policy 'stok'; did you mean 'stock'?",
    ]);
  });

  it("points at the second of two shock or policy ids", () => {
    const issues = scenarioIssues((s) => {
      s.shocks?.push({ id: "cn-ban", type: "blockade", country: "CN" });
      s.policies?.push({ id: "stock", type: "stockpile", country: "JP", good: "magnet", units: 1 });
    });
    expect(issues).toEqual([
      "shocks[1].id  duplicate shock id 'cn-ban' (first used at shocks[0])",
      "policies[1].id  duplicate policy id 'stock' (first used at policies[0])",
    ]);
  });

  it("without a usable network, still runs the checks that need none", () => {
    const issues = scenarioIssues((s) => {
      s.home = "XX";
      s.shocks = [{ id: "a", type: "blockade", country: "XX", severity: 2 }];
    }, "no network");
    expect(issues).toEqual(["shocks[0].severity  must be between 0 and 1, got 2"]);
  });
});
