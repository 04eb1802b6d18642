// `chokepoint backtest`: the bundled episodes end to end (the acceptance bar: at least 70 % of
// observed points inside the simulated 5–95 % band, onset within one month), located errors for
// broken episode files, and the episode JSON Schema.
import { readdirSync, readFileSync } from "node:fs";
import Ajv2020Module from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import type { BacktestReport } from "../../src/analysis/backtest.ts";
import { jsonSchemaOf, renderJsonSchema } from "../../src/scenario/json-schema.ts";
import { parseSource } from "../../src/scenario/parse.ts";
import { repoRoot, runCli } from "../helpers/cli.ts";

const episodes = readdirSync(`${repoRoot}episodes`).filter((f) => f.endsWith(".yaml")).map((f) => `episodes/${f}`);

describe("chokepoint backtest", () => {
  it("scores every bundled episode: ≥ 70 % of points inside the band, onsets within a month", async () => {
    expect(episodes.length).toBeGreaterThanOrEqual(3);
    const { code, stdout } = await runCli(["backtest", ...episodes, "--format", "json"]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as BacktestReport;
    expect(report.episodes).toHaveLength(episodes.length);
    for (const e of report.episodes) {
      expect(e.points, e.name).toBeGreaterThanOrEqual(3);
      expect(e.inside / e.points, e.name).toBeGreaterThanOrEqual(0.7);
      for (const s of e.series) {
        // every band is ordered, and every scored point names its period's band
        for (const b of s.bands) expect(b.p5 <= b.p50 && b.p50 <= b.p95, `${e.name} ${s.id}`).toBe(true);
        if (s.onset.error !== null) expect(Math.abs(s.onset.error), `${e.name} ${s.id} onset`).toBeLessThanOrEqual(1);
      }
    }
  }, 120_000);

  it("prints a table and a CSV with one row per series", async () => {
    const table = await runCli(["backtest", "episodes/fluorochemicals-2019.yaml", "--trials", "200"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/observed points inside the simulated 5–95 % band/);
    const csv = await runCli(["backtest", "episodes/antimony-2024.yaml", "--trials", "200", "--format", "csv"]);
    const lines = csv.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^episode,option,start,trials,seed,series,measure,points,inside,coverage,median_error,onset_observed/);
    expect(lines).toHaveLength(1 + 3); // three series in the antimony episode
  }, 60_000);

  it("places a broken episode's problems at file:line:col, exit 2", async () => {
    const { code, stderr } = await runCli(["backtest", "test/data/episodes/broken.yaml"]);
    expect(code).toBe(2);
    expect(stderr).toContain("test/data/episodes/broken.yaml:3:8  start  must be a calendar month written YYYY-MM");
    expect(stderr).toMatch(/broken\.yaml:11:\d+ +series\[0\]\.points\.2019-08 +must be 0 or more/);
    expect(stderr).toMatch(/broken\.yaml:10:\d+ +series\[0\]\.unit +observations in a unit other than `index` need `baseline`/);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/); // no stack
  });

  it("validate accepts the bundled episodes and places a broken one's problems", async () => {
    const ok = await runCli(["validate", ...episodes]);
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim().split("\n")).toEqual(episodes.map((f) => `ok ${f}`));
    const bad = await runCli(["validate", "test/data/episodes/broken.yaml"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("broken.yaml:3:8  start  must be a calendar month");
  });

  it("checks an episode against its scenario: an unknown good is located too", async () => {
    const { code, stderr } = await runCli(["backtest", "test/data/episodes/unknown-good.yaml"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown-good\.yaml:7:11 +series\[0\]\.good +the scenario's network has no good 'helium'/);
  });

  it("publishes the episode JSON Schema, which every bundled episode satisfies", async () => {
    const committed = readFileSync(`${repoRoot}schema/episode.schema.json`, "utf8");
    expect(committed).toBe(renderJsonSchema("episode"));
    const { stdout } = await runCli(["schema", "--kind", "episode"]);
    expect(stdout).toBe(committed);
    const validate = new Ajv2020Module.default({ allErrors: true, strict: true }).compile(jsonSchemaOf("episode"));
    for (const f of episodes) {
      const value = parseSource(readFileSync(`${repoRoot}${f}`, "utf8"), f).value;
      expect(validate(value) ? [] : validate.errors, f).toEqual([]);
    }
    expect(validate({ name: "x", scenario: "s.yaml", start: "2019-13", series: [] })).toBe(false);
  });
});
