// Demand surge (MODEL §2): use and demand of the goods in the countries grow by the severity.
import { z } from "zod";
import { emptyEffect } from "../../engine/effects.ts";
import { id, shockBase } from "../fields.ts";
import type { ShockKind } from "../kind.ts";

const schema = z
  .object({
    ...shockBase,
    type: z.literal("demand_surge"),
    countries: z.array(id).min(1),
    goods: z.array(id).min(1),
  })
  .strict();

export const demandSurge: ShockKind<typeof schema> = {
  type: "demand_surge",
  schema,
  refs: { countries: "place", goods: "good" },
  sweepable: {},
  stub: (id) => ({ id, type: "demand_surge", countries: ["\u0000stub"], goods: ["\u0000stub"] }),
  compile(net, s, places) {
    const e = emptyEffect();
    const countries = places(s.countries);
    const goods = new Set(s.goods.map((g) => net.goodIds.indexOf(g)));
    for (let slot = 0; slot < net.nSlots; slot++) {
      if (countries.has(net.slotCountry[slot]!) && goods.has(net.slotGood[slot]!)) e.surgeSlots.push(slot);
    }
    return e;
  },
};
