// `chokepoint portfolio` on a portfolio built by hand (test/data/portfolio): two threats, four
// policies, every trial identical, so each number is arithmetic (in the comments).
import { describe, expect, it } from "vitest";
import type { PortfolioReport } from "../../src/analysis/portfolio-report.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { renderPortfolioJsonSchema } from "../../src/scenario/portfolio.ts";
import { repoRoot, runCli } from "../helpers/cli.ts";
import { parseReport } from "../helpers/json.ts";

const DIR = "test/data/portfolio";

// Threat A cuts good a (weight 1), threat B cuts good b (weight 2); H uses 100 of each per period
// for 2 periods, with no stocks and no other supplier: doing nothing, U = 200 / 400 = 0.5 in every
// trial of each threat, risk 50, national 1 × 50 + 2 × 50 = 150. A stockpile of 100 units covers one
// period (risk 25), of 200 both (risk 0). p1: a 200 for 10; p2: b 100 for 4; p3: b 200 for 9; p4: a 100 for 3.
// Within 13: {p3, p4} costs 12 and scores 1 × 25 + 2 × 0 = 25; the others that fit score more:
// {p1} 100, {p2} 100, {p3} 50, {p4} 125, {p2, p4} 75, {p1, p4} 100, {p2, p3} 50.
describe("portfolio on a hand-built case", () => {
  it("finds the best set within the budget, with its paired differences per threat and overall", async () => {
    const { code, stdout } = await runCli(["portfolio", `${DIR}/hand.yaml`, "--format", "json"]);
    expect(code).toBe(0);
    const r = parseReport<PortfolioReport>(stdout);
    expect(r.method).toBe("exhaustive");
    expect(r.nothing.value).toBeCloseTo(150, 9);
    expect(r.chosen!.ids).toEqual(["p3", "p4"]);
    expect(r.chosen!.cost).toBe(12);
    expect(r.chosen!.value).toBeCloseTo(25, 9);
    expect(r.chosen!.threats.map((t) => t.vsNothing.diff)).toEqual([-25, -50].map((x) => expect.closeTo(x, 9)));
    // national: 1 × (−25) + 2 × (−50) = −125
    expect(r.chosen!.vsNothing.diff).toBeCloseTo(-125, 9);
  });
  it("traces the frontier and the marginal value of budget", async () => {
    const r = parseReport<PortfolioReport>((await runCli(["portfolio", `${DIR}/hand.yaml`, "--format", "json"])).stdout);
    // {} 150, {p4} 125, {p2} 100, {p2, p4} 75, {p3} 50, {p3, p4} 25, {p1, p3} 0
    expect(r.frontier.map((s) => [s.cost, Math.round(s.value)])).toEqual([[0, 150], [3, 125], [4, 100], [7, 75], [9, 50], [12, 25], [19, 0]]);
    // from 25 at budget 13 to 0 at cost 19: 25 / 6 = 4.1667 points per unit
    expect(r.marginal!.perUnit).toBeCloseTo(25 / 6, 9);
    expect(r.marginal!.next).toEqual(["p1", "p3"]);
  });
  it("names the single policy with the most reduction per unit cost, with its interval", async () => {
    const r = parseReport<PortfolioReport>((await runCli(["portfolio", `${DIR}/hand.yaml`, "--format", "json"])).stdout);
    // p1 50/10 = 5, p2 50/4 = 12.5 (b: 2 × 25), p3 100/9 = 11.1, p4 25/3 = 8.3
    expect(r.bestPerCost!.id).toBe("p2");
    expect(r.bestPerCost!.perCost.diff).toBeCloseTo(12.5, 9);
    expect(r.bestPerCost!.perCost.ci95[0]).toBeCloseTo(12.5, 9);
  });
  it("without a budget: no chosen set, the frontier, and the best single policy per unit cost", async () => {
    const { code, stdout } = await runCli(["portfolio", `${DIR}/no-budget.yaml`]);
    expect(code).toBe(0);
    expect(stdout).not.toContain("Chosen within");
    expect(stdout).toContain("The single policy that buys the most per unit cost is p2: 12.5 points per unit");
  });
  it("takes --budget over the file's: within 8, {p2, p4} (cost 7, 75)", async () => {
    const r = parseReport<PortfolioReport>((await runCli(["portfolio", `${DIR}/hand.yaml`, "--budget", "8", "--format", "json"])).stdout);
    expect(r.chosen!.ids).toEqual(["p2", "p4"]);
    expect(r.chosen!.value).toBeCloseTo(75, 9);
  });
  it("prints the same for any worker count", async () => {
    const one = await runCli(["portfolio", `${DIR}/hand.yaml`, "--format", "json", "--workers", "1"]);
    const two = await runCli(["portfolio", `${DIR}/hand.yaml`, "--format", "json", "--workers", "2"]);
    expect(two.stdout).toBe(one.stdout);
  });
});

describe("portfolio files with mistakes", () => {
  it("places a schema problem at file:line:col and exits 2", async () => {
    const { code, stderr } = await runCli(["portfolio", `${DIR}/no-weight.yaml`]);
    expect(code).toBe(2);
    expect(stderr).toContain("no-weight.yaml:3:5  scenarios[0].weight  needs either weight or probability");
    expect(stderr).not.toMatch(/\n\s+at /);
  });
  it("places a policy that applies to no scenario in the portfolio file", async () => {
    const { code, stderr } = await runCli(["portfolio", `${DIR}/unknown-good.yaml`]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown-good\.yaml:6:\d+ {2}policies\[0\]\.good {2}unknown good 'c'/);
  });
  it("validate checks a portfolio with its scenarios", async () => {
    const ok = await runCli(["validate", "portfolios/taiwan.yaml", `${DIR}/hand.yaml`]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("ok portfolios/taiwan.yaml");
    const bad = await runCli(["validate", `${DIR}/no-weight.yaml`]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("no-weight.yaml:3:5  scenarios[0].weight");
  });
  it("prints the JSON Schema of portfolio files", async () => {
    const { code, stdout } = await runCli(["schema", "--kind", "portfolio"]);
    expect(code).toBe(0);
    const schema = JSON.parse(stdout) as { title: string; required: string[] };
    expect(schema.title).toBe("chokepoint portfolio file");
    expect(schema.required).toEqual(expect.arrayContaining(["name", "scenarios", "policies"]));
    // the committed copy (npm run schema:write) is the same
    expect(readFileSync(join(repoRoot, "schema", "portfolio.schema.json"), "utf8")).toBe(stdout);
  });
});
