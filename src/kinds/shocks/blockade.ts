// Blockade (MODEL §2): every flow into or out of the country is cut, and so is replacement
// supply from or to it; domestic supply inside it is not.
import { emptyEffect } from "../../engine/effects.ts";
import { defineShock } from "../define.ts";
import { id } from "../fields.ts";

export const blockade = defineShock(
  "blockade",
  { country: id.describe("the blockaded country: every flow into or out of it is cut (severity of each)") },
  {
    refs: { country: "country" },
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
  },
);
