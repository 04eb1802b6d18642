// Chokepoint closure (MODEL §2): every flow routed through the chokepoint is cut, for at most
// the chokepoint's bypass periods when it has them.
import { z } from "zod";
import { defineShock } from "../define.ts";
import { emptyEffect } from "../../engine/effects.ts";
import { id } from "../fields.ts";

export const chokepointClosure = defineShock(
  "chokepoint_closure",
  { chokepoint: id.describe("the closed chokepoint: flows routed through it are cut until its bypassPeriods, if any") },
  {
    refs: { chokepoint: "chokepoint" },
    compile(net, s) {
      const e = emptyEffect();
      const k = net.chokepointIds.indexOf(s.chokepoint);
      for (let f = 0; f < net.nFlows; f++) {
        if (net.flowImmune[f]) continue;
        for (let r = net.flowRouteStart[f]!; r < net.flowRouteStart[f + 1]!; r++) {
          if (net.flowRoute[r] === k) {
            e.cutFlows.push(f);
            break;
          }
        }
      }
      return e;
    },
    bypass: (s, network) => network.chokepoints.find((k) => k.id === s.chokepoint)?.bypassPeriods ?? -1,
  },
);
