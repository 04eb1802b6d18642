// Builders for a kind object: the kind's `type` is written once, its schema is the family's base
// fields plus its own as a strict object, and its salvage stub is derived from its reference
// fields (a list reference gets a one-element list), its sweepable integers from its whole-number
// fields. What a kind file writes is then only what is its own: fields, references, behaviour.
import { z } from "zod";
import { isWholeNumber, type PolicyBase, policyBase, type ShockBase, shockBase } from "./fields.ts";
import type { KindSchema, PolicyKind, ShockKind } from "./kind.ts";

/** The id a stub's references hold: no file can name it, so its own reference issues are discarded. */
const STUB_ID = "\u0000stub";

type Strict<B extends z.ZodRawShape, T extends string, F extends z.ZodRawShape> = z.ZodObject<
  B & { type: z.ZodLiteral<T> } & F,
  z.core.$strict
>;
export type ShockSchemaOf<T extends string, F extends z.ZodRawShape> = Strict<typeof shockBase, T, F>;
export type PolicySchemaOf<T extends string, F extends z.ZodRawShape> = Strict<typeof policyBase, T, F>;

// Conditional, so the check that the schema fits the family waits until T and F are known.
type ShockKindOf<S> = S extends KindSchema<ShockBase> ? ShockKind<S> : never;
type PolicyKindOf<S> = S extends KindSchema<PolicyBase> ? PolicyKind<S> : never;

/**
 * What a kind file gives besides its type and fields. `sweepable` defaults to the kind's own
 * whole-number fields as integers; `stub` defaults to one derived from `refs` and `stubValues`.
 */
type Body<K extends { type: string; schema: unknown; stub: unknown; sweepable: unknown }> = Omit<
  K,
  "type" | "schema" | "stub" | "sweepable"
> &
  Partial<Pick<K, "stub" | "sweepable">> & {
    /** Values of required non-reference fields in the derived stub (e.g. `{ share: 0 }`). */
    readonly stubValues?: Readonly<Record<string, unknown>>;
  };

/** Refinements across fields, applied to the strict object (zod's `.refine` keeps its type). */
type Refine<S> = (schema: S) => S;

function derivedStub(type: string, shape: z.ZodRawShape, refs: object, values: object = {}) {
  const refFields = Object.keys(refs).map((f) => [f, shape[f] instanceof z.ZodArray ? [STUB_ID] : STUB_ID]);
  return (id: string) => ({ id, type, ...Object.fromEntries(refFields), ...values });
}

/** The kind's own whole-number fields (`periods` and the like): a sweep rounds what it generates for them. */
function integerFields(fields: z.ZodRawShape): string[] {
  return Object.keys(fields).filter((f) => isWholeNumber(fields[f]));
}

/** The kind object; the cast is where the generic schema meets the family's constraint. */
function kindOf<K>(type: string, schema: z.ZodObject, fields: z.ZodRawShape, body: { refs: object; stubValues?: object }): K {
  const { stubValues, ...rest } = body;
  const stub = derivedStub(type, schema.shape, body.refs, stubValues);
  return { type, schema, sweepable: { integers: integerFields(fields) }, stub, ...rest } as K;
}

/** The `type` field of a kind, described for editors. */
export function kindLiteral<const T extends string>(family: "shock" | "policy", type: T): z.ZodLiteral<T> {
  return z.literal(type).describe(`the ${family} kind: ${type}`);
}

type Shock<T extends string, F extends z.ZodRawShape> = ShockKindOf<ShockSchemaOf<T, F>>;
type Policy<T extends string, F extends z.ZodRawShape> = PolicyKindOf<PolicySchemaOf<T, F>>;

/** A shock kind: `shockBase` plus `fields`, with `type` written once. */
export function defineShock<const T extends string, F extends z.ZodRawShape>(type: T, fields: F, body: Body<Shock<T, F>>, refine: Refine<ShockSchemaOf<T, F>> = (s) => s): Shock<T, F> {
  return kindOf(type, refine(z.object({ ...shockBase, type: kindLiteral("shock", type), ...fields }).strict()), fields, body);
}

/** A policy kind: `policyBase` plus `fields`, with `type` written once. */
export function definePolicy<const T extends string, F extends z.ZodRawShape>(type: T, fields: F, body: Body<Policy<T, F>>, refine: Refine<PolicySchemaOf<T, F>> = (s) => s): Policy<T, F> {
  return kindOf(type, refine(z.object({ ...policyBase, type: kindLiteral("policy", type), ...fields }).strict()), fields, body);
}
