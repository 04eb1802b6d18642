// One test per mechanism of MODEL §4 on tiny deterministic scenarios (probability 1, fixed
// numbers). Expected values are computed by hand; the arithmetic is in the comments.
import { describe, expect, it } from "vitest";
import { prepareRun, runTrials } from "../../src/engine/run.ts";
import type { NetworkInput, PolicyInput, ScenarioInput, ShockInput } from "../../src/scenario/schema.ts";
import { scenarioOf, twoSupplierNetwork } from "./builders.ts";

/** Runs one trial of every option and returns each option's U (and U_g, TTR of the first good). */
function simulate(
  network: NetworkInput,
  shocks: ShockInput[],
  extra: Partial<Omit<ScenarioInput, "network" | "shocks">> = {},
) {
  const scenario = scenarioOf(network, { home: "JP", horizon: 1, ...extra, shocks });
  const prepared = prepareRun(scenario);
  const results = runTrials(prepared, 0, 1);
  const byOption = new Map(
    prepared.options.map((o, i) => [
      o.id,
      { U: results[i]!.unmet[0]!, Ug: results[i]!.unmetGood[0]!, ttr: results[i]!.ttr[0]! },
    ]),
  );
  return { byOption, prepared, base: byOption.get("baseline")! };
}

const ecOnCN = (severity = 1): ShockInput => ({
  id: "ec",
  type: "export_control",
  imposer: "CN",
  goods: ["x"],
  targets: ["JP"],
  severity,
});

describe("shocks", () => {
  it("partial export control cuts the imposer's flow and bars it from replacement", () => {
    // CN→JP 70 cut by 0.5 → 35; AU 10. Inflow 45, missing 35. CN is unwilling; AU spare 15−10 = 5.
    // Delivered 50, r = 50/80 = 0.625, U = 0.375 in each of 2 periods; never recovers: TTR = 2.
    const { base } = simulate(twoSupplierNetwork(), [ecOnCN(0.5)], { horizon: 2 });
    expect(base.U).toBeCloseTo(0.375, 12);
    expect(base.ttr).toBe(2);
  });

  it("blockade of the exporter cuts its flows; others still replace", () => {
    // CN→JP 70 × (1 − 0.6) = 28; AU 10 → 38. CN's flow is cut → unwilling; AU spare 5, b = 0.
    // Delivered 43, r = 43/80 = 0.5375, U = 0.4625.
    const { base } = simulate(twoSupplierNetwork(), [{ id: "b", type: "blockade", country: "CN", severity: 0.6 }]);
    expect(base.U).toBeCloseTo(0.4625, 12);
  });

  it("blockade of the importer scales what a willing third producer can send by (1 − b)", () => {
    // Flows into JP cut by 0.5: 35 + 5 = 40. CN and AU flows cut → unwilling. US (cap 20, 10 to
    // itself) has spare 10; e = 10 × (1 − 0.5) = 5. Delivered 45, r = 45/80 = 0.5625, U = 0.4375.
    const net = twoSupplierNetwork();
    net.countries.push({ id: "US", name: "United States" });
    net.producers.push({ id: "us-x", country: "US", good: "x", capacity: 20 });
    net.flows.push({ from: "us-x", to: "US", volume: 10 });
    const { base } = simulate(net, [{ id: "b", type: "blockade", country: "JP", severity: 0.5 }]);
    expect(base.U).toBeCloseTo(0.4375, 12);
  });

  function closureNetwork(bypassPeriods?: number): NetworkInput {
    const net = twoSupplierNetwork();
    net.chokepoints = [{ id: "malacca", name: "Strait of Malacca", ...(bypassPeriods === undefined ? {} : { bypassPeriods }) }];
    net.flows[0] = { from: "cn-x", to: "JP", volume: 70, route: ["malacca"] };
    return net;
  }

  it("chokepoint closure cuts routed flows for its duration", () => {
    // t = 0..2 closed: inflow 10 + AU spare 5 = 15, r = 0.1875, loss 0.8125; t = 3 open, r = 1.
    // U = 3 × 0.8125 / 4 = 0.609375; TTR = 3 (short from t = 0, r ≥ 0.99 again at t = 3).
    const closure: ShockInput = { id: "k", type: "chokepoint_closure", chokepoint: "malacca", duration: 3 };
    const { base } = simulate(closureNetwork(), [closure], { horizon: 4 });
    expect(base.U).toBeCloseTo(0.609375, 12);
    expect(base.ttr).toBe(3);
  });

  it("chokepoint closure with bypassPeriods cuts only until traffic is rerouted", () => {
    // bypassPeriods 1: only t = 0 is cut. U = 0.8125 / 4 = 0.203125; TTR = 1.
    const closure: ShockInput = { id: "k", type: "chokepoint_closure", chokepoint: "malacca", duration: 3 };
    const { base } = simulate(closureNetwork(1), [closure], { horizon: 4 });
    expect(base.U).toBeCloseTo(0.203125, 12);
    expect(base.ttr).toBe(1);
  });

  it("outage cuts capacity; the producer's flows shrink pro rata", () => {
    // cn-x capacity 100 × 0.5 = 50 < planned 70 → flow 50, spare 0. Inflow 60; AU spare 5.
    // r = 65/80 = 0.8125, U = 0.1875.
    const { base } = simulate(twoSupplierNetwork(), [{ id: "o", type: "outage", producers: ["cn-x"], severity: 0.5 }]);
    expect(base.U).toBeCloseTo(0.1875, 12);
  });

  it("demand surge raises use and the demand that is scored", () => {
    // CN capacity 70 (no spare). Use and demand 80 × 1.25 = 100; inflow 80 + AU spare 5 = 85.
    // r = 0.85; loss (1 − 0.85) × 100 = 15; U = 15 / 80 = 0.1875 (scored on baseline demand 80).
    const net = twoSupplierNetwork();
    net.producers[0] = { id: "cn-x", country: "CN", good: "x", capacity: 70 };
    const { base } = simulate(net, [{ id: "s", type: "demand_surge", countries: ["JP"], goods: ["x"], severity: 0.25 }]);
    expect(base.U).toBeCloseTo(0.1875, 12);
  });

  it("overlapping cuts do not stack: the largest severity wins", () => {
    // export control 0.5 and blockade 0.6 both hit CN→JP: cut 0.6, not 1 − 0.5 × 0.4 = 0.8.
    // Same as the blockade alone: U = 0.4625.
    const { base } = simulate(twoSupplierNetwork(), [
      ecOnCN(0.5),
      { id: "b", type: "blockade", country: "CN", severity: 0.6 },
    ]);
    expect(base.U).toBeCloseTo(0.4625, 12);
  });
});

describe("stocks, switching and rationing", () => {
  it("draws commercial inventory before the strategic stockpile", () => {
    // inventory 1 period × 80 = 80; stockpile 0.5 periods × 80 = 40. Full cut: 10 + 5 = 15 arrive.
    // t0: gap 65 from inventory (15 left), r = 1. t1: 15 inventory + 40 stockpile, gap 10,
    // r = 70/80. t2: nothing left, r = 15/80. U = (0 + 0.125 + 0.8125)/3 = 0.3125.
    // Baseline: t1 r = 30/80 → U = (0 + 0.625 + 0.8125)/3 = 0.4791666…
    const policies: PolicyInput[] = [{ id: "sp", type: "stockpile", country: "JP", good: "x", periods: 0.5 }];
    const { byOption, base } = simulate(twoSupplierNetwork({ inventoryPeriods: 1 }), [ecOnCN()], {
      horizon: 3,
      policies,
      options: { stock: ["sp"] },
    });
    expect(byOption.get("stock")!.U).toBeCloseTo(0.3125, 12);
    expect(base.U).toBeCloseTo(1.4375 / 3, 12);
  });

  it("leaves the stockpile untouched while commercial inventory covers the gap", () => {
    // One period: gap 65 < inventory 80 → inventory 15 left, stockpile 40 untouched.
    const policies: PolicyInput[] = [{ id: "sp", type: "stockpile", country: "JP", good: "x", units: 40 }];
    const { prepared, byOption } = simulate(twoSupplierNetwork({ inventoryPeriods: 1 }), [ecOnCN()], {
      policies,
      options: { stock: ["sp"] },
    });
    expect(byOption.get("stock")!.U).toBe(0);
    const sim = prepared.simulators[1]!;
    const slot = prepared.networks[1]!.scoredSlot[0]!;
    expect(sim.stocksLeft(slot)).toEqual({ inventory: 15, stockpile: 40 });
  });

  it("ramps replacement requests over switchPeriods", () => {
    // AU capacity 60 (spare 50); switchPeriods 2; full cut of CN's 70.
    // t0: k = 0 → request 0, r = 10/80. t1: k = 1 → 70 × 1/2 = 35, r = 45/80.
    // t2: k = 2 → 70, AU sends its 50, r = 60/80. U = (0.875 + 0.4375 + 0.25)/3 = 0.5208333…
    const net = twoSupplierNetwork({ switchPeriods: 2 });
    net.producers[1] = { id: "au-x", country: "AU", good: "x", capacity: 60 };
    const { base } = simulate(net, [ecOnCN()], { horizon: 3 });
    expect(base.U).toBeCloseTo(1.5625 / 3, 12);
  });

  /** JP (80: CN 70, AU 10) and KR (10: CN 10) both lose CN; AU capacity 25 has 15 spare. */
  function twoConsumers(): NetworkInput {
    const net = twoSupplierNetwork();
    net.countries.push({ id: "KR", name: "Korea", groups: [] });
    net.producers[1] = { id: "au-x", country: "AU", good: "x", capacity: 25 };
    net.flows.push({ from: "cn-x", to: "KR", volume: 10 });
    net.demand.push({ country: "KR", good: "x", volume: 10 });
    return net;
  }
  const ecOnBoth: ShockInput = { id: "ec", type: "export_control", imposer: "CN", goods: ["x"], targets: ["JP", "KR"] };

  it("rations a producer's spare pro rata between two short consumers", () => {
    // JP asks AU min(70, 15) = 15, KR asks min(10, 15) = 10; 25 > 15 → scale 0.6: JP 9, KR 6.
    // JP r = (10 + 9)/80 = 0.2375 → U = 0.7625. KR r = 6/10 → U = 0.4.
    expect(simulate(twoConsumers(), [ecOnBoth]).base.U).toBeCloseTo(0.7625, 12);
    expect(simulate(twoConsumers(), [ecOnBoth], { home: "KR" }).base.U).toBeCloseTo(0.4, 12);
  });

  it("serves partnership members first", () => {
    // Partnership likeminded (JP, AU): JP's round first takes all 15 of AU's spare; KR gets 0.
    // JP r = 25/80 → U = 0.6875. KR r = 0 → U = 1.
    const extra = {
      policies: [{ id: "pt", type: "partnership", group: "likeminded", goods: ["x"] }] satisfies PolicyInput[],
      options: { partners: ["pt"] },
    };
    expect(simulate(twoConsumers(), [ecOnBoth], extra).byOption.get("partners")!.U).toBeCloseTo(0.6875, 12);
    expect(simulate(twoConsumers(), [ecOnBoth], { ...extra, home: "KR" }).byOption.get("partners")!.U).toBeCloseTo(1, 12);
  });

  it("propagates an input shortage through a two-tier bill of materials", () => {
    // ore (price 1) → metal (price 10, 2 ore per metal). JP imports ore 100 from CN and makes
    // metal (capacity 50, 50 to JP); KR makes metal from AU ore and sends JP 10. JP demand: ore 20,
    // metal 60. Export control cuts CN ore to JP by 0.4: ore r = 60/100 = 0.6 → JP metal output
    // 50 × 0.6 = 30; metal r = (30 + 10)/60 = 2/3.
    // U = (1 × 0.4 × 20 + 10 × (1/3) × 60) / (1 × 20 + 10 × 60) = (8 + 200)/620.
    const net: NetworkInput = {
      countries: [
        { id: "JP", name: "Japan" },
        { id: "CN", name: "China" },
        { id: "KR", name: "Korea" },
        { id: "AU", name: "Australia" },
      ],
      goods: [
        { id: "metal", name: "Metal", unit: "t", price: 10, inputs: { ore: 2 } },
        { id: "ore", name: "Ore", unit: "t", price: 1 },
      ],
      producers: [
        { id: "cn-ore", country: "CN", good: "ore", capacity: 100 },
        { id: "au-ore", country: "AU", good: "ore", capacity: 20 },
        { id: "jp-metal", country: "JP", good: "metal", capacity: 50 },
        { id: "kr-metal", country: "KR", good: "metal", capacity: 10 },
      ],
      flows: [
        { from: "cn-ore", to: "JP", volume: 100 },
        { from: "au-ore", to: "KR", volume: 20 },
        { from: "jp-metal", to: "JP", volume: 50 },
        { from: "kr-metal", to: "JP", volume: 10 },
      ],
      demand: [
        { country: "JP", good: "ore", volume: 20 },
        { country: "JP", good: "metal", volume: 60 },
      ],
    };
    const shock: ShockInput = { id: "ec", type: "export_control", imposer: "CN", goods: ["ore"], targets: ["JP"], severity: 0.4 };
    expect(simulate(net, [shock]).base.U).toBeCloseTo(208 / 620, 12);
  });
});

describe("policies", () => {
  const run = (policies: PolicyInput[], horizon = 1, net = twoSupplierNetwork()) =>
    simulate(net, [ecOnCN()], { horizon, policies, options: { p: policies.map((p) => p.id) } });

  it("diversify moves a share of inflow to the target group and builds the capacity it needs", () => {
    // 0.5 × 70 = 35 moves CN → AU (the only likeminded producer): AU flow 45, capacity 15 → 45.
    // Full cut of CN: inflow 45, AU spare 0 → r = 45/80, U = 0.4375. Baseline: 15/80 → 0.8125.
    const { byOption, base } = run([
      { id: "d", type: "diversify", country: "JP", good: "x", from: ["CN"], to: ["likeminded"], share: 0.5 },
    ]);
    expect(byOption.get("p")!.U).toBeCloseTo(0.4375, 12);
    expect(base.U).toBeCloseTo(0.8125, 12);
  });

  it("standby capacity comes online after buildPeriods and serves its own country", () => {
    // 30 units standby in JP from t = 1. t0: 10 + AU spare 5 → r = 15/80.
    // t1: inflow 10; request 70, E = 30 + 5 = 35 → r = 45/80. U = (0.8125 + 0.4375)/2 = 0.625.
    const { byOption } = run(
      [{ id: "c", type: "capacity", country: "JP", good: "x", units: 30, buildPeriods: 1, mode: "standby" }],
      2,
    );
    expect(byOption.get("p")!.U).toBeCloseTo(0.625, 12);
  });

  it("standby capacity of another country does not serve the home", () => {
    // 30 units standby in AU serve only AU: JP still gets 15/80 → U = 0.8125.
    const { byOption } = run([{ id: "c", type: "capacity", country: "AU", good: "x", units: 30, mode: "standby" }]);
    expect(byOption.get("p")!.U).toBeCloseTo(0.8125, 12);
  });

  it("displacing capacity supplies the home in peacetime and shrinks other inflows pro rata", () => {
    // 40 units of JP's 80 displace CN and AU by half: CN 35, AU 5 (spare 10), JP 40 (domestic).
    // Full cut of CN: 40 + 5 + AU spare 10 = 55 → r = 55/80, U = 0.3125.
    const { byOption } = run([{ id: "c", type: "capacity", country: "JP", good: "x", units: 40, mode: "displace" }]);
    expect(byOption.get("p")!.U).toBeCloseTo(0.3125, 12);
  });

  it("substitution lowers use and demand after its delay, in trials where it succeeds", () => {
    // share 0.25 from t = 1. t0: r = 15/80, loss 65. t1: use 60, CN 52.5 (cut), AU 7.5 + spare 7.5
    // → r = 15/60, loss 0.75 × 60 = 45. U = (65 + 45)/(2 × 80) = 0.6875.
    const { byOption } = run(
      [{ id: "s", type: "substitution", country: "JP", good: "x", share: 0.25, delayPeriods: 1 }],
      2,
    );
    expect(byOption.get("p")!.U).toBeCloseTo(0.6875, 12);
    // success probability 0: never succeeds → the baseline 0.8125
    const failed = run(
      [{ id: "s", type: "substitution", country: "JP", good: "x", share: 0.25, delayPeriods: 1, successProbability: 0 }],
      2,
    );
    expect(failed.byOption.get("p")!.U).toBeCloseTo(0.8125, 12);
  });

  it("recycling supplies a share of use immune to shocks", () => {
    // 0.25 × 80 = 20 recycled; CN 52.5 (cut), AU 7.5 + spare 7.5 → 35 → r = 35/80, U = 0.5625.
    const { byOption } = run([{ id: "r", type: "recycling", country: "JP", good: "x", share: 0.25 }]);
    expect(byOption.get("p")!.U).toBeCloseTo(0.5625, 12);
  });
});
