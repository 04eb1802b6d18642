import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { meanCi, Welford, Z95 } from "../../src/stats/index.ts";

/** Textbook two-pass mean and sample variance. */
function twoPass(xs: readonly number[]): { mean: number; variance: number } {
  const n = xs.length;
  let s = 0;
  for (const x of xs) s += x;
  const mean = s / n;
  let ss = 0;
  for (const x of xs) ss += (x - mean) ** 2;
  return { mean, variance: ss / (n - 1) };
}

function accumulate(xs: readonly number[]): Welford {
  const acc = new Welford();
  for (const x of xs) acc.push(x);
  return acc;
}

/**
 * 1e-9 relative, measured against the data's own scale (mean² + variance for the variance,
 * |mean| + sd for the mean): both algorithms lose digits to cancellation on data such as
 * [1e6, 1e6 + 1e-9], so neither can be the reference to more than that.
 */
function expectClose(actual: number, expected: number, scale: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(expected), scale, 1e-300));
}

const sample = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 200 });

describe("Welford", () => {
  it("computes the mean and sample variance of a small set by hand", () => {
    // [2, 4, 4, 4, 5, 5, 7, 9]: mean 40/8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32; 32/7.
    const acc = accumulate([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(acc.count).toBe(8);
    expect(acc.mean).toBe(5);
    expect(acc.m2).toBe(32);
    expect(acc.variance()).toBeCloseTo(32 / 7, 14);
    // se = √(32/7 / 8) = √(4/7)
    expect(acc.stdError()).toBeCloseTo(Math.sqrt(4 / 7), 14);
  });

  it("gives NaN mean with no values and NaN variance with one", () => {
    const acc = new Welford();
    expect(acc.mean).toBeNaN();
    expect(acc.variance()).toBeNaN();
    acc.push(3);
    expect(acc.mean).toBe(3);
    expect(acc.variance()).toBeNaN();
    expect(acc.stdError()).toBeNaN();
  });

  it("matches the two-pass formula", () => {
    fc.assert(
      fc.property(sample, (xs) => {
        const acc = accumulate(xs);
        const ref = twoPass(xs);
        expectClose(acc.mean, ref.mean, Math.sqrt(ref.variance));
        expectClose(acc.variance(), ref.variance, ref.mean * ref.mean);
      }),
    );
  });

  it("merge(a, b) equals one pass over a ∪ b", () => {
    fc.assert(
      fc.property(sample, sample, (xs, ys) => {
        const merged = accumulate(xs).merge(accumulate(ys));
        const whole = accumulate([...xs, ...ys]);
        const ref = twoPass([...xs, ...ys]);
        expect(merged.count).toBe(whole.count);
        expectClose(merged.mean, whole.mean, Math.abs(ref.mean) + Math.sqrt(ref.variance));
        expectClose(merged.variance(), whole.variance(), ref.mean * ref.mean + ref.variance);
      }),
    );
  });

  it("merges with empty accumulators on either side, leaving the other untouched", () => {
    const a = accumulate([1, 2, 3]);
    const intoEmpty = new Welford().merge(a);
    expect([intoEmpty.count, intoEmpty.mean, intoEmpty.m2]).toEqual([3, 2, 2]);
    a.merge(new Welford());
    expect([a.count, a.mean, a.m2]).toEqual([3, 2, 2]);
  });
});

describe("meanCi", () => {
  it("is mean ± z·s/√N", () => {
    // [1, 2, 3, 4, 5]: mean 3; squared deviations 4+1+0+1+4 = 10, s² = 10/4 = 2.5; se = √(2.5/5) = √0.5.
    const r = meanCi(Float64Array.of(1, 2, 3, 4, 5));
    expect(r.mean).toBe(3);
    expect(r.se).toBeCloseTo(Math.SQRT1_2, 14);
    expect(r.ci95[0]).toBeCloseTo(3 - Z95 * Math.SQRT1_2, 13);
    expect(r.ci95[1]).toBeCloseTo(3 + Z95 * Math.SQRT1_2, 13);
    expect(meanCi(Float64Array.of(1, 2, 3, 4, 5), 1).ci95[1]).toBeCloseTo(3 + Math.SQRT1_2, 13);
  });

  it("has exactly zero width when every value is the same", () => {
    const r = meanCi(new Float64Array(1000).fill(0.1));
    expect(r.mean).toBe(0.1);
    expect(r.se).toBe(0);
    expect(r.ci95).toEqual([0.1, 0.1]);
  });

  it("is NaN for no trials", () => {
    const r = meanCi(new Float64Array(0));
    expect(r.mean).toBeNaN();
    expect(r.ci95[0]).toBeNaN();
    expect(r.ci95[1]).toBeNaN();
  });
});
