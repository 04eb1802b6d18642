// Numbers change only on purpose: every golden command's output is byte-identical to the file
// committed in test/golden/. A deliberate change regenerates them (`npm run golden:write`) in its
// own commit that says why the numbers moved.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { goldenCases, goldenDir, runGolden } from "../scripts/golden.ts";

describe("golden outputs", () => {
  for (const c of goldenCases()) {
    it(`${c.argv.slice(0, 2).join(" ")} → ${c.name}`, () => {
      const expected = readFileSync(`${goldenDir}/${c.name}`, "utf8");
      expect(expected.length).toBeGreaterThan(100);
      expect(runGolden(c)).toBe(expected);
    });
  }

  it("the budget search and the sweep are the same with two workers", () => {
    for (const c of goldenCases().filter((g) => !g.name.startsWith("run-"))) {
      expect(runGolden(c, ["--workers", "2"])).toBe(readFileSync(`${goldenDir}/${c.name}`, "utf8"));
    }
  });
});
