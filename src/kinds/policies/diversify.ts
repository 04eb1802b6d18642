// Diversification (MODEL §3): a share of a country's inflow of a good from some places moves to
// producers in other places, pro rata to their capacity, which grows to carry the new load.
import { z } from "zod";
import { definePolicy, type PolicySchemaOf } from "../define.ts";
import { countryGoodOf, type NetworkPlan, placesOf } from "../../engine/plan.ts";
import { fraction, id } from "../fields.ts";
import type { ReferenceIndex } from "../kind.ts";

const fields = {
  country: id.describe("the importing country"),
  good: id.describe("the good whose imports move"),
  from: z.array(id).min(1).describe("countries or groups the imports move away from"),
  to: z.array(id).min(1).describe("countries or groups whose producers take them, by capacity"),
  share: fraction.describe("share of the imports from `from` that moves, 0 to 1"),
};
type Diversify = z.output<PolicySchemaOf<"diversify", typeof fields>>;

export const diversify = definePolicy(
  "diversify",
  fields,
  {
    refs: { country: "country", good: "good", from: "place", to: "place" },
    stubValues: { share: 0 },
    applyRank: 1,
    check: (p, at, network) => (hasReceiver(p, network) ? [] : [{ path: [...at, "to"], message: noReceiver(p, network) }]),
    apply(plan, p) {
      const [c, g] = countryGoodOf(plan, p);
      const from = placesOf(plan, p.from);
      const to = placesOf(plan, p.to);
      // the scenario layer guarantees at least one receiver with capacity (check above)
      const receivers = plan.producers
        .map((q, i) => ({ q, i }))
        .filter(({ q }) => q.good === g && to[q.country] === 1 && from[q.country] !== 1 && q.standbyOwner < 0);
      const totalCap = receivers.reduce((s, { q }) => s + q.capacity, 0);
      let moved = 0;
      for (const f of plan.flows) {
        const q = plan.producers[f.producer];
        if (f.to === c && q !== undefined && q.good === g && from[q.country] === 1) {
          moved += f.volume * p.share;
          f.volume *= 1 - p.share;
        }
      }
      for (const { q, i } of receivers) {
        const add = (moved * q.capacity) / totalCap;
        if (add <= 0) continue;
        const existing = plan.flows.find((f) => f.producer === i && f.to === c);
        if (existing) existing.volume += add;
        else plan.flows.push({ producer: i, to: c, volume: add, route: routeBetween(plan, q.country, c) });
        const load = plan.flows.reduce((s, f) => (f.producer === i ? s + f.volume : s), 0);
        // the investment: the receiving producer's capacity grows to carry its new load
        if (load > q.capacity) q.capacity = load;
      }
    },
  },
);

/** Countries named by country ids and group tags. */
function members(places: readonly string[], network: ReferenceIndex): Set<string> {
  return new Set(places.flatMap((place) => (network.ids.country.has(place) ? [place] : [...(network.groups.get(place) ?? [])])));
}

/**
 * Some producer of the good stands in `to` outside `from` with capacity: the volume has somewhere
 * to go. (Standby capacity, which serves its owner only, is added by policies applied later.)
 */
function hasReceiver(p: Diversify, network: ReferenceIndex): boolean {
  const to = members(p.to, network);
  const from = members(p.from, network);
  return [...network.producers.values()].some((q) => q.good === p.good && to.has(q.country) && !from.has(q.country) && q.capacity > 0);
}

function noReceiver(p: Diversify, network: ReferenceIndex): string {
  const to = members(p.to, network);
  const standing = [...network.producers.values()].filter((q) => q.good === p.good && to.has(q.country));
  if (standing.length === 0) {
    return `no producer of ${p.good} stands in ${p.to.join(", ")}, so there is nowhere to move the volume to`;
  }
  return (
    `every producer of ${p.good} in ${p.to.join(", ")} is also in 'from' or has no capacity, ` +
    "so there is nowhere to move the volume to"
  );
}

/** A new flow's route: that of any existing flow between the same two countries, else direct. */
function routeBetween(plan: NetworkPlan, from: number, to: number): number[] {
  const same = plan.flows.find((f) => f.to === to && plan.producers[f.producer]?.country === from);
  return same ? [...same.route] : [];
}
