// Shock kinds (MODEL §2): each owns which flows, producers, consumers and countries it hits.
// The trial loop only sees the resulting channels, never the kind.
import type { Shock, ShockType } from "../scenario/schema.ts";
import type { CompiledNetwork } from "./compile.ts";
import { namesCountry } from "./plan.ts";

/** What one shock does while active, as index lists into a compiled network. */
export interface ShockEffect {
  /** flows cut by the severity */
  cutFlows: number[];
  /** producers whose capacity is cut by the severity */
  outageProducers: number[];
  /** consumer slots whose use and demand grow by the severity */
  surgeSlots: number[];
  /** a blockaded country (replacement from or to it is cut too), or -1 */
  blockadeCountry: number;
  /** export control: producers that serve none of the targets' replacement requests */
  embargoProducers: number[];
  embargoCountries: number[];
}

interface ShockKind<T extends ShockType> {
  type: T;
  compile(net: CompiledNetwork, shock: Extract<Shock, { type: T }>, groups: GroupResolver): ShockEffect;
}

/** Country indices named by ids and group tags (`all` = every country). */
export type GroupResolver = (names: readonly string[]) => Set<number>;

function empty(): ShockEffect {
  return {
    cutFlows: [],
    outageProducers: [],
    surgeSlots: [],
    blockadeCountry: -1,
    embargoProducers: [],
    embargoCountries: [],
  };
}

const exportControl: ShockKind<"export_control"> = {
  type: "export_control",
  compile(net, s, groups) {
    const imposer = net.countryIds.indexOf(s.imposer);
    const goods = new Set(s.goods.map((g) => net.goodIds.indexOf(g)));
    const targets = groups(s.targets);
    targets.delete(imposer);
    const e = empty();
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
};

const blockade: ShockKind<"blockade"> = {
  type: "blockade",
  compile(net, s) {
    const c = net.countryIds.indexOf(s.country);
    const e = empty();
    e.blockadeCountry = c;
    for (let f = 0; f < net.nFlows; f++) {
      if (net.flowImmune[f]) continue;
      const from = net.producerCountry[net.flowProducer[f]!]!;
      const to = net.flowTo[f]!;
      // domestic supply inside the blockaded country is not cut
      if ((from === c) !== (to === c)) e.cutFlows.push(f);
    }
    return e;
  },
};

const chokepointClosure: ShockKind<"chokepoint_closure"> = {
  type: "chokepoint_closure",
  compile(net, s) {
    const e = empty();
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
};

const outage: ShockKind<"outage"> = {
  type: "outage",
  compile(net, s) {
    const e = empty();
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

const demandSurge: ShockKind<"demand_surge"> = {
  type: "demand_surge",
  compile(net, s, groups) {
    const e = empty();
    const countries = groups(s.countries);
    const goods = new Set(s.goods.map((g) => net.goodIds.indexOf(g)));
    for (let slot = 0; slot < net.nSlots; slot++) {
      if (countries.has(net.slotCountry[slot]!) && goods.has(net.slotGood[slot]!)) e.surgeSlots.push(slot);
    }
    return e;
  },
};

const kinds: { [T in ShockType]: ShockKind<T> } = {
  export_control: exportControl,
  blockade,
  chokepoint_closure: chokepointClosure,
  outage,
  demand_surge: demandSurge,
};

/** Compiles every shock of a scenario against one option's network. */
export function compileShockEffects(net: CompiledNetwork, shocks: readonly Shock[]): ShockEffect[] {
  const groups: GroupResolver = (names) => {
    const out = new Set<number>();
    net.countryIds.forEach((id, c) => {
      if (names.some((n) => namesCountry(n, id, net.countryGroups[c] ?? []))) out.add(c);
    });
    return out;
  };
  return shocks.map((s) => (kinds[s.type] as ShockKind<ShockType>).compile(net, s as never, groups));
}
