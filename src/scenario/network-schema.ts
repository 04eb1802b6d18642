// The network file format (MODEL §1) as a zod schema: the only home of its defaults. It names no
// shock or policy kind, so the model, the engine and the kinds can import it without a cycle.
import { z } from "zod";
import { fraction, id, nonNegative, periods, positive, ratio } from "../kinds/fields.ts";


/** Where an entry's numbers come from: per number, ids in a provenance table (docs/data.md). */
const source = z
  .record(z.string(), z.array(id).min(1))
  .optional()
  .describe(
    "provenance: for each number of this entry (e.g. volume, capacity, output, price), the ids of the figures in the provenance table (fixtures/sources.yaml) it comes from; `id#KEY` picks one value of a table",
  );

export const countrySchema = z
  .object({
    id: id.describe("the country's id (e.g. an ISO code), unique in the network"),
    name: z.string().describe("a readable name for tables and pages"),
    groups: z.array(id).default([]).describe("group tags (e.g. eu, g7) that shocks and policies can name instead of countries; default none"),
    governance: z.number().min(0, "must be between 0 and 10").max(10, "must be between 0 and 10").optional().describe("governance score, 0 to 10, shown by inspect; not used by the simulation"),
    source,
  })
  .strict();

/**
 * How the market for one good adapts (docs/model.md, "Markets that adapt"). Every field is optional
 * and off by default: a network or scenario without it simulates exactly as the static model.
 */
export const marketSchema = z
  .object({
    priceElasticity: positive
      .optional()
      .describe("ε of the constant-elasticity inverse demand: price index = min(priceCap, A^(−1/ε)), A = world availability; absent = no price index"),
    priceCap: z.number().finite().min(1, "must be 1 or more").default(10).describe("the highest price index (× the baseline price)"),
    priceAdjust: z
      .number()
      .gt(0, "must be greater than 0")
      .max(1, "must be at most 1")
      .default(1)
      .describe("λ: share of the gap (in logs) between last period's price index and the one availability implies that closes each period; 1 = at once"),
    priceMarket: z
      .array(id)
      .min(1)
      .optional()
      .describe("countries or groups whose consumers make the market the price is quoted in (e.g. outside the coercer); default every consumer"),
    demandElasticity: nonNegative
      .default(0)
      .describe("η: every consumer's use of the good is multiplied by P^(−η), P the previous period's price index"),
    supplyLag: periods.default(0).describe("periods of world shortage before producers outside the coercion add capacity"),
    supplyRate: nonNegative.default(0).describe("capacity added per period of world shortage after the lag, as a share of each producer's capacity"),
    supplyCeiling: nonNegative.default(0).describe("the most capacity added, as a share of each producer's capacity; added capacity stays"),
    refillPeriods: periods
      .default(0)
      .describe("once no longer short, a consumer rebuilds its commercial inventory over this many periods, buying from suppliers' spare; 0 = never"),
    stickyShare: fraction
      .default(0)
      .describe("share of the volume a consumer bought from a new supplier during a shortage that stays with that supplier for good"),
  })
  .strict()
  .meta({ id: "market" });
export type Market = z.output<typeof marketSchema>;

export const goodSchema = z
  .object({
    id: id.describe("the good's id, unique in the network"),
    name: z.string().describe("a readable name for tables and pages"),
    unit: z.string().describe("the unit of its volumes and capacities (e.g. t, bbl), per period"),
    price: nonNegative.describe("baseline price per unit, in the scenario's currency"),
    weight: ratio.default(1).describe("criticality: a unit short counts price × weight in the score; default 1"),
    inputs: z.record(id, ratio.gt(0, "must be greater than 0")).default({}).describe("units of each input good used per unit made; default none"),
    switchPeriods: periods.default(0).describe("periods a consumer needs to buy from a new supplier; default 0"),
    inventoryPeriods: nonNegative.default(0).describe("commercial inventory held by each consumer, in periods of its use; default 0"),
    market: marketSchema.optional().describe("how the good's market adapts (prices, demand, new supply); absent = static"),
    source,
  })
  .strict();

export const producerSchema = z
  .object({
    id: id.describe("the producer's id, unique in the network"),
    country: id.describe("the country it stands in"),
    good: id.describe("the good it makes"),
    capacity: nonNegative.describe("the most it makes, in the good's unit per period"),
    source,
  })
  .strict();

export const chokepointSchema = z
  .object({
    id: id.describe("the chokepoint's id, named in flows' routes"),
    name: z.string().describe("a readable name for tables and pages"),
    bypassPeriods: periods.optional().describe("periods after a closure before flows reroute around it; absent = no bypass"),
    source,
  })
  .strict();

export const flowSchema = z
  .object({
    from: id.describe("the supplying producer's id"),
    to: id.describe("the receiving country's id"),
    volume: nonNegative.describe("baseline volume, in the good's unit per period"),
    route: z.array(id).default([]).describe("chokepoints the flow passes, in order; default none"),
    source,
  })
  .strict();

export const demandSchema = z
  .object({
    country: id.describe("the consuming country"),
    good: id.describe("the good used"),
    volume: nonNegative.describe("baseline use, in the good's unit per period"),
    source,
  }).strict();

export const networkSchema = z
  .object({
    name: z.string().optional().describe("the network's name"),
    description: z.string().optional().describe("free text for people; not used by the model"),
    countries: z.array(countrySchema).describe("the countries (and their groups)"),
    goods: z.array(goodSchema).describe("the goods traded, with unit, price and inputs"),
    producers: z.array(producerSchema).describe("who makes each good where, with capacity"),
    chokepoints: z.array(chokepointSchema).default([]).describe("straits, canals and other points flows pass; default none"),
    flows: z.array(flowSchema).describe("baseline trade: producer to country, volume per period, route"),
    demand: z.array(demandSchema).describe("baseline use of each good by each country, per period"),
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

