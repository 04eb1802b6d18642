// Substitution (MODEL §3): after a delay, in trials where it succeeds, a share of the country's
// use of the good (and the imports that carry it) goes away.
import { z } from "zod";
import { countryOf, goodOf, type PlanStage, useKey } from "../../engine/plan.ts";
import { fraction, id, periods, policyBase, shareBelowOne } from "../fields.ts";
import type { PolicyKind } from "../kind.ts";

const schema = z
  .object({
    ...policyBase,
    type: z.literal("substitution"),
    country: id,
    good: id,
    share: shareBelowOne,
    successProbability: fraction.default(1),
    delayPeriods: periods.default(0),
  })
  .strict();

export const substitution: PolicyKind<typeof schema> = {
  type: "substitution",
  schema,
  refs: { country: "country", good: "good" },
  sweepable: { integers: ["delayPeriods"] },
  stub: (id) => ({ id, type: "substitution", country: "\u0000stub", good: "\u0000stub", share: 0 }),
  applyRank: 4,
  apply(plan, p) {
    const c = countryOf(plan, p.country);
    const g = goodOf(plan, p.good);
    const keep = 1 - p.share;
    const stage: PlanStage = {
      policyId: p.id,
      from: p.delayPeriods,
      successProbability: p.successProbability,
      flows: new Map(),
      uses: new Map([[useKey(plan, c, g), [1, keep]]]),
      producers: new Map(),
    };
    plan.flows.forEach((f, i) => {
      if (f.to === c && plan.producers[f.producer]?.good === g) stage.flows.set(i, [1, keep]);
    });
    plan.stages.push(stage);
  },
};
