// Substitution (MODEL §3): after a delay, in trials where it succeeds, a share of the country's
// use of the good (and the imports that carry it) goes away.
import { z } from "zod";
import { definePolicy } from "../define.ts";
import { countryGoodOf, type PlanStage, useKey } from "../../engine/plan.ts";
import { fraction, id, periods, shareBelowOne } from "../fields.ts";

export const substitution = definePolicy(
  "substitution",
  {
    country: id.describe("the country that substitutes"),
    good: id.describe("the good whose use falls"),
    share: shareBelowOne.describe("share of its use of the good replaced, 0 to below 1"),
    successProbability: fraction.default(1).describe("chance the substitution works in a trial, 0 to 1; default 1"),
    delayPeriods: periods.default(0).describe("periods before the substitution takes effect; default 0"),
  },
  {
    refs: { country: "country", good: "good" },
    stubValues: { share: 0 },
    applyRank: 4,
    apply(plan, p) {
      const [c, g] = countryGoodOf(plan, p);
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
  },
);
