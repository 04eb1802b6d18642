// Outage (MODEL §2): named producers, or a country's producers (of some goods), lose capacity.
import { z } from "zod";
import { defineShock } from "../define.ts";
import { emptyEffect } from "../../engine/effects.ts";
import { id } from "../fields.ts";

export const outage = defineShock(
  "outage",
  {
    producers: z.array(id).min(1).optional().describe("the producers that lose capacity (or give country instead)"),
    country: id.optional().describe("every producer in this country loses capacity (instead of producers)"),
    goods: z.array(id).min(1).optional().describe("with country: only its producers of these goods; absent = all goods"),
  },
  {
    refs: { producers: "producer", country: "country", goods: "good" },
    stub: (id) => ({ id, type: "outage", producers: ["\u0000stub"] }),
    compile(net, s) {
      const e = emptyEffect();
      const named = new Set(s.producers ?? []);
      const country = s.country === undefined ? -1 : net.countryIds.indexOf(s.country);
      const goods = s.goods === undefined ? undefined : new Set(s.goods.map((g) => net.goodIds.indexOf(g)));
      for (let g = 0; g < net.nGoods; g++) {
        for (let p = net.goodProducerStart[g]!; p < net.goodProducerStart[g + 1]!; p++) {
          if (net.producerImmune[p]) continue;
          const byName = named.has(net.producerIds[p]!);
          const byCountry = country >= 0 && net.producerCountry[p] === country && (goods === undefined || goods.has(g));
          if (byName || byCountry) e.outageProducers.push(p);
        }
      }
      return e;
    },
  },
  (s) =>
    s
      .refine((s) => (s.producers === undefined) !== (s.country === undefined), {
        message: "needs either producers, or country (with optional goods), not both",
        path: ["producers"],
      })
      .refine((s) => s.goods === undefined || s.country !== undefined, {
        message: "goods goes with country",
        path: ["goods"],
      }),
);
