import { describe, expect, it } from "vitest";
import { formatPath } from "../../src/errors.ts";
import { parseSource } from "../../src/scenario/parse.ts";
import { networkSchema, scenarioSchema } from "../../src/scenario/schema.ts";
import { parseWithSchema } from "../../src/scenario/zod-issues.ts";

/** Issues of a scenario built from a small valid one plus `extra` fields, as `path  message`. */
function scenarioIssues(extra: Record<string, unknown>): string[] {
  const input = { name: "s", network: "n.yaml", home: "JP", horizon: 12, ...extra };
  const result = parseWithSchema(scenarioSchema, input);
  return result.ok ? [] : result.issues.map((i) => `${formatPath(i.path)}  ${i.message}`);
}
const shock = (fields: Record<string, unknown>) => ({ shocks: [{ id: "s", type: "blockade", country: "CN", ...fields }] });

describe("schema issues as sentences", () => {
  it("accepts a valid document and fills defaults", () => {
    const result = parseWithSchema(scenarioSchema, { name: "s", network: "n.yaml", home: "JP", horizon: 12 });
    expect(result).toMatchObject({ ok: true, value: { trials: 10000, seed: 1, shocks: [], objective: "risk" } });
  });

  it("names an unknown shock type and lists the known ones", () => {
    expect(scenarioIssues({ shocks: [{ id: "s", type: "embargo" }] })).toEqual([
      "shocks[0].type  unknown shock type 'embargo'; expected one of export_control, blockade, chokepoint_closure, outage, demand_surge, quarantine",
    ]);
    expect(scenarioIssues({ shocks: [{ id: "s", type: "blockad", country: "CN" }] })).toEqual([
      "shocks[0].type  unknown shock type 'blockad'; did you mean 'blockade'?",
    ]);
    expect(scenarioIssues({ policies: [{ id: "p" }] })).toEqual([
      "policies[0].type  is required: one of stockpile, diversify, capacity, substitution, recycling, partnership",
    ]);
  });

  it("names an unknown field at its key and suggests the nearest known one", () => {
    const result = parseWithSchema(scenarioSchema, { name: "s", network: "n.yaml", home: "JP", horizon: 1, ...shock({ severty: 1, colour: "red" }) });
    expect(result.ok ? [] : result.issues).toEqual([
      { path: ["shocks", 0, "severty"], at: "key", message: "unknown field 'severty'; did you mean 'severity'?" },
      { path: ["shocks", 0, "colour"], at: "key", message: "unknown field 'colour'" },
    ]);
  });

  it("adds the offending value to range messages", () => {
    expect(scenarioIssues({ ...shock({ probability: 1.4 }), horizon: 0, trials: 2.5 })).toEqual([
      "horizon  must be at least 1, got 0",
      "trials  must be a whole number, got 2.5",
      "shocks[0].probability  must be between 0 and 1, got 1.4",
    ]);
  });

  it("says which field is missing, and what a value should have been", () => {
    expect(scenarioIssues({ name: undefined, home: 3, objective: "rsk", options: { a: "p" } })).toEqual([
      "name  is required",
      "home  must be a text, got 3",
      "objective  must be risk or expected, got 'rsk'; did you mean 'risk'?",
      "options.a  must be a list, got 'p'",
    ]);
  });

  it("rejects non-finite numbers in plain and distribution fields", () => {
    const source = parseSource("price: .inf\n");
    expect(source.value).toEqual({ price: Number.POSITIVE_INFINITY });
    expect(scenarioIssues(shock({ severity: Number.NaN, start: Number.NEGATIVE_INFINITY }))).toEqual([
      "shocks[0].start  must be a finite number, got minus infinity",
      "shocks[0].severity  must be a finite number, got NaN",
    ]);
    const network = { countries: [], goods: [{ id: "g", name: "G", unit: "t", price: Number.POSITIVE_INFINITY }], producers: [], flows: [], demand: [] };
    const result = parseWithSchema(networkSchema, network);
    expect(result.ok ? [] : result.issues.map((i) => i.message)).toEqual(["must be a finite number, got infinity"]);
  });

  it("descends into the branch of a union that the value's type selects", () => {
    expect(scenarioIssues(shock({ severity: { dist: "beta" }, duration: { dist: "uniform", min: 4, max: 2 }, start: "soon" }))).toEqual([
      "shocks[0].start  must be a number or a distribution ({dist: uniform, min, max}, triangular, normal, lognormal or choice), got 'soon'",
      "shocks[0].duration.min  min must not exceed max",
      "shocks[0].severity.dist  unknown distribution 'beta'; expected one of uniform, triangular, normal, lognormal, choice",
    ]);
    expect(scenarioIssues({ network: { countries: [{ id: "JP", name: "Japan", group: [] }], goods: [], producers: [], flows: [], demand: [] } })).toEqual([
      "network.countries[0].group  unknown field 'group'; did you mean 'groups'?",
    ]);
    expect(scenarioIssues({ network: 3 })).toEqual(["network  must be the path of a network file, or the network itself, got 3"]);
  });

  it("describes a document that is not a map", () => {
    const result = parseWithSchema(networkSchema, ["a"]);
    expect(result.ok ? [] : result.issues).toEqual([{ path: [], message: "must be a map (key: value), got a list" }]);
  });
});
