// `chokepoint inspect FILE --sources`: every number of the home's goods and where it came from.
import { describe, expect, it } from "vitest";
import type { SourcesReport } from "../../src/model/sources.ts";
import { runCli } from "../helpers/cli.ts";

describe("inspect --sources on fixtures/critical-minerals.yaml", () => {
  it("shows China's share of US germanium with its basis (metal import sources) and its source", async () => {
    const r = await runCli(["inspect", "fixtures/critical-minerals.yaml", "--home", "US", "--sources", "--format", "json"]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as SourcesReport;
    expect(report.audit.missing).toBe(0);
    const ge = report.goods.find((g) => g.good === "germanium");
    expect(ge?.basis.map((b) => b.ref)).toEqual(["basis-germanium"]);
    expect(ge?.basis[0]?.citation).toContain("IMPORT SOURCES of germanium METAL");
    const cn = ge?.lines.find((l) => l.label === "flow cn-germanium → US");
    // US use 30 t/yr; own refiners 4.2; imports 25.8 × China 41% = 10.578; the 4% left (1.032 t)
    // is pooled over China's remaining 87.422 t and Canada's 12.6 t: 1.032 × 87.422 / 100.022 = 0.902.
    // China: (10.578 + 0.902) / 30 = 0.3827 of US use.
    expect(cn?.share).toBeCloseTo(0.3827, 2);
    expect(cn?.sources.map((s) => s.ref)).toContain("usgs-mcs2026-germanium-us-imports");
    const published = cn?.sources.find((s) => s.ref === "usgs-mcs2026-germanium-us-imports");
    expect(published?.kind).toBe("published");
    expect(published?.value).toContain("CN 41");
    expect(published?.citation).toContain("U.S. Geological Survey");
  });

  it("states gallium's basis (primary production) in the table, beside China's share", async () => {
    const r = await runCli(["inspect", "fixtures/critical-minerals.yaml", "--home", "US", "--sources", "--good", "gallium"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("basis (basis-gallium): method: PRIMARY PRODUCTION");
    expect(r.stdout).toMatch(/flow cn-gallium → US volume\s+1\.583\s+100\.0%/);
  });

  it("lists every line that names a country, with its governance score", async () => {
    const r = await runCli(["inspect", "fixtures/critical-minerals.yaml", "--home", "US", "--sources", "--country", "CA", "--format", "csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("home,good,number,value,share,estimate,source,kind,value_in_source,citation");
    expect(r.stdout).toContain("country CA governance");
    expect(r.stdout).toContain("calc-cobalt-refined-ca");
  });

  it("rejects an unknown good with a usage error that lists the valid ones", async () => {
    const r = await runCli(["inspect", "fixtures/critical-minerals.yaml", "--home", "US", "--sources", "--good", "gold"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("option --good: unknown good 'gold'");
    expect(r.stderr).toContain("germanium");
  });

  it("says where the provenance table is missing (exit 2)", async () => {
    const r = await runCli(["inspect", "fixtures/critical-minerals.yaml", "--home", "US", "--sources", "--sources-file", "nowhere.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("nowhere.yaml");
    expect(r.stderr).toContain("cannot read the provenance table");
  });

  it("finds the table beside a scenario's network", async () => {
    const r = await runCli(["inspect", "scenarios/gallium-germanium-2023.yaml", "--sources", "--format", "json"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as SourcesReport).home).toBe("JP");
  });
});
