// Per-good market parameters (docs/model.md, "Markets that adapt") as arrays by compiled good
// index: price index, demand response, supply response, stock refill and sticky re-sourcing.
// A scenario's `markets` entry for a good replaces the network's `market` field of that good.
import type { Scenario } from "../scenario/schema.ts";
import type { Market } from "../scenario/network-schema.ts";
import type { CompiledNetwork } from "./compile.ts";
import { namesCountry } from "./plan.ts";

/** One option's market parameters, per good g (BOM order). */
export interface MarketParams {
  /** true when any good has a market mechanism switched on; false = the static model exactly */
  marketsOn: boolean;
  /** 1/ε of the inverse demand, or 0 (no price index) */
  priceInvEps: Float64Array;
  priceCap: Float64Array;
  /** λ of the partial price adjustment, 1 = at once */
  priceAdjust: Float64Array;
  /** per consumer slot: 1 when it is in its good's price market */
  slotInMarket: Uint8Array;
  /** η: use × P^(−η) */
  demandEl: Float64Array;
  supplyLag: Int32Array;
  supplyRate: Float64Array;
  supplyCeiling: Float64Array;
  refillPeriods: Int32Array;
  /** per good: 1 when a strategic stockpile of it is refilled (a stockpile policy's refillPeriods) */
  stockRefillGood: Uint8Array;
  stickyShare: Float64Array;
}

/** The market of each good: the scenario's entry, else the network's field, else none. */
export function marketOf(scenario: Pick<Scenario, "network" | "markets">, goodId: string): Market | undefined {
  return scenario.markets?.[goodId] ?? scenario.network.goods.find((g) => g.id === goodId)?.market;
}

export function compileMarkets(net: CompiledNetwork, scenario: Pick<Scenario, "network" | "markets">): MarketParams {
  const markets = net.goodIds.map((g) => marketOf(scenario, g));
  const slotInMarket = Uint8Array.from(net.slotCountry, (c, s) => {
    const names = markets[net.slotGood[s]!]?.priceMarket;
    return names === undefined || names.some((n) => namesCountry(n, net.countryIds[c]!, net.countryGroups[c] ?? [])) ? 1 : 0;
  });
  const f64 = (pick: (m: Market) => number) => Float64Array.from(markets, (m) => (m ? pick(m) : 0));
  const i32 = (pick: (m: Market) => number) => Int32Array.from(markets, (m) => (m ? pick(m) : 0));
  const params: MarketParams = {
    marketsOn: false,
    priceInvEps: f64((m) => (m.priceElasticity === undefined ? 0 : 1 / m.priceElasticity)),
    priceCap: Float64Array.from(markets, (m) => m?.priceCap ?? 1),
    priceAdjust: Float64Array.from(markets, (m) => m?.priceAdjust ?? 1),
    slotInMarket,
    demandEl: f64((m) => m.demandElasticity),
    supplyLag: i32((m) => m.supplyLag),
    supplyRate: f64((m) => m.supplyRate),
    supplyCeiling: f64((m) => m.supplyCeiling),
    refillPeriods: i32((m) => m.refillPeriods),
    stockRefillGood: Uint8Array.from(net.goodIds, (_, g) => (net.slotStockpileRefill.some((n, s) => n > 0 && net.slotGood[s] === g) ? 1 : 0)),
    stickyShare: f64((m) => m.stickyShare),
  };
  params.marketsOn = net.goodIds.some(
    (_, g) =>
      params.priceInvEps[g]! > 0 ||
      (params.supplyRate[g]! > 0 && params.supplyCeiling[g]! > 0) ||
      params.refillPeriods[g]! > 0 ||
      params.stockRefillGood[g]! > 0 ||
      params.stickyShare[g]! > 0,
  );
  return params;
}

/** Price index from world availability A: min(cap, A^(−1/ε)); 1 when A ≥ 1 or no elasticity. */
export function priceIndex(availability: number, invEps: number, cap: number): number {
  if (invEps <= 0 || availability >= 1) return 1;
  if (availability <= 0) return cap;
  const p = availability ** -invEps;
  return p < cap ? p : cap;
}

/** Partial adjustment in logs: P = P₋₁^(1−λ) · target^λ, snapped to 1 within 1e-9. */
export function adjustPrice(previous: number, target: number, lambda: number): number {
  const p = lambda >= 1 ? target : previous ** (1 - lambda) * target ** lambda;
  return p < 1 + 1e-9 ? 1 : p;
}

/** Linear interpolation of a licensing path at k periods since the shock's start. */
export function pathLevel(at: ArrayLike<number>, level: ArrayLike<number>, from: number, to: number, k: number): number {
  if (k <= at[from]!) return level[from]!;
  for (let i = from + 1; i < to; i++) {
    if (k <= at[i]!) {
      const a0 = at[i - 1]!;
      const l0 = level[i - 1]!;
      return l0 + ((level[i]! - l0) * (k - a0)) / (at[i]! - a0);
    }
  }
  return level[to - 1]!;
}
