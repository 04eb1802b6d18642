// File formats of networks and scenarios as zod schemas: the only home of defaults.
// Reference: docs/model.md (§1 network, §2 shocks, §3 policies, §7 scenario file).
import { z } from "zod";
import { defaultKinds, type Kinds } from "../kinds/index.ts";
import { id, MAX_HORIZON, MAX_WHOLE, wholeNumber } from "../kinds/fields.ts";
import { policies } from "../kinds/policies/index.ts";
import { shocks } from "../kinds/shocks/index.ts";

export { distributionSchema, type Distribution } from "../kinds/fields.ts";

import { marketSchema, type Network, networkSchema } from "./network-schema.ts";

export * from "./network-schema.ts";

// ---------------------------------------------------------------------------------------------
// Shocks (§2) and policies (§3): one file per kind under src/kinds/, the unions built there.

export const shockSchema = shocks.union;
export type ShockInput = z.input<typeof shockSchema>;
export type Shock = z.output<typeof shockSchema>;
export type ShockType = Shock["type"];

export const policySchema = policies.union;
export type PolicyInput = z.input<typeof policySchema>;
export type Policy = z.output<typeof policySchema>;
export type PolicyType = Policy["type"];

// ---------------------------------------------------------------------------------------------
// Scenario (§7)

function scenarioObject<S extends z.ZodType, P extends z.ZodType>(shock: S, policy: P) {
  return z
    .object({
      name: z.string().describe("the scenario's name, shown in reports"),
      description: z.string().optional().describe("free text for people; not used by the model"),
      /** A path relative to the scenario file, or the network inline. */
      network: z.union([z.string().min(1), networkSchema]).describe("the network file, relative to this file, or the network inline"),
      home: id.describe("the country whose shortfall is scored"),
      horizon: wholeNumber(1, MAX_HORIZON, "periods").describe("periods simulated per trial"),
      period: z.string().default("period").describe("the name of one period (e.g. month, quarter); default period"),
      trials: wholeNumber(1, 1e9).default(10000).describe("Monte Carlo trials per option; default 10000"),
      seed: wholeNumber(0, MAX_WHOLE).default(1).describe("random seed; the same seed gives the same numbers; default 1"),
      objective: z.enum(["risk", "expected"]).default("risk").describe("risk (CVaR95 of the unmet share) or expected (its mean) ranks the options; default risk"),
      currency: z.string().default("units").describe("the unit of prices and costs (e.g. USD m); default units"),
      shocks: z.array(shock).default([]).describe("what may go wrong: each shock has a kind (type), a probability, a start, a duration and a severity; default none"),
      policies: z.array(policy).default([]).describe("what the home country can do, each with a kind (type) and a cost; default none"),
      options: z.record(id, z.array(id)).default({}).describe("named sets of policy ids to compare against the baseline (no policy); default none"),
      /** Per good: market fields that replace the network's (docs/model.md, "Markets that adapt"). */
      markets: z.record(id, marketSchema).optional().describe("per good id: market fields that replace the network's; absent = the network's"),
    })
    .strict();
}

export const scenarioSchema = scenarioObject(shockSchema, policySchema);

/**
 * The scenario schema for a set of kinds. With kinds beyond the file format's, the parsed
 * scenario holds elements of those kinds too, though its static type names only the default ones.
 */
export function makeScenarioSchema(kinds: Kinds): typeof scenarioSchema {
  if (kinds === defaultKinds) return scenarioSchema;
  return scenarioObject(kinds.shocks.union, kinds.policies.union) as unknown as typeof scenarioSchema;
}

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ScenarioFile = z.output<typeof scenarioSchema>;

/** A scenario whose network has been loaded and checked: what the model and engine accept. */
export interface Scenario extends Omit<ScenarioFile, "network"> {
  network: Network;
  /** Where the scenario came from, for messages; absent for in-memory scenarios. */
  file?: string;
  networkFile?: string;
}
