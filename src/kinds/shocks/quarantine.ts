// Quarantine (MODEL §2): a coast-guard inspection regime on the country's imports of some goods.
// The share of cargoes held back is the severity; replacement cargoes face the same inspections,
// so no producer outside the country serves its replacement requests for those goods. Unlike a
// blockade it leaves the country's other goods and its exports alone.
import { z } from "zod";
import { emptyEffect } from "../../engine/effects.ts";
import { kindLiteral } from "../define.ts";
import { id, shockBase } from "../fields.ts";
import type { ShockKind } from "../kind.ts";

const schema = z
  .object({
    ...shockBase,
    type: kindLiteral("shock", "quarantine"),
    country: id.describe("the quarantined country: foreign producers of the goods stop supplying it"),
    goods: z.array(id).min(1, "needs at least one good").describe("the goods it can no longer import"),
  })
  .strict();

export const quarantine: ShockKind<typeof schema> = {
  type: "quarantine",
  schema,
  refs: { country: "country", goods: "good" },
  sweepable: {},
  stub: (id) => ({ id, type: "quarantine", country: "\u0000stub", goods: ["\u0000stub"] }),
  compile(net, s) {
    const c = net.countryIds.indexOf(s.country);
    const goods = new Set(s.goods.map((g) => net.goodIds.indexOf(g)));
    const e = emptyEffect();
    for (let p = 0; p < net.nProducers; p++) {
      const foreign = net.producerCountry[p] !== c && !net.producerImmune[p];
      if (!foreign || !producesAny(net, p, goods)) continue;
      e.embargoProducers.push(p);
      for (let f = net.producerFlowStart[p]!; f < net.producerFlowStart[p + 1]!; f++) if (net.flowTo[f] === c && !net.flowImmune[f]) e.cutFlows.push(f);
    }
    e.embargoCountries = [c];
    return e;
  },
};

/** Whether producer p makes one of the goods (producers are grouped by good). */
function producesAny(net: { nGoods: number; goodProducerStart: Int32Array }, p: number, goods: ReadonlySet<number>): boolean {
  for (let g = 0; g < net.nGoods; g++) if (p >= net.goodProducerStart[g]! && p < net.goodProducerStart[g + 1]!) return goods.has(g);
  return false;
}
