import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quantile, quantileSorted } from "../../src/stats/index.ts";

describe("R-7 quantile", () => {
  const x = Float64Array.of(1, 2, 3, 4);

  it("interpolates between order statistics at h = (n − 1)·p", () => {
    expect(quantileSorted(x, 0.5)).toBe(2.5); // h = 3·0.5 = 1.5 → 2 + 0.5·(3 − 2)
    expect(quantileSorted(x, 0.25)).toBe(1.75); // h = 3·0.25 = 0.75 → 1 + 0.75·(2 − 1)
    expect(quantileSorted(x, 0.9)).toBeCloseTo(3.7, 14); // h = 2.7 → 3 + 0.7·(4 − 3)
    expect(quantileSorted(x, 0)).toBe(1);
    expect(quantileSorted(x, 1)).toBe(4);
  });

  it("sorts a copy for unsorted input and leaves the input alone", () => {
    const v = Float64Array.of(4, 1, 3, 2);
    expect(quantile(v, 0.25)).toBe(1.75);
    expect(Array.from(v)).toEqual([4, 1, 3, 2]);
  });

  it("handles one value, no values and bad probabilities", () => {
    expect(quantileSorted([7], 0.3)).toBe(7);
    expect(quantileSorted([], 0.5)).toBeNaN();
    expect(() => quantileSorted(x, 1.5)).toThrow(RangeError);
    expect(() => quantileSorted(x, Number.NaN)).toThrow(RangeError);
  });

  it("is non-decreasing in p and stays within [min, max]", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xs, p1, p2) => {
          const s = Float64Array.from(xs).sort();
          const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
          const qlo = quantileSorted(s, lo);
          const qhi = quantileSorted(s, hi);
          expect(qlo).toBeLessThanOrEqual(qhi);
          expect(qlo).toBeGreaterThanOrEqual(s[0]!);
          expect(qhi).toBeLessThanOrEqual(s[s.length - 1]!);
        },
      ),
    );
  });
});
