// Field builders shared by the file formats and by every shock and policy kind: ids, ranges,
// whole periods and the five distributions (MODEL §2), with the plain sentences they fail with.
import { z } from "zod";

export const id = z.string().min(1, "must be a non-empty id");
export const nonNegative = z.number().finite("must be a finite number").min(0, "must be 0 or more");
export const positive = z.number().finite("must be a finite number").gt(0, "must be greater than 0");
export const periods = z.number().int("must be a whole number of periods").min(0, "must be 0 or more");
export const fraction = z.number().finite().min(0, "must be between 0 and 1").max(1, "must be between 0 and 1");
/** A share strictly below 1 (a substitution or recycling that replaces everything is not a share). */
export const shareBelowOne = z.number().min(0, "must be between 0 and 1 (below 1)").lt(1, "must be below 1");

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
// What every shock and every policy has, whatever its kind (MODEL §2, §3).

/**
 * A licensing path: the shock's severity times a multiplier that changes with the periods since its
 * start, linear between points and held after the last. A level may be a distribution; every level
 * is drawn from the shock's severity uniform (MODEL §6 keeps four uniforms per shock).
 */
export const pathSchema = z
  .array(z.object({ after: periods, level: distributionSchema }).strict())
  .min(1, "needs at least one point")
  .refine((pts) => pts.every((p, i) => i === 0 || p.after > pts[i - 1]!.after), {
    message: "points must have increasing `after`",
  });
export type PathPoint = { after: number; level: Distribution };

/** Fields common to every shock kind; a kind spreads them into its own object schema. */
export const shockBase = {
  id,
  probability: fraction.default(1),
  start: distributionSchema.default(0),
  /** Absent: the shock lasts to the horizon. */
  duration: distributionSchema.optional(),
  severity: distributionSchema.default(1),
  after: z.object({ shock: id, lag: distributionSchema.default(0) }).strict().optional(),
  path: pathSchema.optional(),
  description: z.string().optional(),
};

/** A resolved shock as the shared code sees it: the common fields and a kind name. */
export interface ShockBase {
  id: string;
  type: string;
  probability: number;
  start: Distribution;
  duration?: Distribution | undefined;
  severity: Distribution;
  after?: { shock: string; lag: Distribution } | undefined;
  path?: PathPoint[] | undefined;
  description?: string | undefined;
}

/** Fields common to every policy kind. */
export const policyBase = { id, cost: nonNegative.default(0), description: z.string().optional() };

/** A resolved policy as the shared code sees it. */
export interface PolicyBase {
  id: string;
  type: string;
  cost: number;
  description?: string | undefined;
}
