// The shape of a shock or policy kind: one object owning its schema, the references it makes,
// its sweepable fields, its salvage stub and its compile step. Registries (shocks/index.ts,
// policies/index.ts) build everything else from these objects; nothing outside a kind file
// branches on a kind's name. Reference: ARCHITECTURE.md, "each shock and policy kind owns its
// behaviour" (zod's discriminated unions; d3-force's force plug-ins).
import type { z } from "zod";

import type { ShockEffect, PlaceResolver } from "../engine/effects.ts";
import type { CompiledNetwork } from "../engine/compile.ts";
import type { NetworkPlan } from "../engine/plan.ts";
import type { PathIssue } from "../scenario/issues.ts";
import type { Network, Producer } from "../scenario/network-schema.ts";
import type { PolicyBase, ShockBase } from "./fields.ts";

/** What a reference field names: `place` is a country or a group; `target` also allows `all`. */
export type RefKind = "country" | "good" | "producer" | "chokepoint" | "place" | "target";

/** The network as the reference checks see it (built once per check by the scenario layer). */
export interface ReferenceIndex {
  /** Valid ids per reference kind. */
  ids: Readonly<Record<RefKind, ReadonlySet<string>>>;
  /** Producers by id (first occurrence wins). */
  producers: ReadonlyMap<string, Producer>;
  /** Member countries of each group tag. */
  groups: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Numbers of a kind that a sweep may set beyond those the scenario writes as plain numbers. */
export interface Sweepable {
  /** Fields that may hold a distribution or be absent: a sweep sets them to a number. */
  distributions?: readonly string[];
  /** Whole-number fields: generated values (ranges, LHS) are rounded. */
  integers?: readonly string[];
}

/** A kind's schema: an object schema with a literal `type`, so it can join a discriminated union. */
export type KindSchema<T> = z.ZodType<T> & z.core.$ZodTypeDiscriminable;

interface KindCommon<S extends z.ZodType> {
  /** The `type` a file writes; equal to the literal in `schema`. */
  readonly type: string;
  /** The input shape with its defaults: a strict object with `type: z.literal(type)`. */
  readonly schema: S;
  /** Fields that hold ids (one or a list), and what they name. */
  readonly refs: { readonly [F in keyof z.output<S>]?: RefKind };
  readonly sweepable: Sweepable;
  /**
   * A valid element with this id, standing in for a broken one so the other checks still run
   * (its own check issues are discarded: the schema's issue speaks for it).
   */
  stub(id: string): Record<string, unknown>;
  /** Consistency beyond references, once they resolve; paths start at `at`. */
  check?(item: z.output<S>, at: readonly PropertyKey[], network: ReferenceIndex): PathIssue[];
}

/** A shock kind (MODEL §2): compiles to the loop's channels against one option's network. */
export interface ShockKind<S extends KindSchema<ShockBase> = KindSchema<ShockBase>> extends KindCommon<S> {
  compile(net: CompiledNetwork, shock: z.output<S>, places: PlaceResolver): ShockEffect;
  /** Periods after which the shock ends whatever its drawn duration, or -1 (MODEL §2, bypass). */
  bypass?(shock: z.output<S>, network: Network): number;
}

/** A policy kind (MODEL §3): transforms an option's network plan before it is compiled. */
export interface PolicyKind<S extends KindSchema<PolicyBase> = KindSchema<PolicyBase>> extends KindCommon<S> {
  /**
   * Kinds apply in ascending rank, file order within a kind, so an option's result never depends
   * on how its policies are listed.
   */
  readonly applyRank: number;
  apply(plan: NetworkPlan, policy: z.output<S>): void;
}
