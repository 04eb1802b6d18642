import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import Ajv2020Module from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { type DocumentKind, detectKind, documentKinds } from "../../src/scenario/document-kind.ts";
import { jsonSchemaOf, renderJsonSchema } from "../../src/scenario/json-schema.ts";
import { parseSource } from "../../src/scenario/parse.ts";
import { repoRoot } from "../helpers/cli.ts";

// ajv is CommonJS; under NodeNext its class is the default export's `default`.
const Ajv2020 = Ajv2020Module.default;

function validator(kind: DocumentKind) {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  return ajv.compile(jsonSchemaOf(kind));
}
const validators = { scenario: validator("scenario"), network: validator("network") };

/** Every input document the project ships, and the valid ones of the test suite. */
async function documents(): Promise<string[]> {
  const files: string[] = [];
  for (const dir of ["fixtures", "scenarios", "test/data/valid"]) {
    const names = await readdir(path.join(repoRoot, dir)).catch(() => []);
    files.push(...names.filter((n) => /\.(ya?ml|json)$/.test(n)).map((n) => `${dir}/${n}`));
  }
  // fixtures/sources.yaml is the provenance table of the fixtures, not an input document.
  return files.filter((f) => f !== "fixtures/sources.yaml");
}

async function valueOf(file: string): Promise<unknown> {
  return parseSource(await readFile(path.join(repoRoot, file), "utf8"), file).value;
}

describe("JSON Schema", () => {
  it.each(documentKinds)("schema/%s.schema.json is the freshly generated one (npm run schema:write)", async (kind) => {
    const committed = await readFile(path.join(repoRoot, "schema", `${kind}.schema.json`), "utf8");
    expect(committed).toBe(renderJsonSchema(kind));
  });

  it("accepts every network and scenario file", async () => {
    const files = await documents();
    expect(files).toContain("test/data/valid/inline.json");
    for (const file of files) {
      const value = await valueOf(file);
      const kind = detectKind(value);
      expect(kind, file).toBeDefined();
      const validate = validators[kind ?? "scenario"];
      expect(validate(value) ? [] : validate.errors, file).toEqual([]);
    }
  });

  it("rejects broken documents", async () => {
    const scenario = (await valueOf("test/data/valid/scenario.yaml")) as Record<string, unknown>;
    const broken = [
      { ...scenario, shocks: [{ id: "a", type: "embargo", country: "CN" }] },
      { ...scenario, shocks: [{ id: "a", type: "blockade", country: "CN", severty: 0.5 }] },
      { ...scenario, horizon: "long" },
      { name: "no home", network: "n.yaml", horizon: 3 },
    ];
    for (const doc of broken) expect(validators.scenario(doc), JSON.stringify(doc)).toBe(false);
    const network = (await valueOf("test/data/valid/network.yaml")) as Record<string, unknown>;
    expect(validators.network({ ...network, flows: [{ from: "cn-ndpr", to: "JP", volume: -1 }] })).toBe(false);
  });
});
