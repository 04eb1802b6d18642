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
    id,
    name: z.string(),
    groups: z.array(id).default([]),
    governance: z.number().min(0, "must be between 0 and 10").max(10, "must be between 0 and 10").optional(),
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
    id,
    name: z.string(),
    unit: z.string(),
    price: nonNegative,
    weight: ratio.default(1),
    inputs: z.record(id, ratio.gt(0, "must be greater than 0")).default({}),
    switchPeriods: periods.default(0),
    inventoryPeriods: nonNegative.default(0),
    market: marketSchema.optional(),
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

