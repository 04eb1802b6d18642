// The one compile step: a resolved scenario's model graph + one option → a frozen Program of
// typed arrays (the network with the option's policies applied, every shock's channels, and the
// indexes the loop walks). The Simulator receives it and allocates scratch only.
// Reference: graphology NeighborhoodIndex (compile once, then iterate on arrays).
import type { PolicyBase } from "../kinds/fields.ts";
import type { Kinds } from "../kinds/index.ts";
import type { SupplyGraph } from "../model/build.ts";
import type { Scenario } from "../scenario/schema.ts";
import { type CompiledNetwork, compilePlan } from "./compile.ts";
import type { PlaceResolver, ShockEffect } from "./effects.ts";
import { namesCountry, planFromModel } from "./plan.ts";
import { compileMarkets, type MarketParams } from "./market.ts";
import { applyPolicies } from "./policies.ts";

/** Every shock's channels as CSR lists and membership bytes, shock j in file order. */
export interface ShockChannels {
  nShocks: number;
  cutStart: Int32Array;
  cutFlows: Int32Array;
  outStart: Int32Array;
  outProducers: Int32Array;
  surgeStart: Int32Array;
  surgeSlots: Int32Array;
  /** blockaded country per shock, or -1 */
  blockCountry: Int32Array;
  isEmbargo: Uint8Array;
  /** nShocks × nProducers and × nCountries */
  embProducer: Uint8Array;
  embCountry: Uint8Array;
}

/** Indexes derived from the network for the loop's convenience. */
export interface LoopIndex {
  flowGood: Int32Array;
  producerGood: Int32Array;
  /** distinct input slots of each good's producers: CSR */
  goodInputStart: Int32Array;
  goodInputSlot: Int32Array;
}

/** One option of one scenario, ready for the trial loop. */
export interface Program extends CompiledNetwork, ShockChannels, LoopIndex, MarketParams {
  horizon: number;
}

/**
 * Compiles one option: its policies (file order) applied to the model's plan, the network frozen
 * into arrays, every shock compiled by its kind.
 */
export function compileProgram(model: SupplyGraph, scenario: Scenario, policies: readonly PolicyBase[], kinds: Kinds): Program {
  const plan = planFromModel(model);
  applyPolicies(plan, policies, kinds.policies);
  const net = compilePlan(plan, scenario.home);
  const places = placeResolver(net);
  const effects = scenario.shocks.map((s) => kinds.shocks.of(s).compile(net, s, places));
  const markets = compileMarkets(net, scenario);
  return Object.freeze({ ...net, ...shockChannels(net, effects), ...loopIndex(net), ...markets, horizon: scenario.horizon });
}

/**
 * The same program with every typed array copied once into a SharedArrayBuffer, for worker
 * threads: posted to them, the arrays are shared, not copied (the Simulator only reads a program).
 */
export function shareProgram(program: Program): Program {
  const shared: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(program)) shared[key] = isTypedArray(value) ? onSharedMemory(value) : value;
  return Object.freeze(shared) as unknown as Program;
}

type TypedArray = Int32Array | Float64Array | Uint8Array;

function isTypedArray(value: unknown): value is TypedArray {
  return ArrayBuffer.isView(value) && !(value instanceof DataView);
}

function onSharedMemory<T extends TypedArray>(array: T): T {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  const copy = new (array.constructor as new (buffer: SharedArrayBuffer) => T)(new SharedArrayBuffer(array.byteLength));
  copy.set(array as never);
  return copy;
}

function placeResolver(net: CompiledNetwork): PlaceResolver {
  return (names) => {
    const out = new Set<number>();
    net.countryIds.forEach((id, c) => {
      if (names.some((n) => namesCountry(n, id, net.countryGroups[c] ?? []))) out.add(c);
    });
    return out;
  };
}

function shockChannels(net: CompiledNetwork, effects: readonly ShockEffect[]): ShockChannels {
  const n = effects.length;
  const csr = (pick: (e: ShockEffect) => number[]): [Int32Array, Int32Array] => {
    const start = new Int32Array(n + 1);
    const items: number[] = [];
    effects.forEach((e, j) => {
      items.push(...pick(e));
      start[j + 1] = items.length;
    });
    return [start, Int32Array.from(items)];
  };
  const [cutStart, cutFlows] = csr((e) => e.cutFlows);
  const [outStart, outProducers] = csr((e) => e.outageProducers);
  const [surgeStart, surgeSlots] = csr((e) => e.surgeSlots);
  const embProducer = new Uint8Array(n * net.nProducers);
  const embCountry = new Uint8Array(n * net.nCountries);
  effects.forEach((e, j) => {
    for (const p of e.embargoProducers) embProducer[j * net.nProducers + p] = 1;
    for (const c of e.embargoCountries) embCountry[j * net.nCountries + c] = 1;
  });
  return {
    nShocks: n,
    cutStart,
    cutFlows,
    outStart,
    outProducers,
    surgeStart,
    surgeSlots,
    blockCountry: Int32Array.from(effects, (e) => e.blockadeCountry),
    isEmbargo: Uint8Array.from(effects, (e) => (e.embargoProducers.length > 0 ? 1 : 0)),
    embProducer,
    embCountry,
  };
}

function loopIndex(net: CompiledNetwork): LoopIndex {
  const producerGood = new Int32Array(net.nProducers);
  for (let g = 0; g < net.nGoods; g++) producerGood.fill(g, net.goodProducerStart[g]!, net.goodProducerStart[g + 1]!);
  const goodInputStart = new Int32Array(net.nGoods + 1);
  const inputs: number[] = [];
  for (let g = 0; g < net.nGoods; g++) {
    const seen = new Set<number>();
    for (let p = net.goodProducerStart[g]!; p < net.goodProducerStart[g + 1]!; p++) {
      for (let i = net.producerInputStart[p]!; i < net.producerInputStart[p + 1]!; i++) seen.add(net.producerInputSlot[i]!);
    }
    inputs.push(...seen);
    goodInputStart[g + 1] = inputs.length;
  }
  return {
    flowGood: Int32Array.from(net.flowSlot, (slot) => net.slotGood[slot]!),
    producerGood,
    goodInputStart,
    goodInputSlot: Int32Array.from(inputs),
  };
}
