// One golden case as a test: the command's output must equal its committed file byte for byte.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { type GoldenCase, goldenDir, runGolden } from "../../scripts/golden.ts";

export function checkGolden(c: GoldenCase): void {
  it(`${c.argv.slice(0, 2).join(" ")} → ${c.name}`, { timeout: 300_000 }, () => {
    const expected = readFileSync(`${goldenDir}/${c.name}`, "utf8");
    expect(expected.length).toBeGreaterThan(100);
    expect(runGolden(c)).toBe(expected);
  });
}
