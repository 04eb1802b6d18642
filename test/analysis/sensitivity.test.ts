import { describe, expect, it } from "vitest";
import type { SweepRow } from "../../src/analysis/sweep-rows.ts";
import { bestOptions, rankRegression, ranks, tornado } from "../../src/analysis/sensitivity.ts";

const row = (point: number, values: number[], option: string, risk: number): SweepRow => ({
  point,
  values,
  option,
  trials: 100,
  seed: 1,
  cost: 0,
  autonomy: 0,
  autonomy_lo: 0,
  autonomy_hi: 0,
  risk,
  risk_lo: 0,
  risk_hi: 0,
  risk_diff: 0,
  risk_diff_lo: 0,
  risk_diff_hi: 0,
  expected: 0,
  expected_lo: 0,
  expected_hi: 0,
});

// a 3×3 grid: a slowest, b fastest
const a = [1, 1, 1, 2, 2, 2, 3, 3, 3];
const b = [1, 2, 3, 1, 2, 3, 1, 2, 3];

describe("standardized rank regression coefficients", () => {
  it("ranks ties by the mean of their positions", () => {
    expect(ranks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
  });

  it("gives 1 to the only parameter that matters and 0 to one that does not", () => {
    const fit = rankRegression([a, b], a.map((x) => 5 * x));
    expect(fit.srrc[0]).toBeCloseTo(1, 12);
    expect(fit.srrc[1]).toBeCloseTo(0, 12);
    expect(fit.r2).toBeCloseTo(1, 12);
  });

  it("is symmetric for y = a + b and changes sign for y = a − b", () => {
    // On a balanced grid the parameters' ranks are uncorrelated, so SRRC_j = corr(rank y, rank x_j).
    // y = a + b takes 2..6 with counts 1, 2, 3, 2, 1: ranks 1, 2.5, 5, 7.5, 9; both coefficients equal.
    const plus = rankRegression([a, b], a.map((x, i) => x + b[i]!));
    expect(plus.srrc[0]).toBeCloseTo(plus.srrc[1]!, 12);
    expect(plus.srrc[0]).toBeGreaterThan(0.6);
    const minus = rankRegression([a, b], a.map((x, i) => x - b[i]!));
    expect(minus.srrc[0]).toBeCloseTo(-minus.srrc[1]!, 12);
  });

  it("says n/a for a parameter that never varies or an output that is constant", () => {
    expect(rankRegression([a, a.map(() => 7)], a).srrc).toEqual([expect.closeTo(1, 12), undefined]);
    expect(rankRegression([a, b], a.map(() => 4))).toEqual({ srrc: [undefined, undefined], r2: undefined });
  });
});

describe("tornado and best option", () => {
  it("ranks parameters by |risk at high − risk at low|, per option", () => {
    // point 0 base (a = 2, b = 20); 1, 2: a at 1 and 3; 3, 4: b at 10 and 30
    const varied = [undefined, 0, 0, 1, 1];
    const rows = [
      row(0, [2, 20], "baseline", 50),
      row(1, [1, 20], "baseline", 45),
      row(2, [3, 20], "baseline", 56),
      row(3, [2, 10], "baseline", 30),
      row(4, [2, 30], "baseline", 70),
    ];
    const bars = tornado(rows, 2, (p) => varied[p]);
    expect(bars.map((bar) => [bar.parameter, bar.low, bar.high, bar.swing])).toEqual([
      [1, 10, 30, 40],
      [0, 1, 3, 11],
    ]);
  });

  it("finds the option with the lowest risk at each point (ties: the earlier option)", () => {
    const rows = [row(0, [1], "baseline", 9), row(0, [1], "a", 5), row(0, [1], "b", 5), row(1, [2], "baseline", 9), row(1, [2], "a", 7), row(1, [2], "b", 3)];
    expect(bestOptions(rows).map((x) => x.row.option)).toEqual(["a", "b"]);
  });
});
