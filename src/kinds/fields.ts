// Field builders shared by the file formats and by every shock and policy kind: ids, ranges,
// whole periods and the five distributions (MODEL §2), with the plain sentences they fail with.
import { z } from "zod";
import { MAX_AMOUNT, MAX_HORIZON, MAX_PARAMETER, MAX_RATIO, MAX_WHOLE } from "./bounds.ts";

// the bounds live in a module without zod, which the command line reads for its flags
export { MAX_AMOUNT, MAX_HORIZON, MAX_PARAMETER, MAX_RATIO, MAX_WHOLE } from "./bounds.ts";

export const id = z.string().min(1, "must be a non-empty id");

/** A whole number in [min, max], with true sentences for each failure (1e20 is whole but too large). */
export function wholeNumber(min: number, max: number, noun = "") {
  const what = noun === "" ? "a whole number" : `a whole number of ${noun}`;
  const schema = z
    .number()
    .finite("must be a finite number")
    .refine(Number.isInteger, `must be ${what}`)
    .min(min, min === 0 ? "must be 0 or more" : `must be at least ${min}`)
    .max(max, `must be at most ${max}${max === MAX_WHOLE ? " (2^53 − 1)" : ""}`);
  wholeNumbers.add(schema._zod.def);
  return schema;
}

/**
 * The definitions of the schemas made by {@link wholeNumber} (their check is a refinement, which zod
 * does not expose). Keyed by definition, which `.describe()` and `.meta()` clones share.
 */
const wholeNumbers = new WeakSet<object>();

/** Whether a field's schema (inside any default or optional) holds a whole number: a sweep rounds generated values for it. */
export function isWholeNumber(schema: unknown): boolean {
  const inner = schema instanceof z.ZodDefault || schema instanceof z.ZodOptional ? schema.unwrap() : schema;
  if (inner !== schema) return isWholeNumber(inner);
  return typeof schema === "object" && schema !== null && ((schema instanceof z.ZodType && wholeNumbers.has(schema._zod.def)) || (schema instanceof z.ZodNumber && schema.isInt));
}

export const nonNegative = z.number().finite("must be a finite number").min(0, "must be 0 or more").max(MAX_AMOUNT, `must be at most ${MAX_AMOUNT.toExponential()}`);
export const positive = z.number().finite("must be a finite number").gt(0, "must be greater than 0").max(MAX_AMOUNT, `must be at most ${MAX_AMOUNT.toExponential()}`);
/** A weight or ratio: 0 or more, at most {@link MAX_RATIO}. */
export const ratio = z.number().finite("must be a finite number").min(0, "must be 0 or more").max(MAX_RATIO, `must be at most ${MAX_RATIO.toExponential()}`);
export const periods = wholeNumber(0, MAX_HORIZON, "periods");
/** A distribution's number: finite and at most {@link MAX_PARAMETER} in size. */
const parameter = z.number().finite("must be a finite number").min(-MAX_PARAMETER, `must be at least ${-MAX_PARAMETER}`).max(MAX_PARAMETER, `must be at most ${MAX_PARAMETER}`);
export const fraction = z.number().finite().min(0, "must be between 0 and 1").max(1, "must be between 0 and 1");
/** A share strictly below 1 (a substitution or recycling that replaces everything is not a share). */
export const shareBelowOne = z.number().min(0, "must be between 0 and 1 (below 1)").lt(1, "must be below 1");

// ---------------------------------------------------------------------------------------------
// Distributions (§2): a number, or one of five distributions.

const uniformSchema = z
  .object({ dist: z.literal("uniform").describe("uniform: every value from min to max equally likely"), min: parameter.describe("the smallest value"), max: parameter.describe("the largest value") })
  .strict()
  .refine((d) => d.min <= d.max, { message: "min must not exceed max", path: ["min"] });
const triangularSchema = z
  .object({
    dist: z.literal("triangular").describe("triangular: likeliest at mode, falling linearly to min and max"),
    min: parameter.describe("the smallest value"),
    mode: parameter.describe("the likeliest value, between min and max"),
    max: parameter.describe("the largest value"),
  })
  .strict()
  .refine((d) => d.min <= d.mode && d.mode <= d.max, {
    message: "needs min ≤ mode ≤ max",
    path: ["mode"],
  });
const normalSchema = z
  .object({
    dist: z.literal("normal").describe("normal (Gaussian), optionally clamped to [min, max]"),
    mean: parameter.describe("the mean, in the field's unit"),
    sd: nonNegative.describe("the standard deviation, in the field's unit"),
    min: parameter.optional().describe("draws below it are clamped to it; absent = no lower clamp"),
    max: parameter.optional().describe("draws above it are clamped to it; absent = no upper clamp"),
  })
  .strict()
  .refine((d) => d.min === undefined || d.max === undefined || d.min <= d.max, {
    message: "min must not exceed max",
    path: ["min"],
  });
const lognormalSchema = z
  .object({
    dist: z.literal("lognormal").describe("lognormal: e^X with X normal(mu, sigma)"),
    // e^(mu + 10·sigma) stays finite
    mu: parameter.max(100, "must be at most 100").describe("the mean of the logarithm (at most 100)"),
    sigma: nonNegative.max(20, "must be at most 20").describe("the standard deviation of the logarithm (at most 20)"),
  })
  .strict();
const choiceSchema = z
  .object({
    dist: z.literal("choice").describe("choice: one of the listed values"),
    values: z.array(parameter).min(1, "needs at least one value").describe("the values drawn from"),
    weights: z.array(nonNegative).optional().describe("relative weight of each value, one per value; absent = equally likely"),
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

export const distributionSchema = z
  .union([parameter, z.discriminatedUnion("dist", [uniformSchema, triangularSchema, normalSchema, lognormalSchema, choiceSchema])])
  .meta({ id: "distribution" });
export type Distribution = z.output<typeof distributionSchema>;

// ---------------------------------------------------------------------------------------------
// What every shock and every policy has, whatever its kind (MODEL §2, §3).

/**
 * A licensing path: the shock's severity times a multiplier that changes with the periods since its
 * start, linear between points and held after the last. A level may be a distribution; every level
 * is drawn from the shock's severity uniform (MODEL §6 keeps four uniforms per shock).
 */
export const pathSchema = z
  .array(
    z
      .object({
        after: periods.describe("periods since the shock's start at which this point applies"),
        level: distributionSchema.describe("multiplier of the shock's severity at this point (0 to 1), or a distribution of it"),
      })
      .strict(),
  )
  .min(1, "needs at least one point")
  .refine((pts) => pts.every((p, i) => i === 0 || p.after > pts[i - 1]!.after), {
    message: "points must have increasing `after`",
  });
export type PathPoint = { after: number; level: Distribution };

/** Fields common to every shock kind; a kind spreads them into its own object schema. */
export const shockBase = {
  id: id.describe("the shock's id, unique in the scenario"),
  probability: fraction.default(1).describe("chance that the shock happens in a trial, 0 to 1; default 1"),
  start: distributionSchema.default(0).describe("the period the shock starts (a number or a distribution); default 0"),
  /** Absent: the shock lasts to the horizon. */
  duration: distributionSchema.optional().describe("how many periods the shock lasts (a number or a distribution); absent = to the horizon"),
  severity: distributionSchema.default(1).describe("share of what the shock hits that is lost, 0 to 1 (a number or a distribution, clamped to [0, 1]); default 1"),
  after: z
    .object({
      shock: id.describe("the id of the shock this one follows"),
      lag: distributionSchema.default(0).describe("periods between that shock's start and this one's (a number or a distribution); default 0"),
    })
    .strict()
    .optional()
    .describe("start only in trials where another shock happens, a lag after its start; absent = independent"),
  path: pathSchema.optional().describe("licensing path: points {after, level} that scale the severity over the periods since the start; absent = constant"),
  description: z.string().optional().describe("free text for people; not used by the model"),
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
export const policyBase = {
  id: id.describe("the policy's id, unique in the scenario; options name it"),
  cost: nonNegative.default(0).describe("what the policy costs, in the scenario's currency; default 0"),
  description: z.string().optional().describe("free text for people; not used by the model"),
};

/** A resolved policy as the shared code sees it. */
export interface PolicyBase {
  id: string;
  type: string;
  cost: number;
  description?: string | undefined;
}
