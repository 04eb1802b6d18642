// Adding a kind is one file and one registry line: a port strike, defined here and registered in
// a registry built for this test, validates with located errors, appears in the JSON Schema, has
// sweep paths and runs, with no edit anywhere else (docs/architecture.md, "Adding a shock or
// policy kind").
import Ajv2020Module from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { optionsOf, prepareRun, runTrials } from "../../src/engine/run.ts";
import { emptyEffect } from "../../src/engine/effects.ts";
import { formatIssue } from "../../src/errors.ts";
import { id, periods, shockBase } from "../../src/kinds/fields.ts";
import { defaultKinds, type Kinds, makeRegistry, type ShockKind, shockKinds, shockSweepable } from "../../src/kinds/index.ts";
import { placeIssues } from "../../src/scenario/issues.ts";
import { fileJsonSchema } from "../../src/scenario/json-schema.ts";
import { parseSource } from "../../src/scenario/parse.ts";
import { makeScenarioSchema, type Scenario } from "../../src/scenario/schema.ts";
import { validateScenario } from "../../src/scenario/validate.ts";
import { findPath, indexPaths, withValues } from "../../src/sweep/paths.ts";
import { twoSupplierNetwork } from "../engine/builders.ts";

// ---- the kind's file --------------------------------------------------------------------------
// Port strike: dock workers in `country` stop loading, so every flow leaving it is cut by the
// severity; the strike ends after `maxPeriods` at most, whatever its drawn duration.
// ajv is CommonJS; under NodeNext its class is the default export's `default`.
const Ajv2020 = Ajv2020Module.default;

const schema = z
  .object({ ...shockBase, type: z.literal("port_strike"), country: id, maxPeriods: periods.optional() })
  .strict();

const portStrike: ShockKind<typeof schema> = {
  type: "port_strike",
  schema,
  refs: { country: "country" },
  sweepable: { integers: ["maxPeriods"] },
  stub: (id) => ({ id, type: "port_strike", country: "\u0000stub" }),
  compile(net, s) {
    const c = net.countryIds.indexOf(s.country);
    const e = emptyEffect();
    for (let f = 0; f < net.nFlows; f++) {
      if (net.producerCountry[net.flowProducer[f]!] === c && net.flowTo[f] !== c) e.cutFlows.push(f);
    }
    return e;
  },
  bypass: (s) => s.maxPeriods ?? -1,
};

// ---- the registry line ------------------------------------------------------------------------
const kinds: Kinds = { ...defaultKinds, shocks: makeRegistry([...shockKinds, portStrike], shockSweepable) };

const text = `name: strike test
home: JP
horizon: 4
network:
  countries:
    - { id: JP, name: Japan }
    - { id: CN, name: China }
  goods: [{ id: x, name: X, unit: t, price: 1 }]
  producers: [{ id: cn-x, country: CN, good: x, capacity: 100 }]
  flows: [{ from: cn-x, to: JP, volume: 80 }]
  demand: [{ country: JP, good: x, volume: 80 }]
shocks:
  - id: strike
    type: port_strike
    country: CM
  - id: long
    type: port_strike
    country: CN
    maxPeriods: -1
  - id: after-strike
    type: blockade
    country: JP
    after: { shock: long }
`;

function scenarioWith(shock: Record<string, unknown>): Scenario {
  const { value, issues } = validateScenario(
    { name: "t", home: "JP", horizon: 4, network: twoSupplierNetwork(), shocks: [shock] },
    undefined,
    kinds,
  );
  expect(issues).toEqual([]);
  return value!;
}

const strike = { id: "strike", type: "port_strike", country: "CN", maxPeriods: 2 };

describe("a shock kind added in one file and one registry line", () => {
  it("validates: every problem located at file:line:col, references checked by the kind's refs", () => {
    const doc = parseSource(text, "strike.yaml");
    const lines = placeIssues(validateScenario(doc.value, undefined, kinds).issues, "strike.yaml", doc).map(formatIssue);
    expect(lines).toEqual([
      "strike.yaml:19:17  shocks[1].maxPeriods  must be 0 or more, got -1",
      "strike.yaml:15:14  shocks[0].country  unknown country 'CM'",
    ]);
    // without the registry line, the same file names an unknown shock type
    const unknown = validateScenario(doc.value, undefined, defaultKinds).issues;
    expect(unknown.some((i) => i.path.join(".") === "shocks.0.type" && /port_strike/.test(i.message))).toBe(true);
  });

  it("appears in the JSON Schema of the scenario file, and only with its registry", () => {
    const ajv = new Ajv2020({ strict: false });
    const withStrike = ajv.compile(fileJsonSchema(makeScenarioSchema(kinds), "scenario"));
    const without = ajv.compile(fileJsonSchema(makeScenarioSchema(defaultKinds), "scenario"));
    const doc = { ...(parseSource(text).value as object), shocks: [strike] };
    expect(withStrike(doc)).toBe(true);
    expect(without(doc)).toBe(false);
  });

  it("has sweep paths: its declared whole-number field, and every shock's distribution fields", () => {
    const scenario = scenarioWith(strike);
    const index = indexPaths(scenario, kinds);
    const max = findPath(index, "shocks.strike.maxPeriods");
    expect(max).toEqual({ path: expect.objectContaining({ base: 2, integer: true, holds: "number" }) });
    expect(findPath(index, "shocks.strike.duration")).toEqual({
      path: expect.objectContaining({ holds: "nothing", integer: false }),
    });
    if (!("path" in max)) throw new Error("no path");
    const set = withValues(scenario, [{ path: max.path, value: 3 }], kinds);
    expect("scenario" in set && set.scenario.shocks[0]).toMatchObject({ type: "port_strike", maxPeriods: 3 });
    // a value the kind's schema refuses comes back as an issue at the scenario path
    const bad = withValues(scenario, [{ path: max.path, value: -2 }], kinds);
    expect("issues" in bad && bad.issues.map((i) => i.path)).toEqual([["shocks", 0, "maxPeriods"]]);
  });

  it("runs: the strike cuts CN's exports for maxPeriods periods", () => {
    // JP uses 80 of x: 70 from CN, 10 from AU (capacity 15, so 5 spare). A full strike in CN
    // for 2 of 4 periods leaves JP 10 + 5 = 15 a period: short 65 in each of 2 periods, so
    // U = 2 × 65 / (4 × 80) = 130 / 320 = 0.40625. With maxPeriods 3: 195 / 320 = 0.609375.
    for (const [maxPeriods, expected] of [
      [2, 0.40625],
      [3, 0.609375],
    ] as const) {
      const scenario = scenarioWith({ ...strike, maxPeriods });
      const prepared = prepareRun(scenario, { options: optionsOf(scenario), kinds });
      const [baseline] = runTrials(prepared, 0, 3);
      expect(Array.from(baseline!.unmet)).toEqual([expected, expected, expected]);
    }
  });
});
