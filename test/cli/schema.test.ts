import { describe, expect, it } from "vitest";
import { jsonSchemaOf } from "../../src/scenario/json-schema.ts";
import { runCli } from "../helpers/cli.ts";

describe("chokepoint schema", () => {
  it("prints the scenario schema by default", async () => {
    const { code, stdout } = await runCli(["schema"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(jsonSchemaOf("scenario"));
    expect(JSON.parse(stdout)).toMatchObject({ $schema: "https://json-schema.org/draft/2020-12/schema" });
  });

  it("prints the network schema with --kind network", async () => {
    const { code, stdout } = await runCli(["schema", "--kind", "network"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ title: "chokepoint network file", required: expect.arrayContaining(["countries"]) });
  });

  it("prints the sweep-file schema with --kind sweep", async () => {
    const { code, stdout } = await runCli(["schema", "--kind", "sweep"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ title: "chokepoint sweep file" });
  });

  it("rejects an unknown kind with a usage error", async () => {
    const { code, stdout, stderr } = await runCli(["schema", "--kind", "report"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("Allowed choices are scenario, network, episode, sweep");
  });
});
