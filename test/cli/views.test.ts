// stress and leverage from the command line: usage errors are located sentences with exit 2,
// and every format of theirs is offered.
import { describe, expect, it } from "vitest";
import { splitCsvLine } from "../../src/render/sweep-rows.ts";
import { runCli } from "../helpers/cli.ts";

describe("stress and leverage on the command line", () => {
  it("asks for --home on a network, naming the valid countries", async () => {
    const r = await runCli(["stress", "fixtures/energy-japan.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--home is required for a network file; valid countries: .*JP/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("rejects an unknown node kind and a severity above 1", async () => {
    const by = await runCli(["stress", "scenarios/hormuz-closure.yaml", "--by", "port"]);
    expect(by.code).toBe(2);
    expect(by.stderr).toContain("option --by: must be one of country, producer, chokepoint, good, got 'port'");
    const sev = await runCli(["stress", "scenarios/hormuz-closure.yaml", "--severity", "1.5"]);
    expect(sev.code).toBe(2);
    expect(sev.stderr).toContain("option --severity: must be a number from 0 to 1, got '1.5'");
  });

  it("stress prints the ranked table, chokepoints only, as CSV", async () => {
    const r = await runCli(["stress", "scenarios/hormuz-closure.yaml", "--by", "chokepoint", "--option", "oil-reserve", "--format", "csv"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n").map(splitCsvLine);
    expect(lines[0]!.join(",")).toBe(
      "scenario,home,trials,seed,horizon,period_unit,currency,duration,severity,rank,kind,node,option,unmet,value_lost,time_to_survive,time_to_recover,goods_short",
    );
    // every row is a chokepoint, baseline then the option (after the nine settings columns)
    expect(lines.slice(1).every((l) => l[10] === "chokepoint")).toBe(true);
    expect(lines[1]![12]).toBe("baseline");
    expect(lines[2]![12]).toBe("oil-reserve");
  });

  it("leverage rejects an unknown home and lists its formats", async () => {
    const r = await runCli(["leverage", "fixtures/rare-earths.yaml", "--home", "XX"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("option --home: unknown country 'XX'");
    const f = await runCli(["leverage", "fixtures/rare-earths.yaml", "--format", "pdf"]);
    expect(f.stderr).toContain("option --format: must be one of table, json, csv, jsonl, html");
  });
});
