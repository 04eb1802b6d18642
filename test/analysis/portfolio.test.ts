// The portfolio search (src/analysis/portfolio.ts) on scores computed in the test: the greedy
// search with swaps against exhaustive enumeration on 14 candidates, the frontier, the marginal
// value of budget, and the weighted combination of paired differences.
import { describe, expect, it } from "vitest";
import { nationalDiff, perCost, searchPortfolio } from "../../src/analysis/portfolio.ts";

/**
 * 14 candidates acting on 4 threats (weights 0.4, 0.3, 0.2, 0.1; 100 points each when nothing is
 * done). A candidate keeps a share of its threat's score; candidates on the same threat multiply
 * (diminishing returns), so the best set is not the sum of the best singles.
 */
const threatOf = [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3];
const keeps = [0.5, 0.7, 0.8, 0.9, 0.4, 0.6, 0.85, 0.95, 0.5, 0.75, 0.9, 0.3, 0.6, 0.8];
const costs = [30, 12, 8, 3, 40, 18, 6, 2, 25, 10, 4, 35, 12, 5];
const weights = [0.4, 0.3, 0.2, 0.1];
const score = (set: readonly number[]): number =>
  weights.reduce((s, w, t) => s + w * 100 * set.filter((c) => threatOf[c] === t).reduce((p, c) => p * keeps[c]!, 1), 0);
const evaluate = async (sets: readonly number[][]): Promise<number[]> => sets.map(score);

describe("portfolio search on 14 candidates", () => {
  it.each([20, 45, 80, 130])("budget %i: beam search with swaps finds the set exhaustive enumeration finds", async (budget) => {
    const exhaustive = await searchPortfolio(costs, budget, evaluate, "exhaustive");
    const heuristic = await searchPortfolio(costs, budget, evaluate, "beam-swap");
    expect(exhaustive.evaluated).toBe(2 ** 14);
    expect(heuristic.evaluated).toBeLessThan(2 ** 14 / 4);
    expect(heuristic.best!.members).toEqual(exhaustive.best!.members);
    expect(heuristic.best!.value).toBe(exhaustive.best!.value);
  });
  it("over budgets 5, 10, … 210 it equals enumeration at 39 of 42 and misses by at most 1.1 points elsewhere (how close to optimal it is)", async () => {
    // the optimum at each budget by brute force here, independently of the search's enumeration
    const all = Array.from({ length: 2 ** 14 }, (_, mask) => costs.map((_, i) => i).filter((i) => (mask >> i) & 1));
    const scoredAll = all.map((set) => ({ cost: set.reduce((t, i) => t + costs[i]!, 0), value: score(set) }));
    let equal = 0;
    let worst = 0;
    for (let budget = 5; budget <= 210; budget += 5) {
      const e = Math.min(...scoredAll.filter((x) => x.cost <= budget).map((x) => x.value));
      const h = (await searchPortfolio(costs, budget, evaluate, "beam-swap")).best!.value;
      expect(h).toBeGreaterThanOrEqual(e); // enumeration is the optimum
      if (h === e) equal++;
      worst = Math.max(worst, h - e);
    }
    expect(equal).toBeGreaterThanOrEqual(39);
    expect(worst).toBeLessThan(1.1);
  });
  it("the default method is exhaustive up to 12 candidates and the stated search beyond", async () => {
    expect((await searchPortfolio(costs.slice(0, 12), 50, evaluate)).method).toBe("exhaustive");
    expect((await searchPortfolio(costs, 50, evaluate)).method).toBe("beam-swap");
  });
});

describe("frontier and marginal value", () => {
  // Two candidates: A costs 10 and removes 30 of 100 points, B costs 4 and removes 10; together 40.
  const values: Record<string, number> = { "": 100, "0": 70, "1": 90, "0,1": 60 };
  const ev = async (sets: readonly number[][]) => sets.map((s) => values[s.join(",")]!);
  it("lists the best set at each cost and what the next unit of budget buys", async () => {
    const r = await searchPortfolio([10, 4], 12, ev);
    expect(r.frontier.map((s) => [s.cost, s.value])).toEqual([[0, 100], [4, 90], [10, 70], [14, 60]]);
    expect(r.best!.members).toEqual([0]);
    // from 70 at budget 12 to 60 at cost 14: 10 points for 2 more units = 5 per unit
    expect(r.marginal!.perUnit).toBeCloseTo(5, 12);
    expect(r.marginal!.nextCost).toBe(14);
  });
  it("has no chosen set and no marginal value without a budget", async () => {
    const r = await searchPortfolio([10, 4], undefined, ev);
    expect(r.best).toBeNull();
    expect(r.marginal).toBeNull();
  });
});

describe("combining threats", () => {
  it("adds weighted differences and their variances (threats are simulated independently)", () => {
    // se of each from its interval: (hi − lo) / (2 × 1.96); weights 2 and 1:
    // diff = 2 × (−3) + 1 × (−4) = −10; se = √((2 × 1)² + (1 × 2)²) = √8 = 2.828
    const z = 1.959963984540054;
    const d = nationalDiff([
      { weight: 2, diff: { diff: -3, ci95: [-3 - z, -3 + z] } },
      { weight: 1, diff: { diff: -4, ci95: [-4 - 2 * z, -4 + 2 * z] } },
    ]);
    expect(d.diff).toBeCloseTo(-10, 12);
    expect(d.ci95[1] - d.ci95[0]).toBeCloseTo(2 * z * Math.sqrt(8), 9);
  });
  it("turns a difference into points removed per unit cost, interval included", () => {
    expect(perCost({ diff: -10, ci95: [-12, -8] }, 4)).toEqual({ diff: 2.5, ci95: [2, 3] });
    expect(perCost({ diff: -10, ci95: [-12, -8] }, 0)).toBeNull();
  });
});
