// Blockade (MODEL §2): every flow into or out of the country is cut, and so is replacement
// supply from or to it; domestic supply inside it is not.
import { z } from "zod";
import { emptyEffect } from "../../engine/effects.ts";
import { id, shockBase } from "../fields.ts";
import type { ShockKind } from "../kind.ts";

const schema = z.object({ ...shockBase, type: z.literal("blockade"), country: id }).strict();

export const blockade: ShockKind<typeof schema> = {
  type: "blockade",
  schema,
  refs: { country: "country" },
  sweepable: {},
  stub: (id) => ({ id, type: "blockade", country: "\u0000stub" }),
  compile(net, s) {
    const c = net.countryIds.indexOf(s.country);
    const e = emptyEffect();
    e.blockadeCountry = c;
    for (let f = 0; f < net.nFlows; f++) {
      if (net.flowImmune[f]) continue;
      const from = net.producerCountry[net.flowProducer[f]!]!;
      const to = net.flowTo[f]!;
      if ((from === c) !== (to === c)) e.cutFlows.push(f);
    }
    return e;
  },
};
