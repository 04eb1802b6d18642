// Structural exposure of a home country: per-good import concentration (HHI, DOJ/FTC bands),
// governance-weighted concentration, BOM depth, and betweenness of countries and chokepoints.
// Reference: US DOJ/FTC Horizontal Merger Guidelines (2010) HHI bands; European Commission (2017)
// Methodology for establishing the EU list of critical raw materials (HHI_WGI); Brandes (2001)
// betweenness via graphology-metrics. Formulas and reading guide: docs/inspect.md.
import { DirectedGraph } from "graphology";
import { centrality } from "graphology-metrics";
import { InputError } from "../errors.ts";
import { criticalFlowIndices, type FlowGraph } from "./flow-graph.ts";
import { buildModel, networkOf, nodeKey, type SupplyGraph } from "../model/build.ts";
import type { Country, Good, Network, Producer } from "../scenario/schema.ts";

/** Concentration band of an HHI on the 0–10 000 scale (DOJ/FTC 2010 thresholds). */
export type HhiBand = "unconcentrated" | "moderate" | "high";

/** HHI points at and above which a market is moderately concentrated. */
export const HHI_MODERATE = 1500;
/** HHI points at and above which a market is highly concentrated. */
export const HHI_HIGH = 2500;
/** Governance (0–10) assumed for a country whose file gives none: the neutral midpoint. */
export const DEFAULT_GOVERNANCE = 5;

/** One source country's part of a supply. */
export interface SourceShare {
  /** Country id. */
  country: string;
  /** Volume per period from that country's producers. */
  volume: number;
  /** `volume` over the total (0–1). */
  share: number;
}

/** The home country's exposure in one good it uses. */
export interface GoodExposure {
  good: string;
  name: string;
  unit: string;
  /** 0 for a good without inputs, else 1 + the largest depth among its inputs. */
  bomDepth: number;
  /** Baseline use: the sum of the home's inflows of the good (units per period). */
  use: number;
  /** Final (scored) demand of the home. */
  demand: number;
  /** `use − demand`: consumed by the home's own producers of downstream goods. */
  intermediateUse: number;
  /** Share of use delivered by producers outside the home (0–1). */
  importShare: number;
  /** Herfindahl–Hirschman index of the home's inflow shares by source country, 0–1. */
  hhi: number;
  /** `hhi × 10 000`, rounded to 6 decimals (the rounding keeps band edges exact). */
  hhiPoints: number;
  /** Band of `hhiPoints`: < 1 500 unconcentrated, < 2 500 moderate, else high. */
  hhiBand: HhiBand;
  /** Every source country of the home's inflows, largest share first (ties by id). */
  sources: SourceShare[];
  /** The first three of `sources`. */
  topSources: SourceShare[];
  /**
   * Share of use from each group tag in the network (every tag, in order of first appearance).
   * Groups overlap, so these need not sum to 1.
   */
  groupShares: Record<string, number>;
  /** Share of use from countries that share no group with the home (never the home itself). */
  outsideGroupsShare: number;
  /** World supply: the sum of every flow of the good in the network (units per period). */
  worldSupply: number;
  /** World supply by producing country, largest share first (ties by id). */
  worldSources: SourceShare[];
  /** `Σ_c s_c² · (10 − governance_c)`, 0–10, on world shares and on the home's sourcing shares. */
  governanceConcentration: { world: number; home: number };
  /** Countries in this good's shares whose governance was missing and taken as 5. */
  governanceImputed: string[];
}

/** A country or chokepoint on the trade graph. */
export interface NodeExposure {
  id: string;
  name: string;
  /** Normalised betweenness centrality on the trade graph (0–1). */
  betweenness: number;
  /** Home-critical flows that a blockade of the country / closure of the chokepoint would hit. */
  homeCriticalFlows: number;
  /** Their value per period: `Σ volume × price` in the network's currency unit. */
  homeCriticalValue: number;
}

/** The result of {@link inspect}; the JSON of `chokepoint inspect --format json`. */
export interface InspectReport {
  /** The network's name, or "network". */
  network: string;
  home: string;
  homeName: string;
  homeGroups: string[];
  /** Every group tag in the network, in order of first appearance. */
  groups: string[];
  /** Goods the home uses (use > 0), in file order. */
  goods: GoodExposure[];
  /** Every country, by betweenness, then home-critical flows (both descending), then id. */
  countries: NodeExposure[];
  /** Every chokepoint, ordered as countries are. */
  chokepoints: NodeExposure[];
  /** Number of flows in the network that are home-critical. */
  homeCriticalFlows: number;
  /** Countries with shares in some good whose governance was missing and taken as 5. */
  governanceImputed: string[];
  /** the network as a flat graph (only when asked for: pictures and graph files) */
  graph?: FlowGraph;
}

/** Herfindahl–Hirschman index of shares on the 0–1 scale: `Σ s²`. */
export function hhi(shares: Iterable<number>): number {
  let sum = 0;
  for (const s of shares) sum += s * s;
  return sum;
}

/** Band of an HHI on the 0–10 000 scale: < 1 500 unconcentrated, 1 500 to < 2 500 moderate, else high. */
export function hhiBand(points: number): HhiBand {
  if (points < HHI_MODERATE) return "unconcentrated";
  if (points < HHI_HIGH) return "moderate";
  return "high";
}

/**
 * Governance-weighted concentration as in the EU critical-raw-materials assessment (HHI_WGI):
 * `Σ_c s_c² · (10 − governance_c)`, governance on 0–10 with higher = more stable.
 */
export function governanceConcentration(
  shares: ReadonlyArray<{ country: string; share: number }>,
  governanceOf: (country: string) => number,
): number {
  let sum = 0;
  for (const { country, share } of shares) sum += share * share * (10 - governanceOf(country));
  return sum;
}

/**
 * Structural exposure report of `home` in a network's model graph (or in a network that passed
 * validation, modelled here). Throws InputError when `home` is not a country of the network.
 */
export function inspect(model: SupplyGraph | Network, home: string): InspectReport {
  const network = networkOf("countries" in model ? buildModel(model) : model);
  const countries = new Map<string, Country>(network.countries.map((c) => [c.id, c]));
  const homeCountry = countries.get(home);
  if (homeCountry === undefined) {
    throw new InputError([
      {
        path: "home",
        message: `unknown country "${home}"; valid: ${network.countries.map((c) => c.id).join(", ")}`,
      },
    ]);
  }
  const goods = new Map<string, Good>(network.goods.map((g) => [g.id, g]));
  const producers = new Map<string, Producer>(network.producers.map((p) => [p.id, p]));
  const groups = [...new Set(network.countries.flatMap((c) => c.groups))];
  const homeGroups = new Set(homeCountry.groups);
  const isOutside = (country: string): boolean =>
    country !== home && !(countries.get(country)?.groups ?? []).some((t) => homeGroups.has(t));

  const governanceOf = (country: string): number => countries.get(country)?.governance ?? DEFAULT_GOVERNANCE;

  // Flows with their producer resolved once.
  const flows = network.flows.flatMap((f) => {
    const p = producers.get(f.from);
    return p === undefined ? [] : [{ ...f, good: p.good, origin: p.country }];
  });

  const depth = bomDepths(network.goods);
  const goodReports: GoodExposure[] = [];
  for (const good of network.goods) {
    const homeVolumes = new Map<string, number>();
    const worldVolumes = new Map<string, number>();
    for (const f of flows) {
      if (f.good !== good.id) continue;
      worldVolumes.set(f.origin, (worldVolumes.get(f.origin) ?? 0) + f.volume);
      if (f.to === home) homeVolumes.set(f.origin, (homeVolumes.get(f.origin) ?? 0) + f.volume);
    }
    const use = sum(homeVolumes.values());
    if (!(use > 0)) continue;
    const demands = network.demand.filter((d) => d.country === home && d.good === good.id);
    const demand = sum(demands.map((d) => d.volume));
    const sources = sharesOf(homeVolumes);
    const worldSources = sharesOf(worldVolumes);
    const worldSupply = sum(worldVolumes.values());
    // Shares of sums are taken on volumes and divided once, so 70/20/10 gives exactly 0.54.
    const shareOfUse = (keep: (country: string) => boolean): number =>
      sum(sources.filter((s) => keep(s.country)).map((s) => s.volume)) / use;
    const h = weightedConcentration(sources, use, () => 1);
    const points = round(h * 10_000, 6);
    const groupShares: Record<string, number> = {};
    for (const tag of groups) groupShares[tag] = shareOfUse((c) => countries.get(c)?.groups.includes(tag) ?? false);
    const imputed = new Set(
      [...sources, ...worldSources].map((s) => s.country).filter((c) => countries.get(c)?.governance === undefined),
    );
    goodReports.push({
      good: good.id,
      name: good.name,
      unit: good.unit,
      bomDepth: depth.get(good.id) ?? 0,
      use,
      demand,
      intermediateUse: Math.max(0, use - demand),
      importShare: shareOfUse((c) => c !== home),
      hhi: h,
      hhiPoints: points,
      hhiBand: hhiBand(points),
      sources,
      topSources: sources.slice(0, 3),
      groupShares,
      outsideGroupsShare: shareOfUse(isOutside),
      worldSupply,
      worldSources,
      governanceConcentration: {
        world: weightedConcentration(worldSources, worldSupply, (c) => 10 - governanceOf(c)),
        home: weightedConcentration(sources, use, (c) => 10 - governanceOf(c)),
      },
      governanceImputed: [...imputed].sort(),
    });
  }

  const critical = criticalFlowIndices(flows, goods, home);

  const centralityOf = tradeBetweenness(network, flows);
  type ResolvedFlow = (typeof flows)[number];
  const exposure = (
    kind: "country" | "chokepoint",
    id: string,
    name: string,
    hits: (f: ResolvedFlow) => boolean,
  ): NodeExposure => {
    let count = 0;
    let value = 0;
    for (const i of critical) {
      const f = flows[i];
      if (f === undefined || !hits(f)) continue;
      count += 1;
      value += f.volume * (goods.get(f.good)?.price ?? 0);
    }
    const betweenness = centralityOf[nodeKey(kind, id)] ?? 0;
    return { id, name, betweenness, homeCriticalFlows: count, homeCriticalValue: value };
  };

  return {
    network: network.name ?? "network",
    home,
    homeName: homeCountry.name,
    homeGroups: [...homeCountry.groups],
    groups,
    goods: goodReports,
    countries: network.countries
      .map((c) => exposure("country", c.id, c.name, (f) => f.origin === c.id || f.to === c.id))
      .sort(byExposure),
    chokepoints: network.chokepoints
      .map((k) => exposure("chokepoint", k.id, k.name, (f) => f.route.includes(k.id)))
      .sort(byExposure),
    homeCriticalFlows: critical.size,
    governanceImputed: [...new Set(goodReports.flatMap((g) => g.governanceImputed))].sort(),
  };
}

/**
 * Normalised betweenness of countries and chokepoints on the trade graph: for each flow, an edge
 * chain producer country → route chokepoints… → destination (parallel edges merged, self-loops
 * dropped), unweighted shortest paths, scaled by 1 / ((n − 1)(n − 2)).
 */
function tradeBetweenness(
  network: Network,
  flows: ReadonlyArray<{ origin: string; to: string; route: string[] }>,
): Record<string, number> {
  const graph = new DirectedGraph();
  for (const c of network.countries) graph.addNode(nodeKey("country", c.id));
  for (const k of network.chokepoints) graph.addNode(nodeKey("chokepoint", k.id));
  for (const f of flows) {
    const chain = [
      nodeKey("country", f.origin),
      ...f.route.map((k) => nodeKey("chokepoint", k)),
      nodeKey("country", f.to),
    ];
    for (let i = 1; i < chain.length; i++) {
      const a = chain[i - 1] as string;
      const b = chain[i] as string;
      if (a !== b && graph.hasNode(a) && graph.hasNode(b)) graph.mergeEdge(a, b);
    }
  }
  return centrality.betweenness(graph, { getEdgeWeight: null, normalized: true });
}

/** BOM depth of every good: 0 without inputs, else 1 + the deepest input (the BOM is acyclic). */
export function bomDepths(goods: ReadonlyArray<Good>): Map<string, number> {
  const byId = new Map(goods.map((g) => [g.id, g]));
  const depth = new Map<string, number>();
  const visit = (id: string, path: Set<string>): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const good = byId.get(id);
    if (good === undefined || path.has(id)) return 0; // validation rejects both; stay total
    path.add(id);
    let d = 0;
    for (const input of Object.keys(good.inputs)) d = Math.max(d, 1 + visit(input, path));
    path.delete(id);
    depth.set(id, d);
    return d;
  };
  for (const g of goods) visit(g.id, new Set());
  return depth;
}

/** `Σ_c (v_c / total)² · weight(c)`, summed on volumes and divided once by `total²`. */
function weightedConcentration(
  sources: ReadonlyArray<SourceShare>,
  total: number,
  weight: (country: string) => number,
): number {
  let acc = 0;
  for (const s of sources) acc += s.volume * s.volume * weight(s.country);
  return total > 0 ? acc / (total * total) : 0;
}

function sharesOf(volumes: ReadonlyMap<string, number>): SourceShare[] {
  const total = sum(volumes.values());
  return [...volumes]
    .filter(([, volume]) => volume > 0)
    .map(([country, volume]) => ({ country, volume, share: total > 0 ? volume / total : 0 }))
    .sort((a, b) => b.share - a.share || (a.country < b.country ? -1 : a.country > b.country ? 1 : 0));
}

function byExposure(a: NodeExposure, b: NodeExposure): number {
  return (
    b.betweenness - a.betweenness ||
    b.homeCriticalFlows - a.homeCriticalFlows ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function sum(values: Iterable<number>): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}
