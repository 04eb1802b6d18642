// Same seed, same numbers, for any worker count: three golden cases again with two workers.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { goldenCases, goldenDir, runGolden } from "../scripts/golden.ts";

describe("golden outputs with two workers", () => {
  it("a run, the budget search and the sweep are the same with two workers", { timeout: 600_000 }, () => {
    const twice = ["run-gallium-germanium-2023.json", "compare-budget-gallium-germanium-2023.json", "sweep-gallium-germanium-2023.csv"];
    expect(goldenCases().filter((g) => twice.includes(g.name))).toHaveLength(3);
    for (const c of goldenCases().filter((g) => twice.includes(g.name))) {
      expect(runGolden(c, ["--workers", "2"])).toBe(readFileSync(`${goldenDir}/${c.name}`, "utf8"));
    }
  });
});
