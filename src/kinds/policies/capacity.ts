// New capacity (MODEL §3): a producer in the country, online after its build periods; standby
// capacity serves the owner's replacement requests only, displacing capacity replaces imports.
import { z } from "zod";
import { definePolicy } from "../define.ts";
import { countryGoodOf, type PlanStage, useKey } from "../../engine/plan.ts";
import { id, periods, positive } from "../fields.ts";

export const capacity = definePolicy(
  "capacity",
  {
    country: id.describe("the country that builds the capacity"),
    good: id.describe("the good produced"),
    units: positive.describe("capacity added, in the good's unit per period"),
    buildPeriods: periods.default(0).describe("periods before the capacity produces; default 0"),
    mode: z.enum(["standby", "displace"]).default("standby").describe("standby: serves its owner only when short; displace: replaces imports from the start; default standby"),
  },
  {
    refs: { country: "country", good: "good" },
    stubValues: { units: 1 },
    applyRank: 2,
    apply(plan, p) {
      const [c, g] = countryGoodOf(plan, p);
      const producer = plan.producers.length;
      plan.producers.push({
        id: `policy:${p.id}`,
        country: c,
        good: g,
        capacity: p.units,
        standbyOwner: p.mode === "standby" ? c : -1,
        immune: false,
      });
      const stage: PlanStage = {
        policyId: p.id,
        from: p.buildPeriods,
        successProbability: 1,
        flows: new Map(),
        uses: new Map(),
        producers: new Map([[producer, [0, 1]]]),
      };
      if (p.mode === "displace") {
        // baseline use: policies applied before this one keep each country's total inflow
        const inflow = plan.use0.get(useKey(plan, c, g)) ?? 0;
        const supplied = Math.min(p.units, inflow);
        const keep = inflow > 0 ? 1 - supplied / inflow : 1;
        plan.flows.forEach((f, i) => {
          if (f.to === c && plan.producers[f.producer]?.good === g) stage.flows.set(i, [1, keep]);
        });
        stage.flows.set(plan.flows.length, [0, 1]);
        plan.flows.push({ producer, to: c, volume: supplied, route: [] });
      }
      plan.stages.push(stage);
    },
  },
);
