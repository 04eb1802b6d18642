// Runs a zod schema and turns its issues into plain sentences at precise paths.
// Reference: zod 4 per-parse error maps (`safeParse(input, {error})`), which yield to the
// schema's own messages, so only zod's defaults are rewritten here.
import { z } from "zod";
import { type PathIssue, formatValue } from "./issues.ts";
import { isRecord } from "./is-record.ts";
import { distributionSchema, policySchema, scenarioSchema, shockSchema } from "./schema.ts";
import { didYouMean } from "./suggest.ts";

export type SchemaResult<T> = { ok: true; value: T } | { ok: false; issues: PathIssue[] };

/** Validates `input` against `schema`; on failure, every issue as a sentence at its path. */
export function parseWithSchema<S extends z.ZodType>(schema: S, input: unknown): SchemaResult<z.output<S>> {
  // Unknown-field suggestions need the object's own keys, which only the raw issue carries.
  const knownKeys = new WeakMap<object, string[]>();
  const result = schema.safeParse(input, {
    reportInput: true,
    error: (issue) => sentence(issue, knownKeys),
  });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: result.error.issues.flatMap((issue) => flatten(issue, [], knownKeys)) };
}

const typeNames: Record<string, string> = {
  number: "a number",
  int: "a whole number",
  string: "a text",
  object: "a map (key: value)",
  array: "a list",
  boolean: "true or false",
};

/** What a discriminator names, as in "unknown shock type 'embargo'". */
const kindNouns = new Map<unknown, string>([
  [shockSchema, "shock type"],
  [policySchema, "policy type"],
]);

/** What a value of a union must be, where a list of types would not say it. */
const unionDescriptions = new Map<unknown, string>([
  [
    distributionSchema,
    "a number or a distribution ({dist: uniform, min, max}, triangular, normal, lognormal or choice)",
  ],
  [scenarioSchema.shape.network, "the path of a network file, or the network itself"],
]);

/** The sentence for an issue whose schema gave no message of its own. */
function sentence(issue: z.core.$ZodRawIssue, knownKeys: WeakMap<object, string[]>): string | undefined {
  const { input } = issue;
  const nonFinite = typeof input === "number" && !Number.isFinite(input);
  if (nonFinite && (issue.code === "invalid_type" || issue.code === "invalid_union")) {
    return `must be a finite number, got ${formatValue(input)}`;
  }
  switch (issue.code) {
    case "invalid_type":
      if (input === undefined) return "is required";
      return `must be ${typeNames[issue.expected] ?? issue.expected}, got ${formatValue(input)}`;
    case "too_small":
      return issue.origin === "array"
        ? `needs at least ${count(issue.minimum, "entry", "entries")}`
        : issue.origin === "string"
          ? Number(issue.minimum) === 1
            ? "must not be empty"
            : `must be at least ${count(issue.minimum, "character", "characters")} long`
          : `must be ${issue.inclusive ? "at least" : "greater than"} ${String(issue.minimum)}`;
    case "too_big":
      return issue.origin === "array"
        ? `takes at most ${count(issue.maximum, "entry", "entries")}`
        : `must be ${issue.inclusive ? "at most" : "less than"} ${String(issue.maximum)}`;
    case "invalid_value": {
      const values = issue.values.map(String);
      const suggestion = typeof input === "string" ? didYouMean(input, values) : "";
      return `must be ${orList(values)}, got ${formatValue(input)}${suggestion}`;
    }
    case "invalid_union": {
      if (issue.discriminator !== undefined) {
        const { discriminator } = issue;
        const noun = kindNouns.get(issue.inst) ?? (discriminator === "dist" ? "distribution" : discriminator);
        const options: string[] = Array.isArray(issue.options) ? issue.options.map(String) : [];
        const value = isRecord(input) ? input[discriminator] : undefined;
        if (value === undefined) return `is required: one of ${options.join(", ")}`;
        const suggestion = typeof value === "string" ? didYouMean(value, options) : "";
        return `unknown ${noun} ${formatValue(value)}${suggestion || `; expected one of ${options.join(", ")}`}`;
      }
      const expected = issue.errors.flat().flatMap((i) => (i.code === "invalid_type" ? [i.expected] : []));
      const name = unionDescriptions.get(issue.inst) ?? orList(expected.map((e) => typeNames[e] ?? e));
      return `must be ${name}, got ${formatValue(input)}`;
    }
    case "unrecognized_keys":
      if (isRecord(input) && issue.inst instanceof z.ZodObject) knownKeys.set(input, Object.keys(issue.inst.shape));
      return "unknown field";
    default:
      return undefined;
  }
}

/** Unions: descend into the branch that matched the value's type. Unknown fields: one issue per key. */
function flatten(issue: z.core.$ZodIssue, prefix: PropertyKey[], knownKeys: WeakMap<object, string[]>): PathIssue[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === "invalid_union" && issue.errors.length > 0) {
    const branch = issue.errors.find((b) => !b.every((i) => i.code === "invalid_type" && i.path.length === 0));
    if (branch !== undefined) return branch.flatMap((inner) => flatten(inner, path, knownKeys));
  }
  if (issue.code === "unrecognized_keys") {
    const known = isRecord(issue.input) ? (knownKeys.get(issue.input) ?? []) : [];
    return issue.keys.map((key) => ({
      path: [...path, key],
      at: "key" as const,
      message: `unknown field ${formatValue(key)}${didYouMean(key, known)}`,
    }));
  }
  return [{ path, message: withReceived(issue) }];
}

/** Schema-owned range messages ("must be between 0 and 1") gain the offending value. */
function withReceived(issue: z.core.$ZodIssue): string {
  const range = issue.code === "too_small" || issue.code === "too_big";
  const numeric = range || (issue.code === "invalid_type" && issue.expected === "int") || issue.code === "custom";
  if (!numeric || typeof issue.input !== "number" || issue.message.includes(", got ")) return issue.message;
  return `${issue.message}, got ${formatValue(issue.input)}`;
}

function count(n: number | bigint, one: string, many: string): string {
  return `${String(n)} ${Number(n) === 1 ? one : many}`;
}

function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items.at(-1) ?? ""}`;
}
