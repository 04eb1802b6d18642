// The mutable network plan that policies transform before it is frozen into typed arrays.
// Indices: countries and chokepoints in file order, goods in bill-of-materials order.
import { entitiesOf, goodsInBomOrder, type SupplyGraph } from "../model/build.ts";
import type { Good } from "../scenario/network-schema.ts";

export interface PlanProducer {
  id: string;
  country: number;
  good: number;
  capacity: number;
  /** A `standby` producer serves only this country; -1 for ordinary producers. */
  standbyOwner: number;
  /** Immune to every shock and to input shortages (a recycling producer). */
  immune: boolean;
}

export interface PlanFlow {
  producer: number;
  to: number;
  volume: number;
  route: number[];
}

/** A staged change: from period `from`, in trials where it succeeds, factors switch from before to after. */
export interface PlanStage {
  policyId: string;
  from: number;
  successProbability: number;
  flows: Map<number, [number, number]>;
  /** Keyed by `country * nGoods + good`: factors on use and demand. */
  uses: Map<number, [number, number]>;
  producers: Map<number, [number, number]>;
}

export interface PlanPartnership {
  countries: Uint8Array;
  goods: Uint8Array;
}

export interface NetworkPlan {
  countryIds: string[];
  countryGroups: string[][];
  goodIds: string[];
  goods: Good[];
  chokepointIds: string[];
  chokepointBypass: number[];
  producers: PlanProducer[];
  flows: PlanFlow[];
  /** Baseline demand before any policy, keyed by `country * nGoods + good`. */
  demand0: Map<number, number>;
  /** Baseline use (sum of inflows) before any policy, keyed like demand0. */
  use0: Map<number, number>;
  /** Strategic stockpiles (units), keyed like demand0. */
  stockpiles: Map<number, number>;
  /** Periods over which a strategic stockpile is rebuilt once its country is not short (absent = never), keyed like demand0. */
  stockpileRefill: Map<number, number>;
  stages: PlanStage[];
  partnerships: PlanPartnership[];
}

/** Builds the plan of a network (no policy applied yet) from its graph model. */
export function planFromModel(graph: SupplyGraph): NetworkPlan {
  const countries = entitiesOf(graph, "country");
  const goods = goodsInBomOrder(graph);
  const chokepoints = entitiesOf(graph, "chokepoint");
  const countryIndex = indexOf(countries.map((c) => c.id));
  const goodIndex = indexOf(goods.map((g) => g.id));
  const chokeIndex = indexOf(chokepoints.map((k) => k.id));
  const producers = entitiesOf(graph, "producer");
  const producerIndex = indexOf(producers.map((p) => p.id));
  const plan: NetworkPlan = {
    countryIds: countries.map((c) => c.id),
    countryGroups: countries.map((c) => c.groups),
    goodIds: goods.map((g) => g.id),
    goods,
    chokepointIds: chokepoints.map((k) => k.id),
    chokepointBypass: chokepoints.map((k) => k.bypassPeriods ?? -1),
    producers: producers.map((p) => ({
      id: p.id,
      country: must(countryIndex, p.country),
      good: must(goodIndex, p.good),
      capacity: p.capacity,
      standbyOwner: -1,
      immune: false,
    })),
    flows: [],
    demand0: new Map(),
    use0: new Map(),
    stockpiles: new Map(),
    stockpileRefill: new Map(),
    stages: [],
    partnerships: [],
  };
  const flows: { index: number; flow: PlanFlow }[] = [];
  graph.forEachEdge((_key, attrs, _source, _target, sourceAttrs, targetAttrs) => {
    if (attrs.kind === "flow") {
      flows.push({
        index: attrs.index,
        flow: {
          producer: must(producerIndex, sourceAttrs.id),
          to: must(countryIndex, targetAttrs.id),
          volume: attrs.volume,
          route: attrs.route.map((k) => must(chokeIndex, k)),
        },
      });
    } else if (attrs.kind === "demand") {
      const key = must(countryIndex, sourceAttrs.id) * goods.length + must(goodIndex, targetAttrs.id);
      plan.demand0.set(key, (plan.demand0.get(key) ?? 0) + attrs.volume);
    }
  });
  flows.sort((a, b) => a.index - b.index);
  plan.flows = flows.map((f) => f.flow);
  for (const f of plan.flows) {
    const key = useKey(plan, f.to, plan.producers[f.producer]?.good ?? 0);
    plan.use0.set(key, (plan.use0.get(key) ?? 0) + f.volume);
  }
  return plan;
}

export function useKey(plan: NetworkPlan, country: number, good: number): number {
  return country * plan.goodIds.length + good;
}

/** Does `name` (a country id, a group tag, or `all`) name country c? The one rule for both. */
export function namesCountry(name: string, id: string, groups: readonly string[]): boolean {
  return name === "all" || name === id || groups.includes(name);
}

/** Countries named by country ids and group tags (`all` = every country), as a mask. */
export function placesOf(plan: NetworkPlan, names: readonly string[]): Uint8Array {
  const mask = new Uint8Array(plan.countryIds.length);
  for (const name of names) {
    plan.countryIds.forEach((id, c) => {
      if (namesCountry(name, id, plan.countryGroups[c] ?? [])) mask[c] = 1;
    });
  }
  return mask;
}

/** The index of a country the scenario layer has resolved. */
export function countryOf(plan: NetworkPlan, id: string): number {
  return resolved(plan.countryIds.indexOf(id), id);
}

/** The index of a good the scenario layer has resolved. */
export function goodOf(plan: NetworkPlan, id: string): number {
  return resolved(plan.goodIds.indexOf(id), id);
}

/** The indices of the country and good a policy names. */
export function countryGoodOf(plan: NetworkPlan, p: { country: string; good: string }): [country: number, good: number] {
  return [countryOf(plan, p.country), goodOf(plan, p.good)];
}

function resolved(i: number, id: string): number {
  if (i < 0) throw new Error(`internal: unresolved id '${id}' (the scenario layer should have caught it)`);
  return i;
}

function indexOf(ids: string[]): Map<string, number> {
  return new Map(ids.map((id, i) => [id, i]));
}

function must(map: Map<string, number>, id: string): number {
  const i = map.get(id);
  if (i === undefined) throw new Error(`unresolved id '${id}' (validation should have caught it)`);
  return i;
}
