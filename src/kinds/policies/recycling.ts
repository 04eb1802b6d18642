// Recycling (MODEL §3): a share of the country's use of the good comes from a domestic source
// immune to every shock and to input shortages, replacing that share of its imports.
import { z } from "zod";
import { definePolicy } from "../define.ts";
import { countryGoodOf, useKey } from "../../engine/plan.ts";
import { id, shareBelowOne } from "../fields.ts";

export const recycling = definePolicy(
  "recycling",
  { country: id.describe("the country that recycles"), good: id.describe("the good recycled"), share: shareBelowOne.describe("share of the country's use met by recycling, immune to shocks, 0 to below 1") },
  {
    refs: { country: "country", good: "good" },
    stubValues: { share: 0 },
    applyRank: 3,
    apply(plan, p) {
      const [c, g] = countryGoodOf(plan, p);
      const use = plan.use0.get(useKey(plan, c, g)) ?? 0;
      for (const f of plan.flows) if (f.to === c && plan.producers[f.producer]?.good === g) f.volume *= 1 - p.share;
      const producer = plan.producers.length;
      plan.producers.push({
        id: `policy:${p.id}`,
        country: c,
        good: g,
        capacity: p.share * use,
        standbyOwner: -1,
        immune: true,
      });
      plan.flows.push({ producer, to: c, volume: p.share * use, route: [] });
    },
  },
);
