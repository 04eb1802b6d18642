// `chokepoint run` end to end, in-process: output shapes, reproducibility, errors.
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";

const scenario = "test/data/run/scenario.yaml";

describe("chokepoint run", () => {
  it("prints a readable table with every option and good", async () => {
    const r = await runCli(["run", scenario, "--trials", "400"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    for (const word of ["baseline", "stockpile", "friendshore", "both", "autonomy", "risk (CVaR95)", "per good"]) {
      expect(r.stdout).toContain(word);
    }
  });

  it("writes JSON in the MODEL §8 shape", async () => {
    const r = await runCli(["run", scenario, "--trials", "400", "--format", "json"]);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ scenario: "Gallium licensing (test)", home: "JP", trials: 400, seed: 42, horizon: 24 });
    expect(out.options.map((o: { id: string }) => o.id)).toEqual(["baseline", "stockpile", "friendshore", "both"]);
    for (const o of out.options) {
      expect(typeof o.cost).toBe("number");
      expect(o.autonomy.ci95).toHaveLength(2);
      expect(o.autonomy.ci95[0]).toBeLessThanOrEqual(o.autonomy.mean);
      expect(o.risk.ci95[1]).toBeGreaterThanOrEqual(o.risk.value);
      // field names in snake_case, as the CSV columns (docs/outputs.md); good ids kept as written
      expect(Object.keys(o.vs_baseline)).toEqual(expect.arrayContaining(["autonomy", "risk"]));
      expect(Object.keys(o.goods.ga)).toEqual(expect.arrayContaining(["unmet", "p_shortfall10", "ttr"]));
    }
    // cost of an option is the sum of its policies' costs: 40 + 120
    expect(out.options[3].cost).toBe(160);
    expect(out.options[0].vs_baseline.risk).toEqual({ diff: 0, ci95: [0, 0] });
    // risk points removed per unit of cost; none for the free baseline
    expect(out.options[0].per_cost).toBeNull();
    expect(out.options[3].per_cost).toBeCloseTo(-out.options[3].vs_baseline.risk.diff / 160, 12);
  });

  it("is byte-identical for the same seed, and for 1 and 2 workers", async () => {
    const a = await runCli(["run", scenario, "--trials", "1500", "--format", "json", "--workers", "1"]);
    const b = await runCli(["run", scenario, "--trials", "1500", "--format", "json", "--workers", "1"]);
    const c = await runCli(["run", scenario, "--trials", "1500", "--format", "json", "--workers", "2"]);
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).toBe(a.stdout);
    const d = await runCli(["run", scenario, "--trials", "1500", "--format", "json", "--seed", "43"]);
    expect(d.stdout).not.toBe(a.stdout);
  });

  it("scores only the chosen options, leaving their numbers unchanged", async () => {
    const all = JSON.parse((await runCli(["run", scenario, "--trials", "300", "--format", "json"])).stdout);
    const one = JSON.parse((await runCli(["run", scenario, "--trials", "300", "--format", "json", "--option", "both"])).stdout);
    expect(one.options.map((o: { id: string }) => o.id)).toEqual(["baseline", "both"]);
    expect(one.options[1]).toEqual(all.options[3]);
  });

  it("writes tidy CSV: the settings first, one row per option (default) or per option and good (--table goods)", async () => {
    const r = await runCli(["run", scenario, "--trials", "200", "--format", "csv"]);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^scenario,home,trials,seed,horizon,period_unit,currency,objective,option,cost,autonomy,autonomy_lo,autonomy_hi,risk,/);
    // baseline and three options, each once
    expect(lines).toHaveLength(1 + 4);
    expect(lines.slice(1).every((l) => l.split(",")[2] === "200")).toBe(true);
    const goods = await runCli(["run", scenario, "--trials", "200", "--format", "csv", "--table", "goods"]);
    const rows = goods.stdout.trimEnd().split("\n");
    expect(rows[0]).toBe("scenario,home,trials,seed,horizon,period_unit,currency,objective,option,good,unmet,p_shortfall10,p_shortfall10_lo,p_shortfall10_hi,p_short,ttr");
    // four options × the scenario's one scored good
    expect(rows).toHaveLength(1 + 4);
    const jsonl = await runCli(["run", scenario, "--trials", "200", "--format", "jsonl", "--table", "goods"]);
    const first = JSON.parse(jsonl.stdout.split("\n")[0]!) as Record<string, unknown>;
    expect(Object.keys(first).join(",")).toBe(rows[0]);
    expect(first.trials).toBe(200);
  });

  it("rejects --table without a tidy format, and the trajectory table without --trajectory", async () => {
    const table = await runCli(["run", scenario, "--trials", "20", "--table", "goods"]);
    expect(table.code).toBe(2);
    expect(table.stderr).toContain("option --table: needs --format csv or jsonl");
    const traj = await runCli(["run", scenario, "--trials", "20", "--format", "csv", "--table", "trajectory"]);
    expect(traj.code).toBe(2);
    expect(traj.stderr).toContain("option --table: needs --trajectory");
  });

  it("rejects bad flags and unknown options with exit 2 and a plain message", async () => {
    const bad = await runCli(["run", scenario, "--trials", "ten"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("option --trials: must be a whole number ≥ 1, got 'ten'");
    const unknown = await runCli(["run", scenario, "--option", "nuclear"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("option --option: unknown option 'nuclear'");
    const missing = await runCli(["run", "test/data/run/nope.yaml"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).not.toContain("    at ");
  });
});
