import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { cvar, pairedCvarDiff, pairedMeanDiff, unpairedCvarDiffCi, Z95 } from "../../src/stats/index.ts";

function scrambled(n: number, from: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = ((i * 7) % n) + from;
  return out;
}

describe("paired mean difference", () => {
  it("is the mean of a − b with se = sd(a − b)/√N", () => {
    // a − b = [1, 2, 2, 3]: mean 2; s² = (1 + 0 + 0 + 1)/3 = 2/3; se = √(2/3 / 4) = √(1/6).
    const r = pairedMeanDiff(Float64Array.of(1, 2, 3, 4), Float64Array.of(0, 0, 1, 1));
    expect(r.diff).toBe(2);
    expect(r.se).toBeCloseTo(Math.sqrt(1 / 6), 14);
    expect(r.ci95[1]).toBeCloseTo(2 + Z95 * Math.sqrt(1 / 6), 13);
  });

  it("has zero width when the options differ by the same amount in every trial", () => {
    const b = scrambled(50, 0);
    const a = b.map((x) => x + 3);
    expect(pairedMeanDiff(a, b)).toEqual({ diff: 3, ci95: [3, 3], se: 0 });
  });

  it("rejects samples of different lengths", () => {
    expect(() => pairedMeanDiff(new Float64Array(3), new Float64Array(4))).toThrow(RangeError);
    expect(() => pairedCvarDiff(new Float64Array(3), new Float64Array(4))).toThrow(RangeError);
  });
});

describe("CVaR differences", () => {
  it("a shift by 2 in every trial: paired se 0, unpaired se √(1² + 1²)", () => {
    const b = scrambled(20, 0); // 0..19: CVaR 19, se 1 (see cvar.test.ts)
    const a = b.map((x) => x + 2); // 2..21: CVaR 21, se 1; IF_a(a_i) = IF_b(b_i) in every trial
    const paired = pairedCvarDiff(a, b);
    expect(paired.diff).toBe(2);
    expect(paired.se).toBe(0);
    expect(paired.ci95).toEqual([2, 2]);
    const unpaired = unpairedCvarDiffCi(a, b);
    expect(unpaired.diff).toBe(2);
    expect(unpaired.se).toBeCloseTo(Math.SQRT2, 13);
  });

  it("identical options: zero difference, zero-width intervals", () => {
    const v = new Float64Array(400).fill(0.25);
    expect(pairedCvarDiff(v, v)).toEqual({ diff: 0, ci95: [0, 0], se: 0 });
    expect(unpairedCvarDiffCi(v, v)).toEqual({ diff: 0, ci95: [0, 0], se: 0 });
  });

  it("pairing narrows the interval for positively correlated options", () => {
    // Common random numbers: both options see the same shock s_i; the policy scales it down.
    const rng = seedrandom.alea("paired");
    const n = 5000;
    const base = new Float64Array(n);
    const policy = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const shock = -Math.log(1 - rng()); // Exp(1)
      base[i] = shock;
      policy[i] = 0.8 * shock + 0.05 * rng();
    }
    const paired = pairedCvarDiff(base, policy);
    const unpaired = unpairedCvarDiffCi(base, policy);
    expect(paired.diff).toBe(cvar(base).value - cvar(policy).value);
    expect(unpaired.diff).toBe(paired.diff);
    expect(paired.se).toBeGreaterThan(0);
    expect(paired.se).toBeLessThan(0.5 * unpaired.se);
    expect(paired.ci95[1] - paired.ci95[0]).toBeLessThan(unpaired.ci95[1] - unpaired.ci95[0]);
  });
});
