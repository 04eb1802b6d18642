// Every shock and policy kind, and the registries built from them. Functions that depend on the
// kinds (schema, checks, sweep paths, compile) take a `Kinds` value, `defaultKinds` unless told.
import type { PolicyRegistry, ShockRegistry } from "./registry.ts";
import { policies } from "./policies/index.ts";
import { shocks } from "./shocks/index.ts";

export interface Kinds {
  shocks: ShockRegistry;
  policies: PolicyRegistry;
}

/** The kinds the file format defines. */
export const defaultKinds: Kinds = { shocks, policies };

export { makeRegistry, type PolicyRegistry, type Registry, type ShockRegistry } from "./registry.ts";
export type { PolicyKind, RefKind, ReferenceIndex, ShockKind, Sweepable } from "./kind.ts";
export { shockKinds, shockSweepable } from "./shocks/index.ts";
export { policyKinds } from "./policies/index.ts";
export * from "./fields.ts";
