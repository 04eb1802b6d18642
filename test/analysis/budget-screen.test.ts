// The budget search's screen by hand: which candidates a common prefix of trials keeps, the
// default prefix, and a whole search on made-up per-trial results whose best is known.
import { describe, expect, it } from "vitest";
import { combinationsWithin, defaultScreen, searchBudget, screenContenders, screenZ } from "../../src/analysis/budget.ts";
import type { OptionSpec } from "../../src/engine/run.ts";

const f = (xs: number[]) => ({ unmet: Float64Array.from(xs) });

describe("screenContenders (objective: expected, the mean unmet share)", () => {
  // Four candidates on a prefix of 4 trials; b has the lowest mean, 0.25.
  const b = [0.1, 0.2, 0.3, 0.4];
  // t − b per trial: 0.02, −0.01, 0.03, 0 → mean 0.01; deviations 0.01, −0.02, 0.02, −0.01,
  // squares sum 0.001, sd = √(0.001/3) = 0.018257, se = sd/√4 = 0.0091287.
  const t = [0.12, 0.19, 0.33, 0.4];
  // c − b = 0.4 in every trial: mean 0.4, se 0.
  const c = [0.5, 0.6, 0.7, 0.8];
  // d − b per trial: 0.05, 0.05, −0.05, 0.05 → mean 0.025; deviations 0.025 ×3 and −0.075,
  // squares sum 3 × 0.000625 + 0.005625 = 0.0075, sd = √(0.0075/3) = 0.05, se = 0.025.
  const d = [0.15, 0.25, 0.25, 0.45];
  const prefix = [f(b), f(t), f(c), f(d)];

  it("keeps a near tie and a noisy candidate, drops the clearly beaten one (z = 1.96)", () => {
    // t: 0.01 ≤ 1.96 × 0.0091287 = 0.01789 → kept; d: 0.025 ≤ 1.96 × 0.025 = 0.049 → kept;
    // c: 0.4 > 1.96 × 0 → dropped.
    expect(screenContenders(prefix, "expected", 1.96)).toEqual([0, 1, 3]);
  });

  it("drops the near tie and the noisy one too when z is small (z = 0.5)", () => {
    // t: 0.01 > 0.5 × 0.0091287 = 0.00456; d: 0.025 > 0.5 × 0.025 = 0.0125 → both dropped.
    expect(screenContenders(prefix, "expected", 0.5)).toEqual([0]);
  });

  it("keeps an exact copy of the prefix best (difference 0, se 0)", () => {
    expect(screenContenders([f(c), f(b), f(b)], "expected", 3)).toEqual([1, 2]);
  });

  it("keeps a candidate whose risk standard error is undefined (fewer than 20 trials for a 5% tail)", () => {
    // 4 trials: k = 0.05 × 4 = 0.2 < 1, so the CVaR difference has no standard error.
    expect(screenContenders([f(b), f(c)], "risk", 3)).toEqual([0, 1]);
  });
});

describe("screen parameters", () => {
  it("z is the one-sided normal quantile at alpha over the number of comparisons", () => {
    // Φ⁻¹(1 − 0.05/2) = Φ⁻¹(0.975) = 1.959964; Φ⁻¹(1 − 0.05/1) = 1.644854 (standard tables)
    expect(screenZ(0.05, 2)).toBeCloseTo(1.959964, 5);
    expect(screenZ(0.05, 1)).toBeCloseTo(1.644854, 5);
  });

  it("screens on the first fifth of the trials, at least 400 for risk and 100 for the mean, and not when that is over half", () => {
    expect(defaultScreen(2000, "risk")).toEqual({ prefix: 400, alpha: 0.05 }); // max(400, 2000/5 = 400)
    expect(defaultScreen(10_000, "risk")).toEqual({ prefix: 2000, alpha: 0.05 }); // 10 000/5
    expect(defaultScreen(800, "risk")).toEqual({ prefix: 400, alpha: 0.05 }); // 2 × 400 ≤ 800
    expect(defaultScreen(799, "risk")).toBeNull(); // 2 × 400 > 799
    expect(defaultScreen(400, "expected")).toEqual({ prefix: 100, alpha: 0.05 }); // max(100, 80)
    expect(defaultScreen(199, "expected")).toBeNull();
  });

  it("enumerates the combinations within the budget, singles first, and gives up beyond a cap", () => {
    const ps = [
      { id: "a", cost: 1 },
      { id: "b", cost: 2 },
      { id: "c", cost: 3 },
    ];
    // within 3: a, b, c, a+b (3); a+c = 4, b+c = 5, a+b+c = 6 exceed it
    expect(combinationsWithin(ps, 3)?.map((s) => s.id)).toEqual(["a", "b", "c", "a+b"]);
    expect(combinationsWithin(ps, 3, 3)).toBeNull();
  });
});

describe("a screened search on made-up trials", () => {
  // Policies p1, p2, p3 at cost 1, budget 2: singles p1, p2, p3 and pairs p1+p2, p1+p3, p2+p3
  // (k = 6; the triple costs 3). 8 trials, the screen on the first 4.
  const rows: Record<string, number[]> = {
    // prefix as t above (mean 0.26), then 0 ×4: all 8 → 1.04/8 = 0.13, the true best
    "p1+p2": [0.12, 0.19, 0.33, 0.4, 0, 0, 0, 0],
    // prefix as b above (mean 0.25, best on the prefix), then 0.1 ×4: 1.4/8 = 0.175
    "p1+p3": [0.1, 0.2, 0.3, 0.4, 0.1, 0.1, 0.1, 0.1],
    // clearly beaten on the prefix (0.4 above p1+p3 in each trial): 5.2/8 = 0.65
    "p2+p3": [0.5, 0.6, 0.7, 0.8, 0.5, 0.6, 0.7, 0.8],
    p1: Array(8).fill(0.6),
    p2: Array(8).fill(0.7),
    p3: Array(8).fill(0.9),
  };
  const policies = [
    { id: "p1", cost: 1 },
    { id: "p2", cost: 1 },
    { id: "p3", cost: 1 },
  ];
  const baseline = f(Array(8).fill(1));
  const runs = (log: string[]) => async (specs: OptionSpec[], first: number, count: number) =>
    specs.map((s) => {
      log.push(`${s.id}@${first}+${count}`);
      return f(rows[s.id]!.slice(first, first + count));
    });

  it("confirms only the contenders and reports what the full search reports", async () => {
    const log: string[] = [];
    const screened = await searchBudget(policies, 2, "expected", baseline, runs(log), { prefix: 4, alpha: 0.05 });
    const full = await searchBudget(policies, 2, "expected", baseline, runs([]), null);
    // z = Φ⁻¹(1 − 0.05/((6 − 1) + (3 − 1))) = Φ⁻¹(0.992857) ≈ 2.45.
    // Pairs and singles against p1+p3: p1+p2 0.01 ≤ 2.45 × 0.0091287 = 0.0224 → kept;
    // p2+p3 0.4 with se 0 → dropped; p1 − (p1+p3) = 0.5, 0.4, 0.3, 0.2: mean 0.35, sd 0.1291,
    // se 0.0645, 0.35 > 0.158 → dropped there, but p1 is the best single on the prefix, kept by
    // the singles' screen, where p2 (0.1 above p1 every trial) and p3 (0.3) are dropped.
    expect(log.filter((l) => l.endsWith("@4+4")).sort()).toEqual(["p1+p2@4+4", "p1+p3@4+4", "p1@4+4"]);
    expect(screened.screened).toEqual({ prefix: 4, alpha: 0.05, confirmed: 3 });
    expect(screened.evaluated).toBe(6);
    // best on all 8 trials: p1+p2, 100 × 0.13 = 13 points; best single p1, 60 points
    expect(screened.best?.id).toBe("p1+p2");
    expect(screened.best?.value).toBeCloseTo(13, 12);
    expect(screened.bestSingle?.id).toBe("p1");
    expect(screened.bestSingle?.value).toBeCloseTo(60, 12);
    // vs baseline (1 in every trial): 13 − 100 = −87; vs p1: 13 − 60 = −47
    expect(screened.vsBaseline?.diff).toBeCloseTo(-87, 12);
    expect(screened.vsBestSingle?.diff).toBeCloseTo(-47, 12);
    // the full search scores all six on all trials and agrees in every number
    expect(full.screened).toBeNull();
    const { screened: _s, ...a } = screened;
    const { screened: _f, ...b } = full;
    expect(a).toEqual(b);
  });
});
