import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { selectInPlace, selectLargestInPlace } from "../../src/stats/select.ts";

function bySort(xs: Float64Array, rank: number): number {
  return Float64Array.from(xs).sort()[rank]!;
}

describe("selection", () => {
  it("finds every order statistic of a small array", () => {
    const xs = Float64Array.of(5, -1, 3, 3, 9, 0, 3);
    for (let r = 0; r < xs.length; r++) expect(selectInPlace(Float64Array.from(xs), r)).toBe(bySort(xs, r));
    expect(selectLargestInPlace(Float64Array.from(xs), 0)).toBe(9);
    expect(selectLargestInPlace(Float64Array.from(xs), 1)).toBe(5);
  });

  it("agrees with sorting, with many ties and patterned orders", () => {
    const arrays = fc.oneof(
      fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 300 }),
      fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 300 }),
    );
    fc.assert(
      fc.property(arrays, fc.nat(), fc.constantFrom("as-is", "ascending", "descending", "organ-pipe"), (raw, r, order) => {
        let xs = Float64Array.from(raw);
        if (order !== "as-is") xs.sort();
        if (order === "descending") xs.reverse();
        if (order === "organ-pipe") {
          const half = Math.ceil(xs.length / 2);
          xs = Float64Array.from([...xs.subarray(0, half), ...xs.subarray(half).reverse()]);
        }
        const rank = r % xs.length;
        expect(selectInPlace(Float64Array.from(xs), rank)).toBe(bySort(xs, rank));
      }),
    );
  });

  it("stays fast when almost every value is zero (most trials lose nothing)", () => {
    const xs = new Float64Array(1_000_000);
    for (let i = 0; i < xs.length; i += 97) xs[i] = i;
    expect(selectLargestInPlace(xs, 50_000)).toBe(0);
  });

  it("rejects a rank outside the array", () => {
    expect(() => selectInPlace(Float64Array.of(1, 2), 2)).toThrow(RangeError);
    expect(() => selectInPlace(new Float64Array(0), 0)).toThrow(RangeError);
  });
});

describe("selectInPlace with rows alongside", () => {
  it("moves each row with its value and partitions around the rank", () => {
    // 0, 0.5 and a few repeats: ties as in trials with no loss
    const original = Float64Array.from({ length: 2000 }, (_, i) => (i % 3 === 0 ? 0 : ((i * 7919) % 1000) / 1000));
    const a = original.slice();
    const rows = Uint32Array.from({ length: a.length }, (_, i) => i);
    const rank = 1500;
    const v = selectInPlace(a, rank, rows);
    const sorted = Array.from(original).sort((x, y) => x - y);
    expect(v).toBe(sorted[rank]);
    for (let k = 0; k < a.length; k++) {
      expect(a[k]).toBe(original[rows[k]!]);
      if (k < rank) expect(a[k]!).toBeLessThanOrEqual(v);
      if (k > rank) expect(a[k]!).toBeGreaterThanOrEqual(v);
    }
  });
});
