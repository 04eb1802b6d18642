// Applies an option's policies to its network plan (MODEL §3). Each kind owns what it does
// (src/kinds/policies/); here only the order: kind by kind in ascending `applyRank`, file order
// within a kind, so an option's result never depends on how its policies are listed.
import type { PolicyBase } from "../kinds/fields.ts";
import type { PolicyRegistry } from "../kinds/registry.ts";
import type { NetworkPlan } from "./plan.ts";

/** Applies `policies` (in file order) to the plan. */
export function applyPolicies(plan: NetworkPlan, policies: readonly PolicyBase[], registry: PolicyRegistry): void {
  const ranked = policies.map((policy, order) => ({ policy, kind: registry.of(policy), order }));
  ranked.sort((a, b) => a.kind.applyRank - b.kind.applyRank || a.order - b.order);
  for (const { policy, kind } of ranked) kind.apply(plan, policy);
}
