// Demand surge (MODEL §2): use and demand of the goods in the countries grow by the severity.
import { z } from "zod";
import { defineShock } from "../define.ts";
import { emptyEffect } from "../../engine/effects.ts";
import { id } from "../fields.ts";

export const demandSurge = defineShock(
  "demand_surge",
  {
    countries: z.array(id).min(1).describe("countries or groups whose use rises"),
    goods: z.array(id).min(1).describe("goods whose use rises, by severity as a share of baseline use"),
  },
  {
    refs: { countries: "place", goods: "good" },
    compile(net, s, places) {
      const e = emptyEffect();
      const countries = places(s.countries);
      const goods = new Set(s.goods.map((g) => net.goodIds.indexOf(g)));
      for (let slot = 0; slot < net.nSlots; slot++) {
        if (countries.has(net.slotCountry[slot]!) && goods.has(net.slotGood[slot]!)) e.surgeSlots.push(slot);
      }
      return e;
    },
  },
);
