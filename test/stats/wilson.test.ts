import { describe, expect, it } from "vitest";
import { wilson, Z95 } from "../../src/stats/index.ts";

/**
 * The closed form written the other common way, (k + z²/2)/(n + z²) ± z·√n/(n + z²)·√(p̂(1 − p̂) + z²/4n),
 * so the test does not repeat the implementation's arithmetic.
 */
function closedForm(k: number, n: number, z = Z95): [number, number] {
  const p = k / n;
  const centre = (k + (z * z) / 2) / (n + z * z);
  const half = ((z * Math.sqrt(n)) / (n + z * z)) * Math.sqrt(p * (1 - p) + (z * z) / (4 * n));
  return [centre - half, centre + half];
}

describe("Wilson interval", () => {
  // z² = 3.8414588206941254
  it("0/10 runs from exactly 0 to z²/(10 + z²)", () => {
    const r = wilson(0, 10);
    expect(r.p).toBe(0);
    expect(r.ci95[0]).toBe(0);
    // 3.8414588206941254 / 13.8414588206941254 = 0.2775327998628892
    expect(r.ci95[1]).toBeCloseTo(0.2775327998628892, 14);
    expect(r.ci95[1]).toBeCloseTo(closedForm(0, 10)[1], 14);
  });

  it("5/10 is symmetric about 1/2", () => {
    const r = wilson(5, 10);
    expect(r.p).toBe(0.5);
    // half = z·√(10·0.25 + z²/4)/(10 + z²) = 1.959963984540054·√3.4603647051735314/13.841458820694125 = 0.263406909487436
    expect(r.ci95[0]).toBeCloseTo(0.5 - 0.263406909487436, 14);
    expect(r.ci95[1]).toBeCloseTo(0.5 + 0.263406909487436, 14);
    const [lo, hi] = closedForm(5, 10);
    expect(r.ci95[0]).toBeCloseTo(lo, 14);
    expect(r.ci95[1]).toBeCloseTo(hi, 14);
  });

  it("10/10 runs from 10/(10 + z²) to exactly 1", () => {
    const r = wilson(10, 10);
    expect(r.p).toBe(1);
    // 10 / 13.8414588206941254 = 0.7224672001371107
    expect(r.ci95[0]).toBeCloseTo(0.7224672001371107, 14);
    expect(r.ci95[0]).toBeCloseTo(closedForm(10, 10)[0], 14);
    expect(r.ci95[1]).toBe(1);
  });

  it("agrees with the closed form across k for n = 37", () => {
    for (let k = 0; k <= 37; k++) {
      const [lo, hi] = closedForm(k, 37);
      const r = wilson(k, 37);
      expect(r.ci95[0]).toBeCloseTo(Math.max(0, lo), 13);
      expect(r.ci95[1]).toBeCloseTo(Math.min(1, hi), 13);
      expect(r.ci95[0]).toBeLessThanOrEqual(r.p);
      expect(r.ci95[1]).toBeGreaterThanOrEqual(r.p);
    }
  });

  it("n = 0 carries no information: p NaN, interval [0, 1]", () => {
    const r = wilson(0, 0);
    expect(r.p).toBeNaN();
    expect(r.ci95).toEqual([0, 1]);
  });

  it("rejects impossible counts", () => {
    expect(() => wilson(11, 10)).toThrow(RangeError);
    expect(() => wilson(-1, 10)).toThrow(RangeError);
    expect(() => wilson(1.5, 10)).toThrow(RangeError);
  });
});
