// Numbers change only on purpose: every golden command's output is byte-identical to the file
// committed in test/golden/. A deliberate change regenerates them (`npm run golden:write`) in its
// own commit that says why the numbers moved.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { goldenCases, goldenDir, runGolden } from "../scripts/golden.ts";

describe("golden outputs", () => {
  for (const c of goldenCases()) {
    it(`${c.argv.slice(0, 2).join(" ")} → ${c.name}`, { timeout: 300_000 }, () => {
      const expected = readFileSync(`${goldenDir}/${c.name}`, "utf8");
      expect(expected.length).toBeGreaterThan(100);
      expect(runGolden(c)).toBe(expected);
    });
  }

  it("a run, the budget search and the sweep are the same with two workers", { timeout: 600_000 }, () => {
    const twice = ["run-gallium-germanium-2023.json", "compare-budget-gallium-germanium-2023.json", "sweep-gallium-germanium-2023.csv"];
    expect(goldenCases().filter((g) => twice.includes(g.name))).toHaveLength(3);
    for (const c of goldenCases().filter((g) => twice.includes(g.name))) {
      expect(runGolden(c, ["--workers", "2"])).toBe(readFileSync(`${goldenDir}/${c.name}`, "utf8"));
    }
  });
});
