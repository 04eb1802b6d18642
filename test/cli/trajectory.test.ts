// `run --trajectory`: the tidy long table (one row per option, good, period, measure, origin)
// and the JSON bands, over a fixed sample of trials whatever --trials is.
import { describe, expect, it } from "vitest";
import type { RunReport } from "../../src/analysis/run-report.ts";
import { splitCsvLine } from "../../src/render/sweep-rows.ts";
import { runCli } from "../helpers/cli.ts";

describe("chokepoint run --trajectory", () => {
  it("writes a tidy CSV: every option × series × period once, bands ordered", async () => {
    const { code, stdout } = await runCli(["run", "scenarios/neon-2022.yaml", "--trials", "300", "--trajectory", "100", "--format", "csv"]);
    expect(code).toBe(0);
    const [header, ...rows] = stdout.trim().split("\n");
    expect(header).toBe("scenario,home,trials,seed,horizon,period_unit,currency,objective,traced_trials,first_trial,option,good,period,measure,origin,mean,p5,p50,p95");
    // the run's settings and the traced trials (100 from trial 0) lead every row, then the trajectory's own columns
    expect(rows[0]).toMatch(/^"Ukrainian neon outage \(2022\), Korea",KR,300,\d+,24,month,USD million,risk,100,0,/);
    const cells = rows.map((r) => splitCsvLine(r).slice(10));
    const keys = new Set(cells.map((c) => c.slice(0, 5).join("|")));
    expect(keys.size).toBe(rows.length); // no duplicate key: a tidy table
    // options baseline, stockpile, localisation; periods 0..23
    expect(new Set(cells.map((c) => c[0]))).toEqual(new Set(["baseline", "stockpile", "localisation"]));
    expect(new Set(cells.map((c) => Number(c[2]))).size).toBe(24);
    for (const c of cells) {
      const [p5, p50, p95] = c.slice(6).map(Number) as [number, number, number];
      expect(p5 <= p50 && p50 <= p95, c.join(",")).toBe(true);
      if (c[3] === "price") expect(p5).toBeGreaterThanOrEqual(1);
      if (c[3] === "availability") expect(p95).toBeLessThanOrEqual(1);
      expect(c[4] === "").toBe(c[3] !== "imports"); // an origin on import rows only
    }
  }, 60_000);

  it("adds the bands to the JSON report, over the first N trials", async () => {
    const { stdout } = await runCli(["run", "scenarios/neon-2022.yaml", "--trials", "200", "--trajectory", "50", "--format", "json", "--option", "stockpile"]);
    const report = JSON.parse(stdout) as RunReport;
    expect(report.trajectories?.sampled).toBe(50);
    const price = report.trajectories!.options[0]!.series.find((s) => s.measure === "price" && s.good === "neon")!;
    expect(price.bands).toHaveLength(24);
    // Ukraine's neon is out from period 0: the world is short, the median price is above 1
    expect(price.bands[0]!.p50).toBeGreaterThan(1);
  }, 60_000);
});
