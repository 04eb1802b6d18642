import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InspectReport } from "../../src/analysis/inspect.ts";
import type { NetworkInput } from "../../src/scenario/schema.ts";
import { splitCsvLine } from "../../src/render/sweep-rows.ts";
import { runCli } from "../helpers/cli.ts";
import { parseReport } from "../helpers/json.ts";

/** JP buys gallium from CN 70 / AU 20 / US 10 through Malacca and makes its own chips from it. */
const network: NetworkInput = {
  name: "cli test",
  countries: [
    { id: "JP", name: "Japan", groups: ["G7"], governance: 8 },
    { id: "CN", name: "China", governance: 2 },
    { id: "AU", name: "Australia", governance: 8 },
    { id: "US", name: "United States", groups: ["G7"], governance: 6 },
  ],
  goods: [
    { id: "gallium", name: "Gallium, 99.99%", unit: "t", price: 2 },
    { id: "chip", name: "Chip", unit: "kpcs", price: 100, inputs: { gallium: 0.5 } },
  ],
  producers: [
    { id: "cn-ga", country: "CN", good: "gallium", capacity: 100 },
    { id: "au-ga", country: "AU", good: "gallium", capacity: 20 },
    { id: "us-ga", country: "US", good: "gallium", capacity: 10 },
    { id: "jp-chip", country: "JP", good: "chip", capacity: 10 },
  ],
  chokepoints: [{ id: "malacca", name: "Strait of Malacca" }],
  flows: [
    { from: "cn-ga", to: "JP", volume: 70, route: ["malacca"] },
    { from: "au-ga", to: "JP", volume: 20, route: ["malacca"] },
    { from: "us-ga", to: "JP", volume: 10, route: ["malacca"] },
    { from: "jp-chip", to: "JP", volume: 10 },
  ],
  demand: [
    { country: "JP", good: "gallium", volume: 95 },
    { country: "JP", good: "chip", volume: 10 },
  ],
};

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "chokepoint-inspect-"));
  writeFileSync(join(dir, "network.json"), JSON.stringify(network));
  writeFileSync(
    join(dir, "scenario.json"),
    JSON.stringify({ name: "cli scenario", network: "network.json", home: "JP", horizon: 12 }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI in the temporary directory, so file names are relative as a user types them. */
const cli = (...argv: string[]) => runCli(argv, dir);

describe("chokepoint inspect", () => {
  it("prints the per-good table by default", async () => {
    const { code, stdout, stderr } = await cli("inspect", "network.json", "--home", "JP");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("Structural exposure of JP (Japan)");
    // 0.49 + 0.04 + 0.01 = 0.54 → 5 400, high
    expect(stdout).toMatch(/gallium .* 5400 +high +CN 70%, AU 20%, US 10%/);
    expect(stdout).toContain("malacca");
    expect(stdout).not.toMatch(/\u001b/);
  });

  it("--format json parses to the InspectReport", async () => {
    const { code, stdout } = await cli("inspect", "network.json", "--home", "JP", "--format", "json");
    expect(code).toBe(0);
    // the written field names are snake_case; read back, the report is the library's InspectReport
    expect(JSON.parse(stdout).goods[0].hhi_points).toBe(5400);
    const report = parseReport<InspectReport>(stdout);
    expect(report.home).toBe("JP");
    expect(report.goods.map((g) => g.good)).toEqual(["gallium", "chip"]);
    expect(report.goods[0]?.hhiPoints).toBe(5400);
    // 0.49·(10−2) + 0.04·(10−8) + 0.01·(10−6) = 3.92 + 0.08 + 0.04 = 4.04
    expect(report.goods[0]?.governanceConcentration.home).toBeCloseTo(4.04, 12);
    expect(report.chokepoints[0]?.id).toBe("malacca");
  });

  it("--format csv has a header line and one row per good, with fixed snake_case columns", async () => {
    const { code, stdout } = await cli("inspect", "network.json", "--home", "JP", "--format", "csv");
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      "network,home,good,name,unit,bom_depth,use,demand,intermediate_use,import_share,hhi,hhi_points,hhi_band," +
        "outside_groups_share,world_supply,governance_world,governance_home,governance_imputed",
    );
    expect(lines[1]).toMatch(/^cli test,JP,gallium,"Gallium, 99\.99%",t,0,100,95,5,1,/);
    const cell = (line: string, name: string) => splitCsvLine(line)[splitCsvLine(lines[0]!).indexOf(name)];
    // HHI of 70/20/10: 0.49 + 0.04 + 0.01 = 0.54, 5 400 points
    expect(Number(cell(lines[1]!, "hhi"))).toBeCloseTo(0.54, 12);
    expect(cell(lines[1]!, "hhi_points")).toBe("5400");
    // CN and AU share no group with JP: 0.7 + 0.2
    expect(Number(cell(lines[1]!, "outside_groups_share"))).toBeCloseTo(0.9, 12);
    // chips are made at home: no import, one source (HHI 1)
    expect(lines[2]).toMatch(/^cli test,JP,chip,Chip,kpcs,1,10,10,0,0,1,10000,high,0,10,/);
  });

  it("--table sources, groups and nodes are long tables whose columns do not depend on the network", async () => {
    const table = async (name: string) => (await cli("inspect", "network.json", "--home", "JP", "--format", "csv", "--table", name)).stdout.trimEnd().split("\n");
    const sources = await table("sources");
    expect(sources[0]).toBe("network,home,good,scope,rank,country,volume,share");
    // gallium: CN, AU, US at home and in the world; chip: JP in both
    expect(sources).toHaveLength(1 + 3 + 3 + 1 + 1);
    expect(sources[1]).toBe("cli test,JP,gallium,home,1,CN,70,0.7");
    const groups = await table("groups");
    expect(groups[0]).toBe("network,home,good,group,home_in_group,share");
    // one group tag (G7) × two goods; US's 10 of 100 gallium is the G7 share
    expect(groups).toHaveLength(1 + 2);
    expect(groups[1]).toBe("cli test,JP,gallium,G7,true,0.1");
    const nodes = await table("nodes");
    expect(nodes[0]).toBe("network,home,kind,id,name,betweenness,home_critical_flows,home_critical_value");
    // four countries and one chokepoint
    expect(nodes).toHaveLength(1 + 5);
    expect(nodes.at(-1)).toMatch(/^cli test,JP,chokepoint,malacca,Strait of Malacca,/);
  });

  it("takes the home from a scenario", async () => {
    const { code, stdout } = await cli("inspect", "scenario.json", "--format", "json");
    expect(code).toBe(0);
    expect(parseReport<InspectReport>(stdout).home).toBe("JP");
  });

  it("--home overrides a scenario's home", async () => {
    const { code, stdout } = await cli("inspect", "scenario.json", "--home", "US", "--format", "json");
    expect(code).toBe(0);
    expect(parseReport<InspectReport>(stdout).home).toBe("US");
  });

  it("rejects an unknown --home with a usage error listing the valid ids", async () => {
    const { code, stdout, stderr } = await cli("inspect", "network.json", "--home", "FR");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("option --home: unknown country 'FR'; valid countries: JP, CN, AU, US");
  });

  it("needs --home for a network file", async () => {
    const { code, stderr } = await cli("inspect", "network.json");
    expect(code).toBe(2);
    expect(stderr).toMatch(/--home is required.*JP, CN, AU, US/);
  });

  it("rejects an unknown format and a missing file with exit code 2", async () => {
    const xml = await cli("inspect", "network.json", "--home", "JP", "--format", "xml");
    expect(xml.code).toBe(2);
    expect(xml.stderr).toContain("option --format: must be one of table, json, csv");
    const missing = await cli("inspect", "nope.yaml", "--home", "JP");
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toContain("nope.yaml");
  });

  it("shows an example in --help", async () => {
    const { code, stdout } = await cli("inspect", "--help");
    expect(code).toBe(0);
    expect(stdout).toContain("$ chokepoint inspect fixtures/critical-minerals.yaml --home JP");
  });
});
