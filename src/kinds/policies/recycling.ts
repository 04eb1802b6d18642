// Recycling (MODEL §3): a share of the country's use of the good comes from a domestic source
// immune to every shock and to input shortages, replacing that share of its imports.
import { z } from "zod";
import { countryOf, goodOf, useKey } from "../../engine/plan.ts";
import { id, policyBase, shareBelowOne } from "../fields.ts";
import type { PolicyKind } from "../kind.ts";

const schema = z
  .object({ ...policyBase, type: z.literal("recycling"), country: id, good: id, share: shareBelowOne })
  .strict();

export const recycling: PolicyKind<typeof schema> = {
  type: "recycling",
  schema,
  refs: { country: "country", good: "good" },
  sweepable: {},
  stub: (id) => ({ id, type: "recycling", country: "\u0000stub", good: "\u0000stub", share: 0 }),
  applyRank: 3,
  apply(plan, p) {
    const c = countryOf(plan, p.country);
    const g = goodOf(plan, p.good);
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
};
