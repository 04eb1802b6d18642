import { describe, expect, it } from "vitest";
import { type SweepParameter, makeDesign, rangeValues, shardPoints } from "../../src/sweep/design.ts";
import type { ParameterPath } from "../../src/sweep/paths.ts";

const param = (text: string, values: number[], base?: number, integer = false): SweepParameter => {
  const path: ParameterPath = { text, at: [text], base, integer, holds: base === undefined ? "nothing" : "number" };
  return { path, values, source: { file: "--set" } };
};

describe("sweep designs", () => {
  it("grid: every combination, the first parameter varying slowest", () => {
    const d = makeDesign("grid", [param("a", [1, 2, 3]), param("b", [10, 20])]);
    expect(d.count).toBe(6);
    expect(Array.from({ length: 6 }, (_, i) => d.pointAt(i).values)).toEqual([
      [1, 10],
      [1, 20],
      [2, 10],
      [2, 20],
      [3, 10],
      [3, 20],
    ]);
  });

  it("oat: the base point first, then each parameter at each value with the others at base", () => {
    const d = makeDesign("oat", [param("a", [1, 3], 2), param("b", [10, 30], 20)]);
    expect(d.count).toBe(5);
    expect(Array.from({ length: 5 }, (_, i) => [d.pointAt(i).values, d.pointAt(i).varied, d.pointAt(i).assignments.length])).toEqual([
      [[2, 20], undefined, 0],
      [[1, 20], 0, 1],
      [[3, 20], 0, 1],
      [[2, 10], 1, 1],
      [[2, 30], 1, 1],
    ]);
  });

  it("lhs: each parameter uses each of the N strata of its span exactly once, reproducibly", () => {
    const params = [param("a", [0, 1]), param("b", [10, 20])];
    const d = makeDesign("lhs", params, { samples: 8, lhsSeed: 5 });
    const points = Array.from({ length: 8 }, (_, i) => d.pointAt(i).values as number[]);
    for (const [j, [lo, hi]] of [[0, [0, 1]], [1, [10, 20]]] as const) {
      const strata = points.map((v) => Math.floor(((v[j]! - lo) / (hi - lo)) * 8)).sort((a, b) => a - b);
      expect(strata).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    }
    expect(makeDesign("lhs", params, { samples: 8, lhsSeed: 5 }).pointAt(3).values).toEqual(points[3]);
    expect(makeDesign("lhs", params, { samples: 8, lhsSeed: 6 }).pointAt(3).values).not.toEqual(points[3]);
  });

  it("ranges: evenly spaced with both ends, whole periods rounded without repeats", () => {
    expect(rangeValues(0.2, 0.8, 3, false)).toEqual([0.2, 0.5, 0.8]);
    expect(rangeValues(0.1, 0.9, 9, false)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
    expect(rangeValues(6, 8, 5, true)).toEqual([6, 7, 8]);
    expect(rangeValues(3, 3, 1, false)).toEqual([3]);
  });

  it("shards partition the points: index mod N == k − 1", () => {
    expect(shardPoints(7, { index: 1, of: 3 })).toEqual([0, 3, 6]);
    expect(shardPoints(7, { index: 3, of: 3 })).toEqual([2, 5]);
    const all = [1, 2, 3].flatMap((k) => shardPoints(7, { index: k, of: 3 })).sort((a, b) => a - b);
    expect(all).toEqual(shardPoints(7, undefined));
  });
});
