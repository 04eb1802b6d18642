// Freezes a network plan into flat typed arrays (CSR by good in bill-of-materials order), so the
// trial loop touches numbers by index only. Reference: graphology NeighborhoodIndex (CSR once).
// One small step per block of arrays; the plan comes from a resolved scenario, so nothing here
// validates (the scenario layer has checked every rule, with positions).
import type { NetworkPlan } from "./plan.ts";

/** One option's network as flat arrays. Goods are in BOM order (inputs first). */
export interface CompiledNetwork {
  nCountries: number;
  nGoods: number;
  nProducers: number;
  nFlows: number;
  nSlots: number;
  countryIds: string[];
  countryGroups: string[][];
  goodIds: string[];
  chokepointIds: string[];
  /** price × weight per good */
  goodWeight: Float64Array;
  goodSwitch: Float64Array;
  /** producers of good g: [goodProducerStart[g], goodProducerStart[g+1]) */
  goodProducerStart: Int32Array;
  /** consumer slots (country, good) of good g: [goodSlotStart[g], goodSlotStart[g+1]) */
  goodSlotStart: Int32Array;
  /** dense producer × slot matrix of each good: its first flow index or -1; offset goodPairStart[g] */
  goodPairStart: Int32Array;
  pairFlow: Int32Array;
  /** the next flow of the same producer to the same country, or -1 */
  flowNextInPair: Int32Array;
  producerIds: string[];
  producerCountry: Int32Array;
  producerCapacity: Float64Array;
  producerStandbyOwner: Int32Array;
  producerImmune: Uint8Array;
  /** flows of producer p: [producerFlowStart[p], producerFlowStart[p+1]) */
  producerFlowStart: Int32Array;
  /** input slots of producer p (its country's slots of its good's inputs): CSR */
  producerInputStart: Int32Array;
  producerInputSlot: Int32Array;
  flowProducer: Int32Array;
  flowSlot: Int32Array;
  flowVolume: Float64Array;
  flowImmune: Uint8Array;
  /** chokepoints on each flow's route: CSR */
  flowRouteStart: Int32Array;
  flowRoute: Int32Array;
  flowTo: Int32Array;
  slotCountry: Int32Array;
  slotGood: Int32Array;
  /** use and demand with static policies applied (before staged changes and shocks) */
  slotUse: Float64Array;
  slotDemand: Float64Array;
  /** baseline demand before any policy: the common scale of every option */
  slotDemand0: Float64Array;
  slotInventory: Float64Array;
  slotStockpile: Float64Array;
  /** periods over which the strategic stockpile is rebuilt once not short, 0 = never */
  slotStockpileRefill: Int32Array;
  /** staged changes (capacity build-out, substitution): CSR per stage over flows, slots, producers */
  nStages: number;
  stagePolicyIds: string[];
  stageFrom: Int32Array;
  stageProbability: Float64Array;
  stageFlowStart: Int32Array;
  stageFlow: Int32Array;
  stageFlowBefore: Float64Array;
  stageFlowAfter: Float64Array;
  stageSlotStart: Int32Array;
  stageSlot: Int32Array;
  stageSlotBefore: Float64Array;
  stageSlotAfter: Float64Array;
  stageProducerStart: Int32Array;
  stageProducer: Int32Array;
  stageProducerBefore: Float64Array;
  stageProducerAfter: Float64Array;
  /** partnerships: nPartnerships × nCountries and × nGoods membership bytes */
  nPartnerships: number;
  partnerCountry: Uint8Array;
  partnerGood: Uint8Array;
  /** the scored country and its scored goods (goods it has demand for) */
  home: number;
  nScored: number;
  scoredGood: Int32Array;
  scoredSlot: Int32Array;
  /** Σ_g w_g · demand₀[h,g]: the per-period denominator of U */
  scoredWeight: number;
}

/** Compiles a plan (policies already applied) for the given home country. */
export function compilePlan(plan: NetworkPlan, homeId: string): CompiledNetwork {
  const order = orderEntities(plan);
  const starts = goodStarts(plan, order);
  const producers = producerArrays(plan, order);
  const flows = flowArrays(plan, order);
  const pairs = pairMatrix(plan, order, starts, flows);
  const slots = slotArrays(plan, order);
  const scored = scoredArrays(plan, order, slots, plan.countryIds.indexOf(homeId));
  return {
    nCountries: plan.countryIds.length,
    nGoods: plan.goodIds.length,
    nProducers: order.producers.length,
    nFlows: order.flows.length,
    nSlots: order.slots.length,
    countryIds: plan.countryIds,
    countryGroups: plan.countryGroups,
    goodIds: plan.goodIds,
    chokepointIds: plan.chokepointIds,
    goodWeight: Float64Array.from(plan.goods, (g) => g.price * g.weight),
    goodSwitch: Float64Array.from(plan.goods, (g) => g.switchPeriods),
    ...starts,
    ...pairs,
    ...producers,
    ...inputSlots(plan, order),
    ...flows,
    ...slots,
    ...stageArrays(plan, order),
    ...partnerArrays(plan),
    ...scored,
  };
}

/** Where each producer, flow and consumer slot of the plan goes in the compiled arrays. */
interface Order {
  /** plan producer indices, grouped by good (BOM order), stable */
  producers: number[];
  /** new index of each plan producer */
  newProducer: Int32Array;
  /** plan flow indices, grouped by producer (so by good), stable */
  flows: number[];
  newFlow: Int32Array;
  /** slot keys `country * nGoods + good`: every (country, good) with an inflow or a demand, by good then country */
  slots: number[];
  slotOf: Map<number, number>;
}

function orderEntities(plan: NetworkPlan): Order {
  const nG = plan.goodIds.length;
  const producers = plan.producers.map((_, i) => i).sort((a, b) => {
    const ga = plan.producers[a]?.good ?? 0;
    const gb = plan.producers[b]?.good ?? 0;
    return ga - gb || a - b;
  });
  const newProducer = inverse(producers);
  const keys = new Set<number>();
  for (const f of plan.flows) keys.add(f.to * nG + at(plan.producers, f.producer).good);
  for (const key of plan.demand0.keys()) keys.add(key);
  const slots = [...keys].sort((a, b) => (a % nG) - (b % nG) || Math.floor(a / nG) - Math.floor(b / nG));
  const flows = plan.flows.map((_, i) => i).sort((a, b) => {
    return (newProducer[at(plan.flows, a).producer] ?? 0) - (newProducer[at(plan.flows, b).producer] ?? 0) || a - b;
  });
  return { producers, newProducer, flows, newFlow: inverse(flows), slots, slotOf: new Map(slots.map((key, i) => [key, i])) };
}

function inverse(order: readonly number[]): Int32Array {
  const out = new Int32Array(order.length);
  order.forEach((old, i) => {
    out[old] = i;
  });
  return out;
}

/** CSR starts of each good's producers and consumer slots. */
function goodStarts(plan: NetworkPlan, order: Order): Pick<CompiledNetwork, "goodProducerStart" | "goodSlotStart"> {
  const nG = plan.goodIds.length;
  const goodProducerStart = new Int32Array(nG + 1);
  const goodSlotStart = new Int32Array(nG + 1);
  for (const p of plan.producers) goodProducerStart[p.good + 1]! += 1;
  for (const key of order.slots) goodSlotStart[(key % nG) + 1]! += 1;
  for (let g = 0; g < nG; g++) {
    goodProducerStart[g + 1]! += goodProducerStart[g]!;
    goodSlotStart[g + 1]! += goodSlotStart[g]!;
  }
  return { goodProducerStart, goodSlotStart };
}

type ProducerArrays = Pick<
  CompiledNetwork,
  "producerIds" | "producerCountry" | "producerCapacity" | "producerStandbyOwner" | "producerImmune"
>;

function producerArrays(plan: NetworkPlan, order: Order): ProducerArrays {
  const nP = order.producers.length;
  const out: ProducerArrays = {
    producerIds: new Array<string>(nP),
    producerCountry: new Int32Array(nP),
    producerCapacity: new Float64Array(nP),
    producerStandbyOwner: new Int32Array(nP),
    producerImmune: new Uint8Array(nP),
  };
  order.producers.forEach((old, i) => {
    const p = at(plan.producers, old);
    out.producerIds[i] = p.id;
    out.producerCountry[i] = p.country;
    out.producerCapacity[i] = p.capacity;
    out.producerStandbyOwner[i] = p.standbyOwner;
    out.producerImmune[i] = p.immune ? 1 : 0;
  });
  return out;
}

/** Flows grouped by producer, their consumer slots, routes (CSR) and each producer's flow range. */
function flowArrays(plan: NetworkPlan, order: Order) {
  const nG = plan.goodIds.length;
  const nF = order.flows.length;
  const nP = order.producers.length;
  const flowProducer = new Int32Array(nF);
  const flowSlot = new Int32Array(nF);
  const flowVolume = new Float64Array(nF);
  const flowImmune = new Uint8Array(nF);
  const flowTo = new Int32Array(nF);
  const flowRouteStart = new Int32Array(nF + 1);
  const routes: number[] = [];
  const producerFlowStart = new Int32Array(nP + 1);
  order.flows.forEach((old, i) => {
    const f = at(plan.flows, old);
    const p = at(plan.producers, f.producer);
    flowProducer[i] = order.newProducer[f.producer]!;
    flowSlot[i] = order.slotOf.get(f.to * nG + p.good)!;
    flowVolume[i] = f.volume;
    flowImmune[i] = p.immune ? 1 : 0;
    flowTo[i] = f.to;
    routes.push(...f.route);
    flowRouteStart[i + 1] = routes.length;
    producerFlowStart[order.newProducer[f.producer]! + 1]! += 1;
  });
  for (let p = 0; p < nP; p++) producerFlowStart[p + 1]! += producerFlowStart[p]!;
  const flowRoute = Int32Array.from(routes);
  return { flowProducer, flowSlot, flowVolume, flowImmune, flowTo, flowRouteStart, flowRoute, producerFlowStart } satisfies Partial<CompiledNetwork>;
}

/** The dense producer × slot matrix of each good: its first flow, and flows chained per pair. */
function pairMatrix(
  plan: NetworkPlan,
  order: Order,
  starts: Pick<CompiledNetwork, "goodProducerStart" | "goodSlotStart">,
  flows: Pick<CompiledNetwork, "flowProducer" | "flowSlot">,
): Pick<CompiledNetwork, "goodPairStart" | "pairFlow" | "flowNextInPair"> {
  const nG = plan.goodIds.length;
  const { goodProducerStart, goodSlotStart } = starts;
  const goodPairStart = new Int32Array(nG + 1);
  for (let g = 0; g < nG; g++) {
    const np = goodProducerStart[g + 1]! - goodProducerStart[g]!;
    const ns = goodSlotStart[g + 1]! - goodSlotStart[g]!;
    goodPairStart[g + 1] = goodPairStart[g]! + np * ns;
  }
  const nF = flows.flowProducer.length;
  const pairFlow = new Int32Array(goodPairStart[nG]!).fill(-1);
  const flowNextInPair = new Int32Array(nF).fill(-1);
  for (let f = nF - 1; f >= 0; f--) {
    const p = flows.flowProducer[f]!;
    const s = flows.flowSlot[f]!;
    const g = order.slots[s]! % nG;
    const ns = goodSlotStart[g + 1]! - goodSlotStart[g]!;
    const pair = goodPairStart[g]! + (p - goodProducerStart[g]!) * ns + (s - goodSlotStart[g]!);
    flowNextInPair[f] = pairFlow[pair]!;
    pairFlow[pair] = f;
  }
  return { goodPairStart, pairFlow, flowNextInPair };
}

/** Each producer's input slots: its country's slots of its good's inputs (none for an immune one). */
function inputSlots(plan: NetworkPlan, order: Order): Pick<CompiledNetwork, "producerInputStart" | "producerInputSlot"> {
  const nG = plan.goodIds.length;
  const producerInputStart = new Int32Array(order.producers.length + 1);
  const slots: number[] = [];
  order.producers.forEach((old, i) => {
    const p = at(plan.producers, old);
    if (!p.immune) {
      // the scenario layer has checked that the country receives every input (MODEL §1)
      for (const input of Object.keys(at(plan.goods, p.good).inputs)) {
        slots.push(mustGet(order.slotOf, p.country * nG + plan.goodIds.indexOf(input)));
      }
    }
    producerInputStart[i + 1] = slots.length;
  });
  return { producerInputStart, producerInputSlot: Int32Array.from(slots) };
}

type SlotArrays = Pick<
  CompiledNetwork,
  "slotCountry" | "slotGood" | "slotUse" | "slotDemand" | "slotDemand0" | "slotInventory" | "slotStockpile" | "slotStockpileRefill"
>;

function slotArrays(plan: NetworkPlan, order: Order): SlotArrays {
  const nG = plan.goodIds.length;
  const nS = order.slots.length;
  const out: SlotArrays = {
    slotCountry: new Int32Array(nS),
    slotGood: new Int32Array(nS),
    slotUse: new Float64Array(nS),
    slotDemand: new Float64Array(nS),
    slotDemand0: new Float64Array(nS),
    slotInventory: new Float64Array(nS),
    slotStockpile: new Float64Array(nS),
    slotStockpileRefill: new Int32Array(nS),
  };
  order.slots.forEach((key, s) => {
    const g = key % nG;
    out.slotCountry[s] = Math.floor(key / nG);
    out.slotGood[s] = g;
    out.slotDemand0[s] = plan.demand0.get(key) ?? 0;
    out.slotDemand[s] = out.slotDemand0[s]!;
    // no policy changes a country's total inflow at build time (staged changes act in the loop)
    out.slotUse[s] = plan.use0.get(key) ?? 0;
    out.slotInventory[s] = at(plan.goods, g).inventoryPeriods * (plan.use0.get(key) ?? 0);
    out.slotStockpile[s] = plan.stockpiles.get(key) ?? 0;
    out.slotStockpileRefill[s] = plan.stockpileRefill.get(key) ?? 0;
  });
  return out;
}

/** Staged changes (capacity build-out, substitution) as CSR over flows, slots and producers. */
function stageArrays(plan: NetworkPlan, order: Order) {
  const nStages = plan.stages.length;
  const flows = new StagedFactors(nStages);
  const slots = new StagedFactors(nStages);
  const producers = new StagedFactors(nStages);
  plan.stages.forEach((stage, k) => {
    for (const [f, [b, a]] of stage.flows) flows.push(order.newFlow[f]!, b, a);
    for (const [key, [b, a]] of stage.uses) {
      const s = order.slotOf.get(key);
      if (s !== undefined) slots.push(s, b, a);
    }
    for (const [p, [b, a]] of stage.producers) producers.push(order.newProducer[p]!, b, a);
    flows.close(k);
    slots.close(k);
    producers.close(k);
  });
  return {
    nStages,
    stagePolicyIds: plan.stages.map((s) => s.policyId),
    stageFrom: Int32Array.from(plan.stages, (s) => s.from),
    stageProbability: Float64Array.from(plan.stages, (s) => s.successProbability),
    stageFlowStart: flows.start,
    stageFlow: Int32Array.from(flows.items),
    stageFlowBefore: Float64Array.from(flows.before),
    stageFlowAfter: Float64Array.from(flows.after),
    stageSlotStart: slots.start,
    stageSlot: Int32Array.from(slots.items),
    stageSlotBefore: Float64Array.from(slots.before),
    stageSlotAfter: Float64Array.from(slots.after),
    stageProducerStart: producers.start,
    stageProducer: Int32Array.from(producers.items),
    stageProducerBefore: Float64Array.from(producers.before),
    stageProducerAfter: Float64Array.from(producers.after),
  } satisfies Partial<CompiledNetwork>;
}

/** One CSR list of (index, factor before, factor after) per stage. */
class StagedFactors {
  readonly start: Int32Array;
  readonly items: number[] = [];
  readonly before: number[] = [];
  readonly after: number[] = [];
  constructor(nStages: number) {
    this.start = new Int32Array(nStages + 1);
  }
  push(item: number, before: number, after: number): void {
    this.items.push(item);
    this.before.push(before);
    this.after.push(after);
  }
  close(stage: number): void {
    this.start[stage + 1] = this.items.length;
  }
}

function partnerArrays(plan: NetworkPlan): Pick<CompiledNetwork, "nPartnerships" | "partnerCountry" | "partnerGood"> {
  const nC = plan.countryIds.length;
  const nG = plan.goodIds.length;
  const nPartnerships = plan.partnerships.length;
  const partnerCountry = new Uint8Array(nPartnerships * nC);
  const partnerGood = new Uint8Array(nPartnerships * nG);
  plan.partnerships.forEach((pt, k) => {
    partnerCountry.set(pt.countries, k * nC);
    partnerGood.set(pt.goods, k * nG);
  });
  return { nPartnerships, partnerCountry, partnerGood };
}

type ScoredArrays = Pick<CompiledNetwork, "home" | "nScored" | "scoredGood" | "scoredSlot" | "scoredWeight">;

/** The home's slots with baseline demand, and the per-period denominator of U. */
function scoredArrays(plan: NetworkPlan, order: Order, slots: SlotArrays, home: number): ScoredArrays {
  const scoredGood: number[] = [];
  const scoredSlot: number[] = [];
  let scoredWeight = 0;
  for (let s = 0; s < order.slots.length; s++) {
    if (slots.slotCountry[s] === home && slots.slotDemand0[s]! > 0) {
      scoredGood.push(slots.slotGood[s]!);
      scoredSlot.push(s);
      const good = at(plan.goods, slots.slotGood[s]!);
      scoredWeight += good.price * good.weight * slots.slotDemand0[s]!;
    }
  }
  return {
    home,
    nScored: scoredGood.length,
    scoredGood: Int32Array.from(scoredGood),
    scoredSlot: Int32Array.from(scoredSlot),
    scoredWeight,
  };
}

function at<T>(arr: readonly T[], i: number): T {
  const v = arr[i];
  if (v === undefined) throw new Error(`index ${i} out of range`);
  return v;
}

function mustGet(map: ReadonlyMap<number, number>, key: number): number {
  const v = map.get(key);
  if (v === undefined) throw new Error(`internal: no slot ${key} (the scenario layer should have caught it)`);
  return v;
}
