// The network file format (MODEL §1) as a zod schema: the only home of its defaults. It names no
// shock or policy kind, so the model, the engine and the kinds can import it without a cycle.
import { z } from "zod";
import { id, nonNegative, periods, ratio } from "../kinds/fields.ts";


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
    weight: ratio.default(1),
    inputs: z.record(id, ratio.gt(0, "must be greater than 0")).default({}),
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

