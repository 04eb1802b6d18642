import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { cvar, meanCi } from "../../src/stats/index.ts";

/** U = 0.7 with probability 0.3, else 0: mean 0.21; the worst 5% all sit at 0.7, so CVaR95 = 0.7. */
function bernoulliLosses(rng: () => number, n: number): Float64Array {
  const u = new Float64Array(n);
  for (let i = 0; i < n; i++) u[i] = rng() < 0.3 ? 0.7 : 0;
  return u;
}

const contains = ([lo, hi]: [number, number], x: number): boolean => lo <= x && x <= hi;

describe("interval coverage", () => {
  it("Bernoulli(0.3)×0.7, 2000 trials: the mean interval holds 0.21, CVaR is 0.70", () => {
    const u = bernoulliLosses(seedrandom.alea("x"), 2000);
    expect(contains(meanCi(u).ci95, 0.21)).toBe(true);
    const r = cvar(u);
    // k = 100 of ≈600 trials at 0.7: the tail and the VaR are all 0.7, so se = 0.
    expect(r.value).toBe(0.7);
    expect(contains(r.ci95, 0.7)).toBe(true);
  });

  it("the mean interval covers 0.21 in about 95% of 400 replications", () => {
    let covered = 0;
    for (let rep = 0; rep < 400; rep++) {
      if (contains(meanCi(bernoulliLosses(seedrandom.alea(`mean-${rep}`), 2000)).ci95, 0.21)) covered++;
    }
    // Binomial(400, 0.95): mean 380, sd √(400·0.95·0.05) ≈ 4.4; allow ±3.2 sd.
    expect(covered).toBeGreaterThanOrEqual(366);
    expect(covered).toBeLessThanOrEqual(394);
  });

  it("the CVaR interval covers the Uniform(0, 1) CVaR95 = 0.975 in about 95% of 400 replications", () => {
    let covered = 0;
    for (let rep = 0; rep < 400; rep++) {
      const rng = seedrandom.alea(`cvar-${rep}`);
      const u = new Float64Array(2000);
      for (let i = 0; i < u.length; i++) u[i] = rng();
      // Mean of U over its top 5%: (0.95 + 1)/2 = 0.975.
      if (contains(cvar(u).ci95, 0.975)) covered++;
    }
    // An asymptotic interval with k = 100 tail trials; allow some slack below nominal.
    expect(covered).toBeGreaterThanOrEqual(356);
    expect(covered).toBeLessThanOrEqual(394);
  });
});
