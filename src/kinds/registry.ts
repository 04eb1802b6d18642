// A family's registry, built from its kind objects: the discriminated union the schema uses,
// lookup by type, sweepable fields and salvage stubs. Registries are values: a test (or a
// library user) builds one with an extra kind and passes it down; nothing global is mutated.
import { z } from "zod";
import { isRecord } from "../scenario/is-record.ts";
import type { PolicyBase, ShockBase } from "./fields.ts";
import type { PolicyKind, ShockKind, Sweepable } from "./kind.ts";

type AnyKind = ShockKind | PolicyKind;
type Schemas<K extends readonly AnyKind[]> = { -readonly [I in keyof K]: K[I]["schema"] };

export interface Registry<K extends AnyKind, U extends z.ZodType = z.ZodType> {
  /** The kinds in file-format order (the order of the union in the JSON Schema). */
  readonly kinds: readonly K[];
  /** `z.discriminatedUnion("type", …)` of the kinds' schemas. */
  readonly union: U;
  /** The kind of a resolved element (its type was checked against this registry). */
  of(item: { type: string }): K;
  /** Sweepable fields of an element's kind, the family's common ones first. */
  sweepable(item: { type: string }): Required<Sweepable>;
  /** A stub in place of a broken element: its own kind's when the type is known, else the first kind's. */
  stub(original: unknown, index: number): Record<string, unknown>;
}

export type ShockRegistry = Registry<ShockKind, z.ZodType<ShockBase>>;
export type PolicyRegistry = Registry<PolicyKind, z.ZodType<PolicyBase>>;

/**
 * The registry of one family.
 * @param common sweepable fields every kind of the family has (its shared base fields)
 */
export function makeRegistry<const K extends readonly [AnyKind, ...AnyKind[]]>(
  kinds: K,
  common: Sweepable = {},
): Registry<K[number], z.ZodDiscriminatedUnion<Schemas<K>>> {
  const byType = new Map<string, K[number]>();
  for (const kind of kinds) {
    if (byType.has(kind.type)) throw new Error(`two kinds are named '${kind.type}'`);
    byType.set(kind.type, kind);
  }
  const of = (item: { type: string }): K[number] => {
    const kind = byType.get(item.type);
    if (kind === undefined) throw new Error(`internal: no kind '${item.type}' in this registry`);
    return kind;
  };
  const schemas = kinds.map((k) => k.schema) as Schemas<K>;
  return {
    kinds,
    union: z.discriminatedUnion("type", schemas),
    of,
    sweepable: (item) => {
      const own = of(item).sweepable;
      return {
        distributions: [...(common.distributions ?? []), ...(own.distributions ?? [])],
        integers: [...(common.integers ?? []), ...(own.integers ?? [])],
      };
    },
    stub: (original, index) => {
      const id = isRecord(original) && typeof original.id === "string" && original.id !== "" ? original.id : `#${index}`;
      const type = isRecord(original) && typeof original.type === "string" ? original.type : "";
      return (byType.get(type) ?? kinds[0]).stub(id);
    },
  };
}
