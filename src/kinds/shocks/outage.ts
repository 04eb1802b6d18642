// Outage (MODEL §2): named producers, or a country's producers (of some goods), lose capacity.
import { z } from "zod";
import { emptyEffect } from "../../engine/effects.ts";
import { id, shockBase } from "../fields.ts";
import type { ShockKind } from "../kind.ts";

const schema = z
  .object({
    ...shockBase,
    type: z.literal("outage"),
    producers: z.array(id).min(1).optional(),
    country: id.optional(),
    goods: z.array(id).min(1).optional(),
  })
  .strict()
  .refine((s) => (s.producers === undefined) !== (s.country === undefined), {
    message: "needs either producers, or country (with optional goods), not both",
    path: ["producers"],
  })
  .refine((s) => s.goods === undefined || s.country !== undefined, {
    message: "goods goes with country",
    path: ["goods"],
  });

export const outage: ShockKind<typeof schema> = {
  type: "outage",
  schema,
  refs: { producers: "producer", country: "country", goods: "good" },
  sweepable: {},
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
};
