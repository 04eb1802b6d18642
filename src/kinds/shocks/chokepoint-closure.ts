// Chokepoint closure (MODEL §2): every flow routed through the chokepoint is cut, for at most
// the chokepoint's bypass periods when it has them.
import { z } from "zod";
import { emptyEffect } from "../../engine/effects.ts";
import { id, shockBase } from "../fields.ts";
import type { ShockKind } from "../kind.ts";

const schema = z.object({ ...shockBase, type: z.literal("chokepoint_closure"), chokepoint: id }).strict();

export const chokepointClosure: ShockKind<typeof schema> = {
  type: "chokepoint_closure",
  schema,
  refs: { chokepoint: "chokepoint" },
  sweepable: {},
  stub: (id) => ({ id, type: "chokepoint_closure", chokepoint: "\u0000stub" }),
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
};
