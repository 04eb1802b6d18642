// The network file format (MODEL §1) as a zod schema: the only home of its defaults. It names no
// shock or policy kind, so the model, the engine and the kinds can import it without a cycle.
import { z } from "zod";
import { id, nonNegative, periods, positive } from "../kinds/fields.ts";


export const countrySchema = z
  .object({
    id,
    name: z.string(),
    groups: z.array(id).default([]),
    governance: z.number().min(0, "must be between 0 and 10").max(10, "must be between 0 and 10").optional(),
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
  })
  .strict();

export const producerSchema = z
  .object({ id, country: id, good: id, capacity: nonNegative })
  .strict();

export const chokepointSchema = z
  .object({ id, name: z.string(), bypassPeriods: periods.optional() })
  .strict();

export const flowSchema = z
  .object({ from: id, to: id, volume: nonNegative, route: z.array(id).default([]) })
  .strict();

export const demandSchema = z.object({ country: id, good: id, volume: nonNegative }).strict();

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

