// Freezes a network plan into flat typed arrays (CSR by good in bill-of-materials order), so the
// trial loop touches numbers by index only. Reference: graphology NeighborhoodIndex (CSR once).
import { InputError } from "../errors.ts";
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
  const nG = plan.goodIds.length;
  const nC = plan.countryIds.length;
  const home = plan.countryIds.indexOf(homeId);
  if (home < 0) throw new InputError([{ path: "home", message: `unknown country '${homeId}'` }]);

  // producers grouped by good (BOM order), stable
  const pOrder = plan.producers.map((_, i) => i).sort((a, b) => {
    const ga = plan.producers[a]?.good ?? 0;
    const gb = plan.producers[b]?.good ?? 0;
    return ga - gb || a - b;
  });
  const newP = new Int32Array(plan.producers.length);
  pOrder.forEach((old, i) => {
    newP[old] = i;
  });
  const nP = pOrder.length;

  // slots: every (country, good) with an inflow or a demand, grouped by good then country
  const slotKeys = new Set<number>();
  for (const f of plan.flows) slotKeys.add(f.to * nG + at(plan.producers, f.producer).good);
  for (const key of plan.demand0.keys()) slotKeys.add(key);
  const slotList = [...slotKeys].sort((a, b) => (a % nG) - (b % nG) || Math.floor(a / nG) - Math.floor(b / nG));
  const slotOf = new Map(slotList.map((key, i) => [key, i]));
  const nS = slotList.length;

  // flows grouped by producer (so by good), stable
  const fOrder = plan.flows.map((_, i) => i).sort((a, b) => {
    return (newP[at(plan.flows, a).producer] ?? 0) - (newP[at(plan.flows, b).producer] ?? 0) || a - b;
  });
  const newF = new Int32Array(plan.flows.length);
  fOrder.forEach((old, i) => {
    newF[old] = i;
  });
  const nF = fOrder.length;

  const goodProducerStart = new Int32Array(nG + 1);
  const goodSlotStart = new Int32Array(nG + 1);
  for (const p of plan.producers) goodProducerStart[p.good + 1]! += 1;
  for (const key of slotList) goodSlotStart[(key % nG) + 1]! += 1;
  for (let g = 0; g < nG; g++) {
    goodProducerStart[g + 1]! += goodProducerStart[g]!;
    goodSlotStart[g + 1]! += goodSlotStart[g]!;
  }

  const producerCountry = new Int32Array(nP);
  const producerCapacity = new Float64Array(nP);
  const producerStandbyOwner = new Int32Array(nP);
  const producerImmune = new Uint8Array(nP);
  const producerIds: string[] = new Array<string>(nP);
  pOrder.forEach((old, i) => {
    const p = at(plan.producers, old);
    producerIds[i] = p.id;
    producerCountry[i] = p.country;
    producerCapacity[i] = p.capacity;
    producerStandbyOwner[i] = p.standbyOwner;
    producerImmune[i] = p.immune ? 1 : 0;
  });

  const flowProducer = new Int32Array(nF);
  const flowSlot = new Int32Array(nF);
  const flowVolume = new Float64Array(nF);
  const flowImmune = new Uint8Array(nF);
  const flowTo = new Int32Array(nF);
  const flowRouteStart = new Int32Array(nF + 1);
  const routes: number[] = [];
  const producerFlowStart = new Int32Array(nP + 1);
  fOrder.forEach((old, i) => {
    const f = at(plan.flows, old);
    const p = at(plan.producers, f.producer);
    flowProducer[i] = newP[f.producer]!;
    flowSlot[i] = slotOf.get(f.to * nG + p.good)!;
    flowVolume[i] = f.volume;
    flowImmune[i] = p.immune ? 1 : 0;
    flowTo[i] = f.to;
    routes.push(...f.route);
    flowRouteStart[i + 1] = routes.length;
    producerFlowStart[newP[f.producer]! + 1]! += 1;
  });
  for (let p = 0; p < nP; p++) producerFlowStart[p + 1]! += producerFlowStart[p]!;

  // dense producer × slot pair matrix per good
  const goodPairStart = new Int32Array(nG + 1);
  for (let g = 0; g < nG; g++) {
    const np = goodProducerStart[g + 1]! - goodProducerStart[g]!;
    const ns = goodSlotStart[g + 1]! - goodSlotStart[g]!;
    goodPairStart[g + 1] = goodPairStart[g]! + np * ns;
  }
  const pairFlow = new Int32Array(goodPairStart[nG]!).fill(-1);
  const flowNextInPair = new Int32Array(nF).fill(-1);
  for (let f = nF - 1; f >= 0; f--) {
    const p = flowProducer[f]!;
    const s = flowSlot[f]!;
    const g = slotList[s]! % nG;
    const ns = goodSlotStart[g + 1]! - goodSlotStart[g]!;
    const pair = goodPairStart[g]! + (p - goodProducerStart[g]!) * ns + (s - goodSlotStart[g]!);
    flowNextInPair[f] = pairFlow[pair]!;
    pairFlow[pair] = f;
  }

  // input slots of each producer
  const producerInputStart = new Int32Array(nP + 1);
  const inputSlots: number[] = [];
  const problems: { path: string; message: string }[] = [];
  for (let i = 0; i < nP; i++) {
    const p = at(plan.producers, pOrder[i]!);
    if (!p.immune) {
      for (const inputId of Object.keys(at(plan.goods, p.good).inputs)) {
        const gi = plan.goodIds.indexOf(inputId);
        const slot = slotOf.get(p.country * nG + gi);
        if (slot === undefined) {
          problems.push({
            path: `producers.${p.id}`,
            message: `producer '${p.id}' makes '${plan.goodIds[p.good]}' in '${plan.countryIds[p.country]}', which has no inflow of its input '${inputId}'`,
          });
        } else inputSlots.push(slot);
      }
    }
    producerInputStart[i + 1] = inputSlots.length;
  }
  if (problems.length > 0) throw new InputError(problems);

  const slotCountry = new Int32Array(nS);
  const slotGood = new Int32Array(nS);
  const slotUse = new Float64Array(nS);
  const slotDemand = new Float64Array(nS);
  const slotDemand0 = new Float64Array(nS);
  const slotInventory = new Float64Array(nS);
  const slotStockpile = new Float64Array(nS);
  slotList.forEach((key, s) => {
    const g = key % nG;
    slotCountry[s] = Math.floor(key / nG);
    slotGood[s] = g;
    slotDemand0[s] = plan.demand0.get(key) ?? 0;
    slotDemand[s] = slotDemand0[s]!;
    // no policy changes a country's total inflow at build time (staged changes act in the loop)
    slotUse[s] = plan.use0.get(key) ?? 0;
    slotInventory[s] = at(plan.goods, g).inventoryPeriods * (plan.use0.get(key) ?? 0);
    slotStockpile[s] = plan.stockpiles.get(key) ?? 0;
  });

  // staged changes
  const nStages = plan.stages.length;
  const stageFrom = new Int32Array(nStages);
  const stageProbability = new Float64Array(nStages);
  const stageFlowStart = new Int32Array(nStages + 1);
  const stageSlotStart = new Int32Array(nStages + 1);
  const stageProducerStart = new Int32Array(nStages + 1);
  const sf: number[] = [];
  const sfb: number[] = [];
  const sfa: number[] = [];
  const ss: number[] = [];
  const ssb: number[] = [];
  const ssa: number[] = [];
  const sp: number[] = [];
  const spb: number[] = [];
  const spa: number[] = [];
  plan.stages.forEach((stage, k) => {
    stageFrom[k] = stage.from;
    stageProbability[k] = stage.successProbability;
    for (const [f, [b, a]] of stage.flows) sf.push(newF[f]!), sfb.push(b), sfa.push(a);
    for (const [key, [b, a]] of stage.uses) {
      const s = slotOf.get(key);
      if (s !== undefined) ss.push(s), ssb.push(b), ssa.push(a);
    }
    for (const [p, [b, a]] of stage.producers) sp.push(newP[p]!), spb.push(b), spa.push(a);
    stageFlowStart[k + 1] = sf.length;
    stageSlotStart[k + 1] = ss.length;
    stageProducerStart[k + 1] = sp.length;
  });

  const nPartnerships = plan.partnerships.length;
  const partnerCountry = new Uint8Array(nPartnerships * nC);
  const partnerGood = new Uint8Array(nPartnerships * nG);
  plan.partnerships.forEach((pt, k) => {
    partnerCountry.set(pt.countries, k * nC);
    partnerGood.set(pt.goods, k * nG);
  });

  const scoredGood: number[] = [];
  const scoredSlot: number[] = [];
  let scoredWeight = 0;
  for (let s = 0; s < nS; s++) {
    if (slotCountry[s] === home && slotDemand0[s]! > 0) {
      scoredGood.push(slotGood[s]!);
      scoredSlot.push(s);
      const good = at(plan.goods, slotGood[s]!);
      scoredWeight += good.price * good.weight * slotDemand0[s]!;
    }
  }
  if (scoredGood.length === 0) {
    throw new InputError([{ path: "home", message: `the home country '${homeId}' has no demand to score in the network` }]);
  }

  return {
    nCountries: nC,
    nGoods: nG,
    nProducers: nP,
    nFlows: nF,
    nSlots: nS,
    countryIds: plan.countryIds,
    countryGroups: plan.countryGroups,
    goodIds: plan.goodIds,
    chokepointIds: plan.chokepointIds,
    goodWeight: Float64Array.from(plan.goods, (g) => g.price * g.weight),
    goodSwitch: Float64Array.from(plan.goods, (g) => g.switchPeriods),
    goodProducerStart,
    goodSlotStart,
    goodPairStart,
    pairFlow,
    flowNextInPair,
    producerIds,
    producerCountry,
    producerCapacity,
    producerStandbyOwner,
    producerImmune,
    producerFlowStart,
    producerInputStart,
    producerInputSlot: Int32Array.from(inputSlots),
    flowProducer,
    flowSlot,
    flowVolume,
    flowImmune,
    flowRouteStart,
    flowRoute: Int32Array.from(routes),
    flowTo,
    slotCountry,
    slotGood,
    slotUse,
    slotDemand,
    slotDemand0,
    slotInventory,
    slotStockpile,
    nStages,
    stagePolicyIds: plan.stages.map((s) => s.policyId),
    stageFrom,
    stageProbability,
    stageFlowStart,
    stageFlow: Int32Array.from(sf),
    stageFlowBefore: Float64Array.from(sfb),
    stageFlowAfter: Float64Array.from(sfa),
    stageSlotStart,
    stageSlot: Int32Array.from(ss),
    stageSlotBefore: Float64Array.from(ssb),
    stageSlotAfter: Float64Array.from(ssa),
    stageProducerStart,
    stageProducer: Int32Array.from(sp),
    stageProducerBefore: Float64Array.from(spb),
    stageProducerAfter: Float64Array.from(spa),
    nPartnerships,
    partnerCountry,
    partnerGood,
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
