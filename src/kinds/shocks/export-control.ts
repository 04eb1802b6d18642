// Export control (MODEL §2): the imposer's producers of the goods stop shipping to the targets
// and refuse their replacement requests.
import { z } from "zod";
import { defineShock } from "../define.ts";
import { emptyEffect } from "../../engine/effects.ts";
import { id } from "../fields.ts";

export const exportControl = defineShock(
  "export_control",
  {
    imposer: id.describe("the country that restricts its exports"),
    goods: z.array(id).min(1, "needs at least one good").describe("the goods controlled"),
    targets: z.array(id).min(1, "needs at least one target (a country, a group, or all)").describe("countries or groups denied the goods (all = everyone but the imposer)"),
  },
  {
    refs: { imposer: "country", goods: "good", targets: "target" },
    compile(net, s, places) {
      const imposer = net.countryIds.indexOf(s.imposer);
      const goods = new Set(s.goods.map((g) => net.goodIds.indexOf(g)));
      const targets = places(s.targets);
      targets.delete(imposer);
      const e = emptyEffect();
      for (let g = 0; g < net.nGoods; g++) {
        if (!goods.has(g)) continue;
        for (let p = net.goodProducerStart[g]!; p < net.goodProducerStart[g + 1]!; p++) {
          if (net.producerCountry[p] !== imposer || net.producerImmune[p]) continue;
          e.embargoProducers.push(p);
          for (let f = net.producerFlowStart[p]!; f < net.producerFlowStart[p + 1]!; f++) {
            if (targets.has(net.flowTo[f]!)) e.cutFlows.push(f);
          }
        }
      }
      e.embargoCountries = [...targets].sort((a, b) => a - b);
      return e;
    },
  },
);
