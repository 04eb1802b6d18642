// One hand-computed test per market mechanism (docs/model.md, "Markets that adapt") on the
// two-supplier network: JP uses 80 of x, 70 from CN (capacity 100), 10 from AU (capacity 15).
// Probability 1 and fixed numbers: every expected value is worked out in the comments.
import { describe, expect, it } from "vitest";
import { prepareRun, runTrials } from "../../src/engine/run.ts";
import { makeShockSampler, newShockDraws, sampleShocks } from "../../src/engine/sample.ts";
import { type SeriesSpec, traceTrials } from "../../src/engine/trace.ts";
import { rngFor } from "../../src/engine/rng.ts";
import type { NetworkInput, ScenarioInput, ShockInput } from "../../src/scenario/schema.ts";
import { scenarioOf, twoSupplierNetwork } from "./builders.ts";

type Market = NonNullable<ScenarioInput["markets"]>[string];

const ecOnCN = (over: Partial<ShockInput> = {}): ShockInput =>
  ({ id: "ec", type: "export_control", imposer: "CN", goods: ["x"], targets: ["JP"], ...over }) as ShockInput;

function scenario(network: NetworkInput, shocks: ShockInput[], horizon: number, market?: Market) {
  return scenarioOf(network, { home: "JP", horizon, shocks, ...(market ? { markets: { x: market } } : {}) });
}

/** U of trial 0 (baseline). */
function unmet(network: NetworkInput, shocks: ShockInput[], horizon: number, market?: Market): number {
  return runTrials(prepareRun(scenario(network, shocks, horizon, market)), 0, 1)[0]!.unmet[0]!;
}

/** One trial's per-period values of each series (baseline). */
function trace(network: NetworkInput, shocks: ShockInput[], horizon: number, market: Market | undefined, specs: SeriesSpec[]): number[][] {
  const traced = traceTrials(prepareRun(scenario(network, shocks, horizon, market)), specs, 0, 1);
  return specs.map((_, k) => Array.from(traced.values.subarray(k * horizon, (k + 1) * horizon)));
}

describe("licensing path", () => {
  it("multiplies the severity by a piecewise-linear level of the periods since the start", () => {
    // levels: k=0 → 1, k=1 → 1 + (0.3 − 1)·(1/2) = 0.65, k≥2 → 0.3 (held after the last point).
    // t0: CN 0, AU 10 + spare 5 = 15, r = 15/80 = 0.1875, loss 0.8125
    // t1: CN 70·0.35 = 24.5, AU 10 + 5 → 39.5, r = 0.49375, loss 0.50625
    // t2, t3: CN 70·0.7 = 49, + 10 + 5 = 64, r = 0.8, loss 0.2
    // U = (0.8125 + 0.50625 + 0.2 + 0.2) / 4 = 0.4296875
    const path = [
      { after: 0, level: 1 },
      { after: 2, level: 0.3 },
    ];
    expect(unmet(twoSupplierNetwork(), [ecOnCN({ path })], 4)).toBeCloseTo(0.4296875, 12);
  });

  it("draws an uncertain level from the shock's severity uniform, leaving every other draw in place", () => {
    // Shock a has severity U(0, 1) and a level U(0, 1): both are the same inverse CDF of the same
    // uniform, so level = severity in every trial. Shock b's draws are identical with or without a's path.
    const b: ShockInput = { id: "b", type: "outage", country: "AU", goods: ["x"], severity: { dist: "uniform", min: 0, max: 1 } };
    const a = (path?: ShockInput["path"]) => ecOnCN({ id: "a", severity: { dist: "uniform", min: 0, max: 1 }, ...(path ? { path } : {}) });
    const withPath = scenario(twoSupplierNetwork(), [a([{ after: 0, level: { dist: "uniform", min: 0, max: 1 } }]), b], 2);
    const without = scenario(twoSupplierNetwork(), [a(), b], 2);
    const s1 = makeShockSampler(withPath.shocks, 2, () => -1);
    const s2 = makeShockSampler(without.shocks, 2, () => -1);
    const d1 = newShockDraws(2, s1);
    const d2 = newShockDraws(2, s2);
    for (let trial = 0; trial < 20; trial++) {
      sampleShocks(s1, rngFor(7, trial), d1);
      sampleShocks(s2, rngFor(7, trial), d2);
      expect(d1.pathLevel[0]).toBe(d1.severity[0]);
      expect(d1.severity[1]).toBe(d2.severity[1]);
      expect(d1.start[1]).toBe(d2.start[1]);
    }
  });
});

describe("supply response", () => {
  it("adds capacity outside the coercion after the lag, up to the ceiling, and keeps it", () => {
    // CN's flow is cut whole every period; only AU (not coerced) grows. World short from t0.
    // t0: 10 + spare 5 = 15 → loss 0.8125; t − since = 0 < lag 1: no growth.
    // t1: same 15 → 0.8125; then AU +0.2.   t2: AU cap 15·1.2 = 18, spare 8 → 18, loss 62/80 = 0.775; AU → +0.3 (ceiling).
    // t3: AU cap 19.5, spare 9.5 → loss 60.5/80 = 0.75625.
    // U = (0.8125 + 0.8125 + 0.775 + 0.75625) / 4 = 0.7890625
    const market = { supplyLag: 1, supplyRate: 0.2, supplyCeiling: 0.3 };
    expect(unmet(twoSupplierNetwork(), [ecOnCN()], 4, market)).toBeCloseTo(0.7890625, 12);
    // without it: 0.8125 every period
    expect(unmet(twoSupplierNetwork(), [ecOnCN()], 4)).toBeCloseTo(0.8125, 12);
  });
});

describe("stock refill", () => {
  it("rebuilds inventory from suppliers' spare after the shock: imports rebound above the baseline", () => {
    // inventory 1 period = 80. t0 (cut): 10 + AU spare 5 = 15 delivered, 65 from stock (left 15), r = 1.
    // t1 (over): flows deliver 80; refill want = min(80 − 15, 80/2) = 40; spare CN 30 + AU 5 = 35 → all
    //   of it: imports 80 + 35 = 115, inventory 50.
    // t2: want min(30, 40) = 30 ≤ 35 spare → imports 110, inventory 80.   t3: full, imports 80.
    const net = twoSupplierNetwork({ inventoryPeriods: 1 });
    const [imports, stock] = trace(net, [ecOnCN({ duration: 1 })], 4, { refillPeriods: 2 }, [
      { measure: "imports", good: "x", country: "JP" },
      { measure: "stock", good: "x", country: "JP" },
    ]);
    expect(imports![0]).toBeCloseTo(15, 5);
    expect(imports![1]).toBeCloseTo(115, 5);
    expect(imports![2]).toBeCloseTo(110, 5);
    expect(imports![3]).toBeCloseTo(80, 5);
    expect(stock).toEqual([15, 50, 80, 80]);
  });
});

describe("strategic stock refill", () => {
  it("rebuilds a stockpile whose policy sets refillPeriods, like commercial inventory", () => {
    // no inventory; stockpile 80 units. t0: 15 delivered, 65 from the stockpile (left 15).
    // t1: want min(80 − 15, 80/2) = 40, spare 35 → imports 115, stockpile 50. t2: 30 → 110, 80. t3: 80.
    const s = scenarioOf(twoSupplierNetwork(), {
      home: "JP",
      horizon: 4,
      shocks: [ecOnCN({ duration: 1 })],
      policies: [{ id: "sp", type: "stockpile", country: "JP", good: "x", units: 80, refillPeriods: 2 }],
      options: { sp: ["sp"] },
    });
    const prepared = prepareRun(s, { options: [{ id: "sp", policies: ["sp"], cost: 0 }] });
    const traced = traceTrials(prepared, [{ measure: "imports", good: "x", country: "JP" }, { measure: "stock", good: "x", country: "JP" }], 0, 1);
    expect(Array.from(traced.values.subarray(0, 4))).toEqual([15, 115, 110, 80]);
    expect(Array.from(traced.values.subarray(4, 8))).toEqual([15, 50, 80, 80]);
  });
});

describe("sticky re-sourcing", () => {
  it("keeps a share of the volume moved to the new supplier after the shock: the coercer's lost share", () => {
    // AU capacity 100 (spare 90), stickyShare 0.5, control for 2 periods.
    // t0: CN 0; JP asks 70 of AU's spare, gets 70; kept = 0.5·(0 + 70) = 35.
    // t1: CN's ever-cut flow shrinks by 35/70 → plan 35, cut → 0; AU ships 10 + standing 35 = 45;
    //     missing 35 comes as replacement; kept = max(35, 0.5·(35 + 35)) = 35.
    // t2, t3 (over): CN 35, AU 45: imports from CN 35 (half the baseline 70), from AU 45; r = 1.
    const net = twoSupplierNetwork();
    net.producers[1]!.capacity = 100;
    const [fromCN, fromAU, avail] = trace(net, [ecOnCN({ duration: 2 })], 4, { stickyShare: 0.5 }, [
      { measure: "imports", good: "x", country: "JP", from: "CN" },
      { measure: "imports", good: "x", country: "JP", from: "AU" },
      { measure: "availability", good: "x", country: "JP" },
    ]);
    expect(fromCN).toEqual([0, 0, 35, 35]);
    expect(fromAU).toEqual([80, 80, 45, 45]);
    expect(avail).toEqual([1, 1, 1, 1]);
  });
});

describe("price index and demand response", () => {
  it("sets the price from availability, capped, and lets next period's demand fall with it", () => {
    // ε = 0.5 (P = A^−2), cap 10, η = 0.5; CN cut whole; AU delivers 10 + spare 5 = 15 every period.
    // t0: d = 1, A = 15/80 = 0.1875 → 28.4 → capped at 10.
    // t1: d = 10^−0.5, use 80·d = 25.30, A = 15/25.30 → P = (80·d/15)² = 6400·0.1/225 = 2.8444…
    // t2: d = 2.8444^−0.5 = 15/√640, use = 80·d = 1200/√640, A = 15/use = √640/80 → P = A^−2 = 6400/640 = 10.
    // Unmet counts the demand given up: 1 − d·r = 1 − 15/80 = 0.8125 each period.
    const market = { priceElasticity: 0.5, priceCap: 10, demandElasticity: 0.5 };
    const [price] = trace(twoSupplierNetwork(), [ecOnCN()], 3, market, [{ measure: "price", good: "x" }]);
    expect(price![0]).toBeCloseTo(10, 5);
    expect(price![1]).toBeCloseTo(640 / 225, 5);
    expect(price![2]).toBeCloseTo(10, 4);
    expect(unmet(twoSupplierNetwork(), [ecOnCN()], 3, market)).toBeCloseTo(0.8125, 12);
  });

  it("adjusts part of the way each period with priceAdjust, and is 1 without a shortage", () => {
    // target 10 every period (as above, no demand response); λ = 0.5: P = P₋₁^0.5 · 10^0.5:
    // t0 √10 = 3.16228, t1 √(3.16228·10) = 5.62341, t2 √(5.62341·10) = 7.49894. t3: the control is
    // over (duration 3), A = 1, target 1 → P = √7.49894 = 2.73842 (it eases, not snaps).
    const market = { priceElasticity: 0.5, priceCap: 10, priceAdjust: 0.5 };
    const [price] = trace(twoSupplierNetwork(), [ecOnCN({ duration: 3 })], 4, market, [{ measure: "price", good: "x" }]);
    expect(price![0]).toBeCloseTo(3.16228, 4);
    expect(price![1]).toBeCloseTo(5.62341, 4);
    expect(price![2]).toBeCloseTo(7.49894, 4);
    expect(price![3]).toBeCloseTo(2.73842, 4);
    const [calm] = trace(twoSupplierNetwork(), [], 3, market, [{ measure: "price", good: "x" }]);
    expect(calm).toEqual([1, 1, 1]);
  });
});
