// Compiles every shock of a scenario against one option's network (MODEL §2): each kind owns
// which flows, producers, consumers and countries it hits (src/kinds/shocks/); the trial loop
// only sees the resulting channels, never the kind.
import type { ShockBase } from "../kinds/fields.ts";
import type { ShockRegistry } from "../kinds/registry.ts";
import type { CompiledNetwork } from "./compile.ts";
import type { PlaceResolver, ShockEffect } from "./effects.ts";
import { namesCountry } from "./plan.ts";

export function compileShockEffects(net: CompiledNetwork, shocks: readonly ShockBase[], registry: ShockRegistry): ShockEffect[] {
  const places: PlaceResolver = (names) => {
    const out = new Set<number>();
    net.countryIds.forEach((id, c) => {
      if (names.some((n) => namesCountry(n, id, net.countryGroups[c] ?? []))) out.add(c);
    });
    return out;
  };
  return shocks.map((s) => registry.of(s).compile(net, s, places));
}
