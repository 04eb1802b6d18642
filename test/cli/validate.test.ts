import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";

describe("chokepoint validate", () => {
  it("reports every mistake of a scenario and its network with file:line:col, path and sentence", async () => {
    const { code, stdout, stderr } = await runCli(["validate", "test/data/three-mistakes/scenario.yaml"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatchInlineSnapshot(`
      "test/data/three-mistakes/scenario.yaml:11:15  shocks[0].targets[0]  unknown country or group 'JPN'; did you mean 'JP'?
      test/data/three-mistakes/scenario.yaml:12:15  shocks[0].severity  must be between 0 and 1, got 1.4
      test/data/three-mistakes/network.yaml:16:14  goods[1].inputs.magnet  bill of materials has a cycle: magnet → ndpr → magnet
      3 problems in 1 of 1 file.
      "
    `);
  });

  it("prints ok for each valid file and exits 0", async () => {
    const { code, stdout, stderr } = await runCli(["validate", "test/data/valid/scenario.yaml", "test/data/valid/network.yaml"]);
    expect({ code, stdout, stderr }).toEqual({
      code: 0,
      stdout: "ok test/data/valid/scenario.yaml\nok test/data/valid/network.yaml\n",
      stderr: "",
    });
  });

  it("checks every file even when one fails, and names a file it cannot read", async () => {
    const { code, stdout, stderr } = await runCli(["validate", "test/data/missing.yaml", "test/data/valid/network.yaml"]);
    expect(code).toBe(2);
    expect(stdout).toBe("ok test/data/valid/network.yaml\n");
    expect(stderr).toMatchInlineSnapshot(`
      "test/data/missing.yaml  (document)  cannot read the file: no such file
      1 problem in 1 of 2 files.
      "
    `);
  });

  it("prints a problem shared by several files once", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "chokepoint-validate-"));
    await writeFile(path.join(dir, "net.yaml"), "countries: []\ngoods: []\nproducers: []\nflows: []\ndemand: []\nextra: 1\n");
    const scenario = (name: string) => `name: ${name}\nnetwork: net.yaml\nhome: JP\nhorizon: 4\n`;
    await writeFile(path.join(dir, "a.yaml"), scenario("a"));
    await writeFile(path.join(dir, "b.yaml"), scenario("b"));
    const { code, stderr } = await runCli(["validate", "a.yaml", "b.yaml"], dir);
    expect(code).toBe(2);
    expect(stderr).toMatchInlineSnapshot(`
      "net.yaml:6:1  extra  unknown field 'extra'
      1 problem in 2 of 2 files.
      "
    `);
  });

  it("never prints a stack trace for a file that is not YAML", async () => {
    const { code, stderr } = await runCli(["validate", "test/data/broken-syntax.yaml"]);
    expect(code).toBe(2);
    expect(stderr).not.toMatch(/at .*\.ts/);
    expect(stderr).toMatchInlineSnapshot(`
      "test/data/broken-syntax.yaml:6:1  (document)  invalid YAML: all mapping items must start at the same column
      test/data/broken-syntax.yaml:6:12  (document)  invalid YAML: nested mappings are not allowed in compact mappings
      test/data/broken-syntax.yaml:6:12  (document)  invalid YAML: implicit keys need to be on a single line
      3 problems in 1 of 1 file.
      "
    `);
  });

  it("teaches with examples in --help", async () => {
    const { code, stdout } = await runCli(["validate", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Examples:");
    expect(stdout).toContain("chokepoint validate fixtures/*.yaml scenarios/*.yaml");
  });
});

describe("every problem at once", () => {
  it("reports reference problems even when the same file also breaks its schema", async () => {
    // Schema problems: a text horizon, an unknown field, an unknown shock type, a negative
    // stockpile. Reference problems elsewhere in the file: an unknown country (KP), a misspelt
    // country (JPN) and an unknown policy in an option. The broken shock 'b' keeps its id, so
    // the trigger that names it is not reported as unknown.
    const r = await runCli(["validate", "test/data/many-mistakes/scenario.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatchInlineSnapshot(`
      "test/data/many-mistakes/scenario.yaml:5:10  horizon  must be a number, got 'twelve'
      test/data/many-mistakes/scenario.yaml:7:49  shocks[0].severty  unknown field 'severty'; did you mean 'severity'?
      test/data/many-mistakes/scenario.yaml:8:19  shocks[1].type  unknown shock type 'embargo'; expected one of export_control, blockade, chokepoint_closure, outage, demand_surge, quarantine
      test/data/many-mistakes/scenario.yaml:9:38  shocks[2].country  unknown country 'KP'
      test/data/many-mistakes/scenario.yaml:11:63  policies[0].units  must be 0 or more, got -3
      test/data/many-mistakes/scenario.yaml:12:40  policies[1].country  unknown country 'JPN'; did you mean 'JP'?
      test/data/many-mistakes/scenario.yaml:14:15  options.o[2]  unknown policy 'p3'
      7 problems in 1 of 1 file.
      "
    `);
  });
});
