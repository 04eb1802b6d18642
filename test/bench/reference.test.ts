// Cross-check: the compiled engine and the plain graph-walking reference (bench/reference.ts),
// written separately from docs/model.md, give the same U, U_g and time to recover in every
// trial, on synthetic scenarios that run every shock and policy kind and on hand-built ones.
import { describe, expect, it } from "vitest";
import { docsShockDraws, prepareReference, runReference } from "../../bench/reference.ts";
import { syntheticScenario } from "../../bench/synthetic.ts";
import { optionsOf, prepareRun, runTrials } from "../../src/engine/run.ts";
import { rngFor } from "../../src/engine/rng.ts";
import { makeShockSampler, newShockDraws, sampleShocks } from "../../src/engine/sample.ts";
import type { NetworkInput, PolicyInput, Scenario, ShockInput } from "../../src/scenario/schema.ts";
import { scenarioOf, twoSupplierNetwork } from "../engine/builders.ts";

/** 1e-9 relative, or 1e-12 absolute near 0. */
const close = (a: number, b: number): boolean => Math.abs(a - b) <= Math.max(1e-12, 1e-9 * Math.max(Math.abs(a), Math.abs(b)));
const sameTtr = (a: number, b: number): boolean => a === b || (Number.isNaN(a) && Number.isNaN(b));

interface Mismatch {
  option: string;
  trial: number;
  what: string;
  engine: number;
  reference: number;
}

/** Runs both implementations on trials [0, trials) and lists every disagreement. */
function compare(scenario: Scenario, trials: number, only?: string[]): { mismatches: Mismatch[]; engineU: Float64Array[] } {
  const options = optionsOf(scenario, only);
  const prepared = prepareRun(scenario, { options });
  const engine = runTrials(prepared, 0, trials);
  const reference = runReference(prepareReference(scenario, options), 0, trials);
  const mismatches: Mismatch[] = [];
  const nS = prepared.scoredGoods.length;
  options.forEach((o, i) => {
    const e = engine[i]!;
    const r = reference[i]!;
    for (let k = 0; k < trials; k++) {
      if (!close(e.unmet[k]!, r.unmet[k]!)) mismatches.push({ option: o.id, trial: k, what: "U", engine: e.unmet[k]!, reference: r.unmet[k]! });
      prepared.scoredGoods.forEach((g, h) => {
        const eu = e.unmetGood[k * nS + h]!;
        const ru = r.unmetGood.get(g)?.[k] ?? Number.NaN;
        if (!close(eu, ru)) mismatches.push({ option: o.id, trial: k, what: `U_${g}`, engine: eu, reference: ru });
        const et = e.ttr[k * nS + h]!;
        const rt = r.ttr.get(g)?.[k] ?? -1;
        if (!sameTtr(et, rt)) mismatches.push({ option: o.id, trial: k, what: `TTR_${g}`, engine: et, reference: rt });
      });
    }
  });
  return { mismatches, engineU: engine.map((e) => e.unmet) };
}

const shareShort = (u: Float64Array): number => u.filter((x) => x > 0).length / u.length;

describe("engine = reference on synthetic scenarios (200 trials)", () => {
  it("small: every option", () => {
    const { scenario } = syntheticScenario("small");
    const { mismatches, engineU } = compare(scenario, 200);
    expect(mismatches.slice(0, 5)).toEqual([]);
    // not a vacuous check: shortfalls happen, and policies change them
    expect(shareShort(engineU[0]!)).toBeGreaterThan(0.2);
    expect(engineU.some((u, o) => o > 0 && u.some((x, k) => x !== engineU[0]![k]))).toBe(true);
  });

  it("medium: baseline and the option with every policy kind", () => {
    // the reference walks the graph with string keys (~40× slower than the engine), so the
    // medium size runs two of its nine options to keep the suite quick
    const { scenario } = syntheticScenario("medium");
    const { mismatches, engineU } = compare(scenario, 200, ["everything"]);
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(shareShort(engineU[0]!)).toBeGreaterThan(0.2);
  });

  it("the engine's shock sampler follows docs/model.md 'Randomness'", () => {
    for (const size of ["small", "medium"] as const) {
      const { scenario } = syntheticScenario(size);
      const bypass = new Map(scenario.network.chokepoints.map((k) => [k.id, k.bypassPeriods ?? -1]));
      const sampler = makeShockSampler(scenario.shocks, scenario.horizon, (s) =>
        s.type === "chokepoint_closure" ? (bypass.get(s.chokepoint) ?? -1) : -1,
      );
      const draws = newShockDraws(scenario.shocks.length);
      for (let trial = 0; trial < 200; trial++) {
        sampleShocks(sampler, rngFor(scenario.seed, trial), draws);
        const docs = docsShockDraws(scenario, trial);
        scenario.shocks.forEach((_s, j) => {
          const active: number[] = [];
          for (let t = 0; t < scenario.horizon; t++) if (draws.occurs[j] === 1 && draws.start[j]! <= t && t < draws.end[j]!) active.push(t);
          expect({ trial, j, active }).toEqual({ trial, j, active: docs[j]!.active });
          if (active.length > 0) expect(draws.severity[j]).toBe(docs[j]!.severity);
        });
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-built scenarios on the test builders, with random shocks so many paths are taken.

const ecCN = (over: Partial<ShockInput> = {}): ShockInput =>
  ({
    id: "ec",
    type: "export_control",
    imposer: "CN",
    goods: ["x"],
    targets: ["likeminded"],
    probability: 0.6,
    start: { dist: "uniform", min: 0, max: 4 },
    duration: { dist: "triangular", min: 1, mode: 3, max: 6 },
    severity: { dist: "uniform", min: 0.3, max: 1 },
    ...over,
  }) as ShockInput;

describe("engine = reference on hand-built scenarios (200 trials)", () => {
  it("two suppliers: every policy kind, overlapping surges, importer blockade, outage", () => {
    const net = twoSupplierNetwork({ inventoryPeriods: 0.5, switchPeriods: 2 });
    net.countries.push({ id: "US", name: "United States", groups: ["likeminded"] });
    net.producers.push({ id: "us-x", country: "US", good: "x", capacity: 40 });
    // US has spare but no flow to JP: a willing third supplier whose offer a blockade of JP scales
    net.flows.push({ from: "us-x", to: "US", volume: 20 });
    const policies: PolicyInput[] = [
      { id: "stock", type: "stockpile", country: "JP", good: "x", periods: 1 },
      { id: "div", type: "diversify", country: "JP", good: "x", from: ["CN"], to: ["likeminded"], share: 0.4 },
      { id: "standby", type: "capacity", country: "JP", good: "x", units: 20, buildPeriods: 2 },
      { id: "displace", type: "capacity", country: "JP", good: "x", units: 30, buildPeriods: 3, mode: "displace" },
      { id: "subst", type: "substitution", country: "JP", good: "x", share: 0.3, successProbability: 0.5, delayPeriods: 2 },
      { id: "recycle", type: "recycling", country: "JP", good: "x", share: 0.1 },
      { id: "us-standby", type: "capacity", country: "US", good: "x", units: 50 },
    ];
    const scenario = scenarioOf(net, {
      home: "JP",
      horizon: 8,
      seed: 5,
      shocks: [
        ecCN({ targets: ["all"] }),
        { id: "jp-blockade", type: "blockade", country: "JP", probability: 0.2, severity: { dist: "normal", mean: 0.5, sd: 0.3, min: 0, max: 1 }, duration: 3 },
        { id: "au-outage", type: "outage", producers: ["au-x"], probability: 0.3, severity: 0.7, start: { dist: "choice", values: [0, 2, 4] } },
        { id: "us-outage", type: "outage", country: "US", probability: 0.2, duration: { dist: "lognormal", mu: 0.5, sigma: 0.5 } },
        { id: "surge-a", type: "demand_surge", countries: ["JP"], goods: ["x"], probability: 0.4, severity: 0.2, duration: 4 },
        { id: "surge-b", type: "demand_surge", countries: ["JP", "US"], goods: ["x"], probability: 0.4, severity: { dist: "uniform", min: 0, max: 0.4 }, start: 2 },
      ],
      policies,
      // subst + recycle on one good is left out: see "known disagreements" below
      options: {
        stock: ["stock"],
        div: ["div"],
        standby: ["standby"],
        displace: ["displace"],
        subst: ["subst"],
        recycle: ["recycle"],
        elsewhere: ["us-standby"],
        mixed: ["recycle", "displace", "stock", "div", "standby"],
        mixed2: ["subst", "displace", "stock", "div", "standby", "us-standby"],
      },
    });
    const { mismatches, engineU } = compare(scenario, 200);
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(shareShort(engineU[0]!)).toBeGreaterThan(0.2);
  });

  it("two consumers: partnerships, rationing, a chokepoint with a bypass, a triggered shock", () => {
    const net: NetworkInput = {
      countries: [
        { id: "JP", name: "Japan", groups: ["likeminded"] },
        { id: "CN", name: "China" },
        { id: "AU", name: "Australia", groups: ["likeminded", "pacific"] },
        { id: "KR", name: "Korea", groups: ["pacific"] },
      ],
      goods: [{ id: "x", name: "X", unit: "t", price: 2, switchPeriods: 1, inventoryPeriods: 1 }],
      producers: [
        { id: "cn-x", country: "CN", good: "x", capacity: 100 },
        { id: "au-x", country: "AU", good: "x", capacity: 30 },
        { id: "kr-x", country: "KR", good: "x", capacity: 12 },
      ],
      chokepoints: [{ id: "malacca", name: "Malacca", bypassPeriods: 2 }],
      flows: [
        { from: "cn-x", to: "JP", volume: 70, route: ["malacca"] },
        { from: "cn-x", to: "KR", volume: 20 },
        { from: "au-x", to: "JP", volume: 10, route: ["malacca"] },
        { from: "au-x", to: "KR", volume: 5 },
        { from: "kr-x", to: "KR", volume: 8 },
      ],
      demand: [
        { country: "JP", good: "x", volume: 80 },
        { country: "KR", good: "x", volume: 30 },
      ],
    };
    const shared = {
      horizon: 10,
      seed: 9,
      shocks: [
        ecCN({ targets: ["JP", "KR"] }),
        { id: "closure", type: "chokepoint_closure", chokepoint: "malacca", probability: 0.4, start: { dist: "uniform", min: 0, max: 8 } },
        { id: "reprisal", type: "blockade", country: "CN", probability: 0.5, severity: 0.5, after: { shock: "ec", lag: { dist: "choice", values: [0, 1, 2] } }, duration: 2 },
      ] satisfies ShockInput[],
      policies: [
        { id: "pacific", type: "partnership", group: "pacific", goods: ["x"] },
        { id: "lm", type: "partnership", group: "likeminded", goods: ["x"] },
      ] satisfies PolicyInput[],
      options: { pacific: ["pacific"], lm: ["lm"], both: ["pacific", "lm"] },
    };
    for (const home of ["JP", "KR"]) {
      const { mismatches } = compare(scenarioOf(net, { home, ...shared }), 200);
      expect(mismatches.slice(0, 5)).toEqual([]);
    }
  });

  it("a two-tier bill of materials: input shortages, a home plant on standby, country outages", () => {
    const net: NetworkInput = {
      countries: [
        { id: "JP", name: "Japan", groups: ["likeminded"] },
        { id: "CN", name: "China" },
        { id: "KR", name: "Korea", groups: ["likeminded"] },
        { id: "AU", name: "Australia", groups: ["likeminded"] },
      ],
      goods: [
        { id: "metal", name: "Metal", unit: "t", price: 10, inputs: { ore: 2 }, switchPeriods: 1 },
        { id: "ore", name: "Ore", unit: "t", price: 1, weight: 2, inventoryPeriods: 1 },
      ],
      producers: [
        { id: "cn-ore", country: "CN", good: "ore", capacity: 110 },
        { id: "au-ore", country: "AU", good: "ore", capacity: 30 },
        { id: "jp-metal", country: "JP", good: "metal", capacity: 55 },
        { id: "kr-metal", country: "KR", good: "metal", capacity: 15 },
        { id: "cn-metal", country: "CN", good: "metal", capacity: 20 },
      ],
      flows: [
        { from: "cn-ore", to: "JP", volume: 100 },
        { from: "cn-ore", to: "CN", volume: 5 },
        { from: "au-ore", to: "KR", volume: 20 },
        { from: "jp-metal", to: "JP", volume: 50 },
        { from: "kr-metal", to: "JP", volume: 10 },
        { from: "cn-metal", to: "JP", volume: 10 },
      ],
      demand: [
        { country: "JP", good: "ore", volume: 20 },
        { country: "JP", good: "metal", volume: 70 },
      ],
    };
    const scenario = scenarioOf(net, {
      home: "JP",
      horizon: 6,
      seed: 3,
      shocks: [
        ecCN({ goods: ["ore", "metal"], targets: ["JP"] }),
        { id: "kr-down", type: "outage", country: "KR", probability: 0.3, severity: 0.5 },
        { id: "au-down", type: "outage", country: "AU", goods: ["ore"], probability: 0.3 },
      ],
      policies: [
        { id: "plant", type: "capacity", country: "JP", good: "metal", units: 15, buildPeriods: 1 },
        { id: "ore-stock", type: "stockpile", country: "JP", good: "ore", units: 150 },
        { id: "friends", type: "partnership", group: "likeminded", goods: ["ore", "metal"] },
      ],
      options: { plant: ["plant"], stock: ["ore-stock"], all: ["friends", "ore-stock", "plant"] },
    });
    const { mismatches, engineU } = compare(scenario, 200);
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(shareShort(engineU[0]!)).toBeGreaterThan(0.2);
  });
});

// ---------------------------------------------------------------------------------------------
// Regression cases: four places where the engine once departed from docs/model.md, found by
// this cross-check (policy order within a kind, several flows of one producer to one country,
// a recycler's spare, a negative lag). Engine and reference must agree on each.

/** One trial, probability-1 shocks: U per option from both implementations. */
function oneTrial(scenario: Scenario): Map<string, { engine: number; reference: number }> {
  const options = optionsOf(scenario);
  const engine = runTrials(prepareRun(scenario, { options }), 0, 1);
  const reference = runReference(prepareReference(scenario, options), 0, 1);
  return new Map(options.map((o, i) => [o.id, { engine: engine[i]!.unmet[0]!, reference: reference[i]!.unmet[0]! }]));
}

describe("known disagreements (engine vs docs/model.md)", () => {
  /** JP 80 (CN 70, AU 10) and KR 10 (CN 10) both lose CN; AU (capacity 25) has 15 spare. */
  function twoPartnerships(order: string[]): Scenario {
    const net = twoSupplierNetwork();
    net.countries = [
      { id: "JP", name: "Japan", groups: ["likeminded"] },
      { id: "CN", name: "China" },
      { id: "AU", name: "Australia", groups: ["likeminded", "pacific"] },
      { id: "KR", name: "Korea", groups: ["pacific"] },
    ];
    net.producers[1] = { id: "au-x", country: "AU", good: "x", capacity: 25 };
    net.flows.push({ from: "cn-x", to: "KR", volume: 10 });
    net.demand.push({ country: "KR", good: "x", volume: 10 });
    return scenarioOf(net, {
      home: "JP",
      horizon: 1,
      shocks: [{ id: "ec", type: "export_control", imposer: "CN", goods: ["x"], targets: ["JP", "KR"] }],
      policies: [
        { id: "pacific", type: "partnership", group: "pacific", goods: ["x"] },
        { id: "lm", type: "partnership", group: "likeminded", goods: ["x"] },
      ],
      options: { p: order },
    });
  }

  /** CN ships JP 40 through malacca (closed) and 30 direct, listed in that order; AU 10 (spare 5). */
  function twoFlowsOneCut(): Scenario {
    const net = twoSupplierNetwork();
    net.chokepoints = [{ id: "malacca", name: "Malacca" }];
    net.flows = [
      { from: "cn-x", to: "JP", volume: 40, route: ["malacca"] },
      { from: "cn-x", to: "JP", volume: 30 },
      { from: "au-x", to: "JP", volume: 10 },
    ];
    return scenarioOf(net, { home: "JP", horizon: 1, shocks: [{ id: "k", type: "chokepoint_closure", chokepoint: "malacca" }] });
  }

  /** Recycling 0.25 and a certain substitution 0.5 of JP's x; CN cut entirely. */
  function recyclingAndSubstitution(): Scenario {
    return scenarioOf(twoSupplierNetwork(), {
      home: "JP",
      horizon: 1,
      shocks: [{ id: "ec", type: "export_control", imposer: "CN", goods: ["x"], targets: ["JP"] }],
      policies: [
        { id: "r", type: "recycling", country: "JP", good: "x", share: 0.25 },
        { id: "s", type: "substitution", country: "JP", good: "x", share: 0.5 },
      ],
      options: { both: ["r", "s"] },
    });
  }

  /** "first" starts at 5; "second" follows with lag ~ normal(−2, 0.1), unbounded (validation leaves it to the engine). */
  function negativeLag(): Scenario {
    return scenarioOf(twoSupplierNetwork(), {
      home: "JP",
      horizon: 8,
      shocks: [
        { id: "first", type: "blockade", country: "AU", start: 5, severity: 0.5 },
        { id: "second", type: "export_control", imposer: "CN", goods: ["x"], targets: ["JP"], after: { shock: "first", lag: { dist: "normal", mean: -2, sd: 0.1 } } },
      ],
    });
  }

  it("the reference gives the hand-computed docs values in these cases", () => {
    // Partnerships in file order (pacific first): KR asks AU for 10 of its 15 → 10; then
    // likeminded: JP gets the last 5. JP r = (10 + 5)/80 = 0.1875 → U = 0.8125, either listing.
    expect(oneTrial(twoPartnerships(["pacific", "lm"])).get("p")!.reference).toBeCloseTo(0.8125, 12);
    expect(oneTrial(twoPartnerships(["lm", "pacific"])).get("p")!.reference).toBeCloseTo(0.8125, 12);
    // CN's own flow to JP is cut → CN is unwilling: r = (30 + 10 + AU's 5)/80 → U = 0.4375.
    expect(oneTrial(twoFlowsOneCut()).get("baseline")!.reference).toBeCloseTo(0.4375, 12);
    // use 40; CN 52.5 × 0.5 cut; AU 7.5 × 0.5 = 3.75 (+ spare 11.25); recycled 20 × 0.5 = 10 with
    // no spare to offer: r = 25/40 → loss 15 → U = 15/80 = 0.1875.
    expect(oneTrial(recyclingAndSubstitution()).get("both")!.reference).toBeCloseTo(0.1875, 12);
    // the lag is clamped to 0: "second" is active in periods 5..7
    expect(docsShockDraws(negativeLag(), 0)[1]!.active).toEqual([5, 6, 7]);
  });

  it("policies of one kind apply in file order, not in the option's listing order", () => {
    // The engine applies them in the option's listing order: likeminded first, JP takes all 15
    // → r = 25/80, U = 0.6875 instead of 0.8125.
    expect(oneTrial(twoPartnerships(["lm", "pacific"])).get("p")!.engine).toBeCloseTo(0.8125, 12);
  });

  it("a producer with two flows to a country, one of them cut, is unwilling whatever their file order", () => {
    // The engine checks only the last-listed CN→JP flow, finds it uncut, and lets CN fill the gap
    // from its 70 spare: U = 0 (with the direct flow listed first it gives 0.4375).
    expect(oneTrial(twoFlowsOneCut()).get("baseline")!.engine).toBeCloseTo(0.4375, 12);
  });

  it("a recycling producer has no spare to offer, even when a substitution shrinks its flow", () => {
    // The engine lets the recycler sell its idle 10 as spare: r = 35/40, U = 5/80 = 0.0625.
    expect(oneTrial(recyclingAndSubstitution()).get("both")!.engine).toBeCloseTo(0.1875, 12);
  });

  it("a drawn negative lag is clamped to 0", () => {
    // The engine adds the negative lag: 5 + ⌊−2.x⌋ = 2, so "second" starts 3 periods early.
    const scenario = negativeLag();
    const sampler = makeShockSampler(scenario.shocks, scenario.horizon, () => -1);
    const draws = newShockDraws(2);
    sampleShocks(sampler, rngFor(scenario.seed, 0), draws);
    expect(draws.start[1]).toBe(5);
  });
});
