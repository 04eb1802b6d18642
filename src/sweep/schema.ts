// The sweep file format as a zod schema: which parameters to vary, how, and the sweep-level
// settings (trials, seed, options). Flags given on the command line take precedence.
// Reference: docs/sweep.md.
import { z } from "zod";
import { MAX_WHOLE, wholeNumber } from "../kinds/fields.ts";
import { DESIGNS } from "./designs.ts";

export { DESIGNS, type Design } from "./designs.ts";

const finite = z.number().finite("must be a finite number");

export const sweepRangeSchema = z
  .object({
    min: finite.describe("the first value"),
    max: finite.describe("the last value"),
    /** Evenly spaced values from min to max, both included; default 2 (the two ends). */
    steps: z.number().int("must be a whole number").min(1, "must be at least 1").default(2).describe("evenly spaced values from min to max, both included (default 2: the two ends)"),
  })
  .strict()
  .refine((r) => r.min <= r.max, {
    error: (issue) => {
      const r = issue.input as { min?: unknown; max?: unknown } | undefined;
      return `min ${String(r?.min)} must not exceed max ${String(r?.max)}`;
    },
    path: ["min"],
  });

export const sweepParameterSchema = z
  .object({
    /** A parameter path such as `shocks.cn-export-ban.severity` (docs/sweep.md). */
    path: z.string().min(1, "must not be empty").describe("a parameter path such as shocks.<id>.severity or network.flows[3].volume (chokepoint sweep SCENARIO --list-paths)"),
    values: z.array(finite).min(1, "needs at least one value").optional().describe("the values to try (lhs: their smallest and largest bound the span)"),
    range: sweepRangeSchema.optional().describe("min, max and steps instead of values"),
  })
  .strict()
  .refine((p) => (p.values === undefined) !== (p.range === undefined), {
    message: "needs exactly one of values or range",
    path: ["values"],
  });

export const sweepFileSchema = z
  .object({
    description: z.string().optional().describe("free text for people"),
    /** grid (every combination), oat (one at a time around the scenario) or lhs (Latin hypercube). */
    design: z.enum(DESIGNS).optional().describe("grid (every combination, default), oat (one at a time around the scenario) or lhs (Latin hypercube)"),
    /** Latin hypercube: the number of points. */
    samples: z.number().int("must be a whole number").min(1, "must be at least 1").optional().describe("lhs: the number of points"),
    /** Latin hypercube: the seed of the design itself (not of the trials); default 1. */
    lhsSeed: wholeNumber(0, MAX_WHOLE).optional().describe("lhs: the seed of the design (default 1)"),
    /** Trials per point; default the scenario's `trials`. */
    trials: z.number().int("must be a whole number").min(1, "must be at least 1").optional().describe("trials per point (default: the scenario's)"),
    /** Trial seed, the same at every point (common random numbers); default the scenario's `seed`. */
    seed: wholeNumber(0, MAX_WHOLE).optional().describe("trial seed, the same at every point (default: the scenario's)"),
    /** Options to score at every point (baseline always); default all. */
    options: z.array(z.string().min(1)).optional().describe("options scored at every point; baseline always (default: all)"),
    parameters: z.array(sweepParameterSchema).default([]).describe("the parameters to vary, each a path with values or a range; default none"),
  })
  .strict();

export type SweepFileInput = z.input<typeof sweepFileSchema>;
export type SweepFile = z.output<typeof sweepFileSchema>;
export type SweepParameterInput = z.output<typeof sweepParameterSchema>;
