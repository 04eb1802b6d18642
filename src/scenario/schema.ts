// File formats of networks and scenarios as zod schemas: the only home of defaults.
// Reference: docs/model.md (§1 network, §2 shocks, §3 policies, §7 scenario file).
import { z } from "zod";

const id = z.string().min(1, "must be a non-empty id");
const nonNegative = z.number().finite("must be a finite number").min(0, "must be 0 or more");
const positive = z.number().finite("must be a finite number").gt(0, "must be greater than 0");
const periods = z.number().int("must be a whole number of periods").min(0, "must be 0 or more");
const fraction = z.number().finite().min(0, "must be between 0 and 1").max(1, "must be between 0 and 1");

// ---------------------------------------------------------------------------------------------
// Network (§1)

/** Where an entry's numbers come from: per number, ids in a provenance table (docs/data.md). */
const source = z
  .record(z.string(), z.array(id).min(1))
  .optional()
  .describe(
    "provenance: for each number of this entry (e.g. volume, capacity, output, price), the ids of the figures in the provenance table (fixtures/sources.yaml) it comes from; `id#KEY` picks one value of a table",
  );

export const countrySchema = z
  .object({
    id,
    name: z.string(),
    groups: z.array(id).default([]),
    governance: z.number().min(0, "must be between 0 and 10").max(10, "must be between 0 and 10").optional(),
    source,
  })
  .strict();

export const goodSchema = z
  .object({
    id,
    name: z.string(),
    unit: z.string(),
    price: nonNegative,
    weight: nonNegative.default(1),
    inputs: z.record(id, positive).default({}),
    switchPeriods: periods.default(0),
    inventoryPeriods: nonNegative.default(0),
    source,
  })
  .strict();

export const producerSchema = z
  .object({ id, country: id, good: id, capacity: nonNegative, source })
  .strict();

export const chokepointSchema = z
  .object({ id, name: z.string(), bypassPeriods: periods.optional(), source })
  .strict();

export const flowSchema = z
  .object({ from: id, to: id, volume: nonNegative, route: z.array(id).default([]), source })
  .strict();

export const demandSchema = z.object({ country: id, good: id, volume: nonNegative, source }).strict();

export const networkSchema = z
  .object({
    name: z.string().optional(),
    description: z.string().optional(),
    countries: z.array(countrySchema),
    goods: z.array(goodSchema),
    producers: z.array(producerSchema),
    chokepoints: z.array(chokepointSchema).default([]),
    flows: z.array(flowSchema),
    demand: z.array(demandSchema),
  })
  .strict();

export type NetworkInput = z.input<typeof networkSchema>;
export type Network = z.output<typeof networkSchema>;
export type Country = Network["countries"][number];
export type Good = Network["goods"][number];
export type Producer = Network["producers"][number];
export type Chokepoint = Network["chokepoints"][number];
export type Flow = Network["flows"][number];
export type Demand = Network["demand"][number];

// ---------------------------------------------------------------------------------------------
// Distributions (§2): a number, or one of five distributions.

const uniformSchema = z
  .object({ dist: z.literal("uniform"), min: z.number().finite(), max: z.number().finite() })
  .strict()
  .refine((d) => d.min <= d.max, { message: "min must not exceed max", path: ["min"] });
const triangularSchema = z
  .object({
    dist: z.literal("triangular"),
    min: z.number().finite(),
    mode: z.number().finite(),
    max: z.number().finite(),
  })
  .strict()
  .refine((d) => d.min <= d.mode && d.mode <= d.max, {
    message: "needs min ≤ mode ≤ max",
    path: ["mode"],
  });
const normalSchema = z
  .object({
    dist: z.literal("normal"),
    mean: z.number().finite(),
    sd: nonNegative,
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
  })
  .strict()
  .refine((d) => d.min === undefined || d.max === undefined || d.min <= d.max, {
    message: "min must not exceed max",
    path: ["min"],
  });
const lognormalSchema = z
  .object({ dist: z.literal("lognormal"), mu: z.number().finite(), sigma: nonNegative })
  .strict();
const choiceSchema = z
  .object({
    dist: z.literal("choice"),
    values: z.array(z.number().finite()).min(1, "needs at least one value"),
    weights: z.array(nonNegative).optional(),
  })
  .strict()
  .refine((d) => d.weights === undefined || d.weights.length === d.values.length, {
    message: "weights must have one entry per value",
    path: ["weights"],
  })
  .refine((d) => d.weights === undefined || d.weights.some((w) => w > 0), {
    message: "weights must not all be 0",
    path: ["weights"],
  });

export const distributionSchema = z.union([
  z.number().finite("must be a finite number"),
  z.discriminatedUnion("dist", [uniformSchema, triangularSchema, normalSchema, lognormalSchema, choiceSchema]),
]);
export type Distribution = z.output<typeof distributionSchema>;

// ---------------------------------------------------------------------------------------------
// Shocks (§2). Common fields, then one schema per type.

const shockBase = {
  id,
  probability: fraction.default(1),
  start: distributionSchema.default(0),
  /** Absent: the shock lasts to the horizon. */
  duration: distributionSchema.optional(),
  severity: distributionSchema.default(1),
  after: z.object({ shock: id, lag: distributionSchema.default(0) }).strict().optional(),
  description: z.string().optional(),
};

export const exportControlSchema = z
  .object({
    ...shockBase,
    type: z.literal("export_control"),
    imposer: id,
    goods: z.array(id).min(1, "needs at least one good"),
    targets: z.array(id).min(1, "needs at least one target (a country, a group, or all)"),
  })
  .strict();
export const blockadeSchema = z.object({ ...shockBase, type: z.literal("blockade"), country: id }).strict();
export const chokepointClosureSchema = z
  .object({ ...shockBase, type: z.literal("chokepoint_closure"), chokepoint: id })
  .strict();
export const outageSchema = z
  .object({
    ...shockBase,
    type: z.literal("outage"),
    producers: z.array(id).min(1).optional(),
    country: id.optional(),
    goods: z.array(id).min(1).optional(),
  })
  .strict()
  .refine((s) => (s.producers === undefined) !== (s.country === undefined), {
    message: "needs either producers, or country (with optional goods), not both",
    path: ["producers"],
  })
  .refine((s) => s.goods === undefined || s.country !== undefined, {
    message: "goods goes with country",
    path: ["goods"],
  });
export const demandSurgeSchema = z
  .object({
    ...shockBase,
    type: z.literal("demand_surge"),
    countries: z.array(id).min(1),
    goods: z.array(id).min(1),
  })
  .strict();

export const shockSchema = z.discriminatedUnion("type", [
  exportControlSchema,
  blockadeSchema,
  chokepointClosureSchema,
  outageSchema,
  demandSurgeSchema,
]);
export type ShockInput = z.input<typeof shockSchema>;
export type Shock = z.output<typeof shockSchema>;
export type ShockType = Shock["type"];

// ---------------------------------------------------------------------------------------------
// Policies (§3)

const policyBase = { id, cost: nonNegative.default(0), description: z.string().optional() };

export const stockpileSchema = z
  .object({
    ...policyBase,
    type: z.literal("stockpile"),
    country: id,
    good: id,
    periods: nonNegative.optional(),
    units: nonNegative.optional(),
  })
  .strict()
  .refine((p) => (p.periods === undefined) !== (p.units === undefined), {
    message: "needs exactly one of periods or units",
    path: ["periods"],
  });
export const diversifySchema = z
  .object({
    ...policyBase,
    type: z.literal("diversify"),
    country: id,
    good: id,
    from: z.array(id).min(1),
    to: z.array(id).min(1),
    share: fraction,
  })
  .strict();
export const capacitySchema = z
  .object({
    ...policyBase,
    type: z.literal("capacity"),
    country: id,
    good: id,
    units: positive,
    buildPeriods: periods.default(0),
    mode: z.enum(["standby", "displace"]).default("standby"),
  })
  .strict();
export const substitutionSchema = z
  .object({
    ...policyBase,
    type: z.literal("substitution"),
    country: id,
    good: id,
    share: z.number().min(0, "must be between 0 and 1 (below 1)").lt(1, "must be below 1"),
    successProbability: fraction.default(1),
    delayPeriods: periods.default(0),
  })
  .strict();
export const recyclingSchema = z
  .object({
    ...policyBase,
    type: z.literal("recycling"),
    country: id,
    good: id,
    share: z.number().min(0, "must be between 0 and 1 (below 1)").lt(1, "must be below 1"),
  })
  .strict();
export const partnershipSchema = z
  .object({ ...policyBase, type: z.literal("partnership"), group: id, goods: z.array(id).min(1) })
  .strict();

export const policySchema = z.discriminatedUnion("type", [
  stockpileSchema,
  diversifySchema,
  capacitySchema,
  substitutionSchema,
  recyclingSchema,
  partnershipSchema,
]);
export type PolicyInput = z.input<typeof policySchema>;
export type Policy = z.output<typeof policySchema>;
export type PolicyType = Policy["type"];

// ---------------------------------------------------------------------------------------------
// Scenario (§7)

export const scenarioSchema = z
  .object({
    name: z.string(),
    description: z.string().optional(),
    /** A path relative to the scenario file, or the network inline. */
    network: z.union([z.string().min(1), networkSchema]),
    home: id,
    horizon: z.number().int("must be a whole number of periods").min(1, "must be at least 1"),
    period: z.string().default("period"),
    trials: z.number().int("must be a whole number").min(1, "must be at least 1").default(10000),
    seed: z.number().int("must be a whole number").min(0, "must be 0 or more").default(1),
    objective: z.enum(["risk", "expected"]).default("risk"),
    currency: z.string().default("units"),
    shocks: z.array(shockSchema).default([]),
    policies: z.array(policySchema).default([]),
    options: z.record(id, z.array(id)).default({}),
  })
  .strict();

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ScenarioFile = z.output<typeof scenarioSchema>;

/** A scenario whose network has been loaded and checked: what the model and engine accept. */
export interface Scenario extends Omit<ScenarioFile, "network"> {
  network: Network;
  /** Where the scenario came from, for messages; absent for in-memory scenarios. */
  file?: string;
  networkFile?: string;
}
