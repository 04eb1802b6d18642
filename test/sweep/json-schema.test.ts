import { readFile } from "node:fs/promises";
import path from "node:path";
import Ajv2020Module from "ajv/dist/2020.js";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { renderSweepJsonSchema, sweepJsonSchema } from "../../src/sweep/json-schema.ts";
import { repoRoot } from "../helpers/cli.ts";

// ajv is CommonJS; under NodeNext its class is the default export's `default`.
const Ajv2020 = Ajv2020Module.default;

describe("the sweep file's JSON Schema", () => {
  it("is committed as schema/sweep.schema.json, up to date with the zod schema", async () => {
    const committed = await readFile(path.join(repoRoot, "schema/sweep.schema.json"), "utf8");
    expect(committed).toBe(renderSweepJsonSchema());
  });

  it("accepts the test sweep files and rejects a non-numeric value", async () => {
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(sweepJsonSchema());
    for (const name of ["grid.yaml", "tornado-sweep.yaml"]) {
      const doc: unknown = parse(await readFile(path.join(repoRoot, "test/data/sweep", name), "utf8"));
      expect(validate(doc)).toBe(true);
    }
    expect(validate(parse(await readFile(path.join(repoRoot, "test/data/sweep/bad-numbers.yaml"), "utf8")))).toBe(false);
  });
});
