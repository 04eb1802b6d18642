import { describe, expect, it } from "vitest";
import { findCycles } from "../../src/scenario/cycles.ts";

const graph = (edges: Record<string, string[]>) => (node: string) => edges[node] ?? [];

describe("findCycles", () => {
  it("finds none in a DAG", () => {
    expect(findCycles(["a", "b", "c"], graph({ a: ["b", "c"], b: ["c"] }))).toEqual([]);
  });

  it("lists each cycle from where the search entered it, closing on its first node", () => {
    expect(findCycles(["a", "b", "c"], graph({ a: ["b"], b: ["c"], c: ["a"] }))).toEqual([["a", "b", "c", "a"]]);
    expect(findCycles(["x"], graph({ x: ["x"] }))).toEqual([["x", "x"]]);
    expect(findCycles(["a", "b", "c", "d"], graph({ a: ["b"], b: ["a"], c: ["d"], d: ["c"] }))).toEqual([
      ["a", "b", "a"],
      ["c", "d", "c"],
    ]);
  });
});
