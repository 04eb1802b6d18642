// Partnership (MODEL §3): members of the group serve each other's replacement requests for the
// goods first, before anyone else's.
import { z } from "zod";
import { definePolicy } from "../define.ts";
import { goodOf, placesOf } from "../../engine/plan.ts";
import { id } from "../fields.ts";

export const partnership = definePolicy(
  "partnership",
  { group: id.describe("the group (or country) whose members share supply when short"), goods: z.array(id).min(1).describe("the goods shared") },
  {
    refs: { group: "place", goods: "good" },
    applyRank: 6,
    apply(plan, p) {
      const goods = new Uint8Array(plan.goodIds.length);
      for (const id of p.goods) goods[goodOf(plan, id)] = 1;
      plan.partnerships.push({ countries: placesOf(plan, [p.group]), goods });
    },
  },
);
