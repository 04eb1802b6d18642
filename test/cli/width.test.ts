// Tables that fit the terminal: `compare` on the flagship at 80 and 120 columns prints no line
// longer than the width and keeps the legend; --wide (or a pipe without COLUMNS) keeps the full
// table; options with no effect at all are flagged with the reason.
import { describe, expect, it } from "vitest";
import { wrapLine } from "../../src/render/table.ts";
import { runCli } from "../helpers/cli.ts";

const flagship = "scenarios/gallium-germanium-2023.yaml";
const longest = (text: string): number => Math.max(...text.split("\n").map((l) => l.length));

describe("terminal width", () => {
  for (const columns of [80, 120]) {
    it(`compare on the flagship at COLUMNS=${columns}: no line longer than ${columns}, legend and summary sentences there`, async () => {
      const r = await runCli(["compare", flagship, "--trials", "500"], undefined, { COLUMNS: String(columns) });
      expect(r.code).toBe(0);
      expect(longest(r.stdout)).toBeLessThanOrEqual(columns);
      expect(r.stdout).toContain("autonomy = 100 × (1 − mean unmet share of the home's demand); higher is better");
      expect(r.stdout).toContain("risk (CVaR95) = 100 × mean unmet share, worst 5% of trials; lower is better");
      expect(r.stdout).toContain("points/USD million = risk points removed vs baseline per USD million spent");
      // every option is still there, each with its interval
      for (const id of ["baseline", "package", "stockpile-60d", "recovery-recycling"]) expect(r.stdout).toContain(id);
    });
  }

  it("--wide and a pipe without COLUMNS keep the full one-line-per-option table", async () => {
    const wide = await runCli(["compare", flagship, "--trials", "500", "--wide"], undefined, { COLUMNS: "80" });
    const piped = await runCli(["compare", flagship, "--trials", "500"]);
    expect(wide.stdout).toBe(piped.stdout);
    expect(longest(wide.stdout)).toBeGreaterThan(120);
    expect(wide.stdout).toMatch(/^rank +option +cost +autonomy/m);
  });

  it("run fits 80 columns too, and names the per-cost column as compare does", async () => {
    const r = await runCli(["run", flagship, "--trials", "500"], undefined, { COLUMNS: "80" });
    expect(longest(r.stdout)).toBeLessThanOrEqual(80);
    expect(r.stdout).toContain("points/USD million");
    expect(r.stdout).not.toContain("risk points/cost");
  });

  it("flags Hormuz's LNG options as having no effect at all, with the reason", async () => {
    const r = await runCli(["compare", "scenarios/hormuz-closure.yaml", "--trials", "1000"]);
    expect(r.stdout).toMatch(/lng-buffer .* no effect/);
    expect(r.stdout).toContain("never fell short in any trial");
    expect(r.stdout).toMatch(/no effect: .*lng-buffer.* score exactly as baseline in every trial; under baseline .*lng/);
  });

  it("wraps a line at spaces, indenting the rest, and cuts a word longer than the width", () => {
    expect(wrapLine("aaa bbb ccc ddd", 8)).toEqual(["aaa bbb", "  ccc", "  ddd"]);
    expect(wrapLine("short", 8)).toEqual(["short"]);
    expect(wrapLine("abcdefghij", 4)).toEqual(["abcd", "  ef", "  gh", "  ij"]);
  });
});
