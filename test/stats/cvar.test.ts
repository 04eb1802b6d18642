import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cvar, cvarInfluence, cvarTail, meanCi, Z95 } from "../../src/stats/index.ts";

/** 1..n (or 0..n−1 with `from = 0`) in a scrambled but fixed order: i·7 mod n is a permutation when gcd(7, n) = 1. */
function scrambled(n: number, from = 1): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = ((i * 7) % n) + from;
  return out;
}

/** MODEL §5 written out literally: sort worst first, k = p·N, whole terms then the fractional one. */
function literalCvar(values: readonly number[], p: number): number {
  const u = [...values].sort((x, y) => y - x);
  const k = p * u.length;
  const m = Math.floor(k);
  let s = 0;
  for (let i = 0; i < m; i++) s += u[i]!;
  if (m < u.length) s += (k - m) * u[m]!;
  return s / k;
}

describe("CVaR (MODEL §5)", () => {
  it("N = 20, p = 0.05: k = 1, so the worst trial alone", () => {
    const r = cvar(scrambled(20, 0)); // 0..19
    expect(r.value).toBe(19);
    // q = U_(⌊k⌋) = U_(1) = 18, the second worst.
    expect(r.var).toBe(18);
    // IF = q + (x − q)⁺/p − CVaR = 18 + 20·(x − 18)⁺ − 19: 19 for x = 19, −1 for the other 19 trials.
    // Mean 0; s² = (19² + 19·1²)/19 = 380/19 = 20; se = √20/√20 = 1.
    expect(r.se).toBeCloseTo(1, 14);
    expect(r.ci95[0]).toBeCloseTo(19 - Z95, 13);
    expect(r.ci95[1]).toBeCloseTo(19 + Z95, 13);
    expect(Array.from(cvarInfluence(Float64Array.of(0, 19, ...scrambled(18, 1)))).sort((a, b) => a - b)).toEqual([
      ...new Array<number>(19).fill(-1),
      19,
    ]);
  });

  it("N = 30, p = 0.05: k = 1.5, so the worst plus half the second worst, over 1.5", () => {
    const r = cvar(scrambled(30)); // 1..30: U_(0) = 30, U_(1) = 29
    // (30 + 0.5·29) / 1.5 = 44.5 / 1.5 = 89/3 = 29.666…
    expect(r.value).toBeCloseTo(89 / 3, 13);
    expect(r.var).toBe(29); // U_(⌊1.5⌋) = U_(1)
    // IF: 29 + 20·(30 − 29) − 89/3 = 58/3 for x = 30; 29 − 89/3 = −2/3 for the other 29.
    // Mean (58/3 − 29·2/3)/30 = 0; s² = ((58/3)² + 29·(2/3)²)/29 = (3364 + 116)/(9·29) = 40/3;
    // se = √((40/3)/30) = √(4/9) = 2/3.
    expect(r.se).toBeCloseTo(2 / 3, 14);
  });

  it("N = 100, p = 0.05: k = 5 integral, so the mean of the five worst", () => {
    const r = cvar(scrambled(100));
    // (100 + 99 + 98 + 97 + 96)/5 = 490/5 = 98; q = U_(5) = 95 (= 95 + (5+4+3+2+1)/5).
    expect(r.value).toBe(98);
    expect(r.var).toBe(95);
  });

  it("snaps a k that misses an integer only by rounding", () => {
    // 0.7·90 = 62.99999999999999 in doubles; MODEL means k = 63, so q = U_(63), not U_(62).
    // 1..90 worst first: U_(i) = 90 − i, so q = 27 and CVaR = (90 + … + 28)/63 = (90 + 28)/2 = 59.
    const t = cvarTail(scrambled(90), 0.7);
    expect(t.k).toBe(63);
    expect(t.var).toBe(27);
    expect(t.value).toBeCloseTo(59, 12);
    // 0.07·100 = 7.000000000000001 snaps to 7 too: (100 + 99 + … + 94)/7 = 679/7 = 97, q = U_(7) = 93.
    expect(cvarTail(scrambled(100), 0.07)).toEqual({ value: 97, var: 93, k: 7 });
  });

  it("k < 1 gives the worst trial, with no interval", () => {
    const r = cvar(Float64Array.of(3, 8, 1, 5, 2, 0, 7, 6, 4, 9)); // N = 10, k = 0.5
    expect(r.value).toBe(9);
    expect(r.var).toBe(9);
    expect(r.se).toBeNaN();
    expect(r.ci95[0]).toBeNaN();
  });

  it("splits ties at the VaR by the fractional weight", () => {
    // Worst first 5, 3, 3, 3, 1 with p = 0.5: k = 2.5 → (5 + 3 + 0.5·3)/2.5 = 9.5/2.5 = 3.8; q = U_(2) = 3.
    const t = cvarTail(Float64Array.of(3, 1, 5, 3, 3), 0.5);
    expect(t.value).toBeCloseTo(3.8, 14);
    expect(t.var).toBe(3);
    expect(t.k).toBe(2.5);
  });

  it("p = 1 is the mean", () => {
    // (1 + 2 + 3 + 10)/4 = 4; q = U_(N − 1) = 1, the minimum.
    const t = cvarTail(Float64Array.of(2, 10, 1, 3), 1);
    expect(t.value).toBe(4);
    expect(t.var).toBe(1);
  });

  it("identical losses give exactly that loss, se 0 and a zero-width interval", () => {
    const r = cvar(new Float64Array(1000).fill(0.1));
    expect(r.value).toBe(0.1);
    expect(r.var).toBe(0.1);
    expect(r.se).toBe(0);
    expect(r.ci95).toEqual([0.1, 0.1]);
  });

  it("is NaN for no trials or a NaN loss, and rejects p outside (0, 1]", () => {
    const none = cvar(new Float64Array(0));
    expect([none.value, none.se, none.var, ...none.ci95].every(Number.isNaN)).toBe(true);
    expect(cvar(Float64Array.of(1, Number.NaN, 2)).value).toBeNaN();
    expect(() => cvar(Float64Array.of(1), 0)).toThrow(RangeError);
    expect(() => cvar(Float64Array.of(1), 1.01)).toThrow(RangeError);
  });

  it("does not reorder its input", () => {
    const v = scrambled(30);
    const before = Array.from(v);
    cvar(v);
    cvarInfluence(v);
    expect(Array.from(v)).toEqual(before);
  });

  it("agrees with the literal sorted formula, ties and all", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 400 }),
          fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 400 }),
        ),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        (xs, p) => {
          const got = cvarTail(Float64Array.from(xs), p).value;
          const want = literalCvar(xs, p);
          expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
        },
      ),
    );
  });

  it("influence values average to 0 and their sd/√N is the reported se", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 20, maxLength: 400 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (xs, p) => {
          const v = Float64Array.from(xs);
          const inf = meanCi(cvarInfluence(v, p));
          expect(Math.abs(inf.mean)).toBeLessThanOrEqual(1e-12);
          const r = cvar(v, p);
          expect(Math.abs(inf.se - r.se)).toBeLessThanOrEqual(1e-12 * Math.max(1, r.se));
        },
      ),
    );
  });
});
