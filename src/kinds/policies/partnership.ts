// Partnership (MODEL §3): members of the group serve each other's replacement requests for the
// goods first, before anyone else's.
import { z } from "zod";
import { goodOf, placesOf } from "../../engine/plan.ts";
import { id, policyBase } from "../fields.ts";
import type { PolicyKind } from "../kind.ts";

const schema = z
  .object({ ...policyBase, type: z.literal("partnership"), group: id, goods: z.array(id).min(1) })
  .strict();

export const partnership: PolicyKind<typeof schema> = {
  type: "partnership",
  schema,
  refs: { group: "place", goods: "good" },
  sweepable: {},
  stub: (id) => ({ id, type: "partnership", group: "\u0000stub", goods: ["\u0000stub"] }),
  applyRank: 6,
  apply(plan, p) {
    const goods = new Uint8Array(plan.goodIds.length);
    for (const id of p.goods) goods[goodOf(plan, id)] = 1;
    plan.partnerships.push({ countries: placesOf(plan, [p.group]), goods });
  },
};
