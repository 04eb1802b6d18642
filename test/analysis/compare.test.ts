// Comparing options: dominance and the frontier, stable ranking, and budget search by hand.
import { describe, expect, it } from "vitest";
import { prepareRun, runTrials } from "../../src/engine/run.ts";
import { searchBudget } from "../../src/analysis/budget.ts";
import { rankOptions, efficientFrontier } from "../../src/analysis/compare.ts";
import type { PolicyInput } from "../../src/scenario/schema.ts";
import { optionTrialsOf } from "../../src/stats/score-options.ts";
import { scenarioOf, twoStockpiles, twoSupplierNetwork, uncertainControlOnCN } from "../engine/builders.ts";

describe("efficient frontier", () => {
  it("keeps the options no other beats on both cost and value", () => {
    // c is dominated by b (cheaper and lower); d ties a on value but costs more → dominated.
    const points = [
      { id: "a", cost: 0, value: 30 },
      { id: "b", cost: 10, value: 20 },
      { id: "c", cost: 15, value: 25 },
      { id: "d", cost: 5, value: 30 },
      { id: "e", cost: 40, value: 5 },
    ];
    expect(efficientFrontier(points)).toEqual(["a", "b", "e"]);
  });
});

describe("compare on a constructed scenario", () => {
  // A (3 periods of stockpile for 10) costs less and never does worse than B (1 period for 20):
  // per trial, a larger stockpile never raises U. B must be dominated and off the frontier.
  const shocks = uncertainControlOnCN();
  const policies = twoStockpiles();
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`ranks A above B and marks B dominated (seed ${seed})`, () => {
      const scenario = scenarioOf(twoSupplierNetwork({ inventoryPeriods: 0.5 }), {
        home: "JP",
        horizon: 12,
        seed,
        shocks,
        policies,
        options: { A: ["big"], B: ["small"] },
      });
      const prepared = prepareRun(scenario);
      const trials = optionTrialsOf(prepared.options, runTrials(prepared, 0, 2000));
      const c = rankOptions(trials, prepared.scoredGoods, "risk");
      expect(c.options.map((o) => o.id)).toEqual(["A", "B", "baseline"]);
      expect(c.frontier).toEqual(["baseline", "A"]);
      const b = c.options.find((o) => o.id === "B")!;
      expect(b.frontier).toBe(false);
      expect(b.significant.vsBaseline).toBe(true);
      expect(b.significant.aboveDiff?.id).toBe("A");
      // risk points removed per unit cost: −Δrisk / cost
      expect(b.perCost).toBeCloseTo(-b.vsBaseline.risk.diff / 20, 12);
    });
  }
});

describe("budget search", () => {
  // One period, CN cut entirely: baseline JP gets AU's 10 + 5 spare = 15 of 80.
  // Gains in supply (each policy alone, and they add up while supply stays below 80):
  //   s20 stockpile 20 units, cost 30 → +20      s40 stockpile 40 units, cost 50 → +40
  //   rec recycling 0.3, cost 40: 24 recycled, CN 49 cut, AU 7 + spare 8 → 39, i.e. +24
  //   cap standby 30 units in JP, cost 60 → +30
  // Budget 100: {s20,s40} 80 → +60; {s40,rec} 90 → +64; {s20,rec} 70 → +44; {s20,cap} 90 → +50;
  // {rec,cap} 100 → +54; {s40,cap} 110 and every triple exceed it. Best: s40 + rec, supply 79:
  // U = 1/80 → risk 1.25. Best single: s40 (+40): U = 25/80 → risk 31.25.
  it("finds the best subset computed by hand", async () => {
    const policies: PolicyInput[] = [
      { id: "s20", type: "stockpile", country: "JP", good: "x", units: 20, cost: 30 },
      { id: "s40", type: "stockpile", country: "JP", good: "x", units: 40, cost: 50 },
      { id: "rec", type: "recycling", country: "JP", good: "x", share: 0.3, cost: 40 },
      { id: "cap", type: "capacity", country: "JP", good: "x", units: 30, mode: "standby", cost: 60 },
    ];
    const scenario = scenarioOf(twoSupplierNetwork(), {
      home: "JP",
      horizon: 1,
      shocks: [{ id: "ec", type: "export_control", imposer: "CN", goods: ["x"], targets: ["JP"] }],
      policies,
    });
    const N = 40;
    const evaluate = async (specs: { id: string; policies: string[]; cost: number }[], first: number, count: number) => {
      const prepared = prepareRun(scenario, { options: specs });
      return optionTrialsOf(prepared.options, runTrials(prepared, first, count));
    };
    const [baseline] = await evaluate([{ id: "baseline", policies: [], cost: 0 }], 0, N);
    const result = await searchBudget(scenario.policies, 100, "risk", baseline!, evaluate);
    expect(result.method).toBe("exhaustive");
    expect(result.best?.policies).toEqual(["s40", "rec"]);
    expect(result.best?.cost).toBe(90);
    expect(result.best?.value).toBeCloseTo(1.25, 9);
    expect(result.bestSingle?.id).toBe("s40");
    expect(result.bestSingle?.value).toBeCloseTo(31.25, 9);
    // baseline risk 100 × 65/80 = 81.25; the best removes 80 points, 30 more than s40 alone
    expect(result.vsBaseline?.diff).toBeCloseTo(-80, 9);
    expect(result.vsBestSingle?.diff).toBeCloseTo(-30, 9);
    // 4 singles + 5 affordable pairs
    expect(result.evaluated).toBe(9);
  });
});
