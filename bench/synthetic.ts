// Deterministic synthetic networks and scenarios of any size, for benchmarks and cross-checks.
// Every shock and policy kind appears, so every code path of the trial loop runs. Seeded with
// seedrandom's alea (never Math.random): the same spec always gives the same scenario.
import seedrandom from "seedrandom";
import type { Distribution, NetworkInput, PolicyInput, Scenario, ShockInput } from "../src/scenario/schema.ts";
import { validateScenario } from "../src/scenario/validate.ts";

/** The size knobs of a synthetic scenario. */
export interface SyntheticSpec {
  name: string;
  countries: number;
  goods: number;
  /** mean number of producers per good (each in a different country) */
  producersPerGood: number;
  /** mean number of destination countries per producer */
  flowsPerProducer: number;
  /** layers of the bill of materials: 1 = raw goods only */
  bomDepth: number;
  chokepoints: number;
  horizon: number;
  seed: number;
  /**
   * Which shocks: "mixed" (default) one of every kind; "every-good" one outage on every producer,
   * so every good is short in most periods; "few-goods" one export control on 5 % of the goods.
   */
  shockMix?: "mixed" | "every-good" | "few-goods";
  /** eight more policies (16 in all: smaller and larger stockpiles, a second recycling, substitution and reserve), for budget searches */
  morePolicies?: boolean;
}

export const SIZES = {
  small: {
    name: "small",
    countries: 5,
    goods: 4,
    producersPerGood: 2,
    flowsPerProducer: 2,
    bomDepth: 2,
    chokepoints: 2,
    horizon: 12,
    seed: 11,
  },
  medium: {
    name: "medium",
    countries: 20,
    goods: 15,
    producersPerGood: 5,
    flowsPerProducer: 4,
    bomDepth: 3,
    chokepoints: 3,
    horizon: 24,
    seed: 12,
  },
  large: {
    name: "large",
    countries: 40,
    goods: 40,
    producersPerGood: 9,
    flowsPerProducer: 8,
    bomDepth: 4,
    chokepoints: 4,
    horizon: 24,
    seed: 13,
  },
} as const satisfies Record<string, SyntheticSpec>;

export type SizeName = keyof typeof SIZES;

/** The generated scenario plus a few facts about it, for reports. */
export interface Synthetic {
  scenario: Scenario;
  stats: { countries: number; goods: number; producers: number; flows: number; demand: number; shocks: number; policies: number; options: number };
}

/** The scenario of the given size as a file would hold it (before validation), its network inline. */
export function syntheticInput(size: SizeName | SyntheticSpec): { network: NetworkInput } & Record<string, unknown> {
  return generate(typeof size === "string" ? SIZES[size] : size);
}

/** A valid scenario of the given size; throws if the generator ever produced an invalid one. */
export function syntheticScenario(size: SizeName | SyntheticSpec): Synthetic {
  const spec: SyntheticSpec = typeof size === "string" ? SIZES[size] : size;
  const input = generate(spec);
  const { value, issues } = validateScenario(input, undefined);
  if (value === undefined || issues.length > 0) {
    const lines = issues.slice(0, 10).map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`synthetic scenario '${spec.name}' is invalid:\n${lines.join("\n")}`);
  }
  const net = value.network;
  return {
    scenario: value,
    stats: {
      countries: net.countries.length,
      goods: net.goods.length,
      producers: net.producers.length,
      flows: net.flows.length,
      demand: net.demand.length,
      shocks: value.shocks.length,
      policies: value.policies.length,
      options: Object.keys(value.options).length + 1,
    },
  };
}

interface Rand {
  u(): number;
  between(a: number, b: number): number;
  int(a: number, b: number): number;
  chance(p: number): boolean;
  pick<T>(xs: readonly T[]): T;
  sample<T>(xs: readonly T[], k: number): T[];
}

function rand(seed: string): Rand {
  const next = seedrandom.alea(seed);
  const r: Rand = {
    u: () => next(),
    between: (a, b) => a + next() * (b - a),
    int: (a, b) => a + Math.floor(next() * (b - a + 1)),
    chance: (p) => next() < p,
    pick: (xs) => {
      const x = xs[Math.floor(next() * xs.length)];
      if (x === undefined) throw new Error("pick from an empty list");
      return x;
    },
    sample: (xs, k) => {
      const a = [...xs];
      const n = Math.min(k, a.length);
      for (let i = 0; i < n; i++) {
        const j = i + Math.floor(next() * (a.length - i));
        [a[i], a[j]] = [a[j]!, a[i]!];
      }
      return a.slice(0, n);
    },
  };
  return r;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
const pad = (i: number): string => String(i).padStart(2, "0");

interface GenProducer {
  id: string;
  country: string;
  good: string;
  flows: { to: string; volume: number; route: string[] }[];
  capacity: number;
}

function generate(spec: SyntheticSpec): { network: NetworkInput } & Record<string, unknown> {
  const r = rand(`chokepoint-synthetic:${spec.name}:${spec.seed}`);
  const nC = Math.max(4, spec.countries);
  const nG = Math.max(2, spec.goods);

  // countries: C00 is the home (allies), C01 the hub that makes most raw goods (bloc)
  const home = "C00";
  const hub = "C01";
  const countries = Array.from({ length: nC }, (_, i) => {
    const id = `C${pad(i)}`;
    const groups =
      i === 0 || i === 3 ? ["allies"] : i === 1 || i === 2 ? ["bloc"] : r.chance(0.45) ? ["allies"] : r.chance(0.5) ? ["bloc"] : [];
    return { id, name: `Country ${i}`, groups, governance: round3(r.between(2, 9)) };
  });
  const ids = countries.map((c) => c.id);
  const allies = countries.filter((c) => c.groups.includes("allies")).map((c) => c.id);

  // goods in layers (layer 0 raw); a good of layer L > 0 takes an input from layer L − 1 and
  // maybe one from a lower layer: acyclic by construction
  const depth = Math.max(1, Math.min(spec.bomDepth, nG));
  const layerOf = (i: number): number => Math.min(depth - 1, Math.floor((i * depth) / nG));
  const goods = Array.from({ length: nG }, (_, i) => {
    const layer = layerOf(i);
    const inputs: Record<string, number> = {};
    if (layer > 0) {
      const below = (l: number) => Array.from({ length: nG }, (_, j) => j).filter((j) => layerOf(j) === l);
      inputs[`g${pad(r.pick(below(layer - 1)))}`] = round3(r.between(0.5, 3));
      if (r.chance(0.5)) {
        const lower = Array.from({ length: nG }, (_, j) => j).filter((j) => layerOf(j) < layer);
        inputs[`g${pad(r.pick(lower))}`] ??= round3(r.between(0.2, 2));
      }
    }
    return {
      id: `g${pad(i)}`,
      name: `Good ${i}`,
      unit: "t",
      price: round3(r.between(1, 40) * (1 + layer)),
      weight: r.pick([1, 1, 1, 2, 0.5]),
      inputs,
      switchPeriods: r.pick([0, 0, 1, 2, 3]),
      inventoryPeriods: r.pick([0, 0, 0.5, 1, 2]),
    };
  });
  const goodIds = goods.map((g) => g.id);
  const rawGoods = goods.filter((g) => Object.keys(g.inputs).length === 0).map((g) => g.id);

  const chokepoints = Array.from({ length: Math.max(1, spec.chokepoints) }, (_, i) => ({
    id: `K${i}`,
    name: `Strait ${i}`,
    ...(i === 0 ? { bypassPeriods: 2 } : {}),
  }));
  const chokeIds = chokepoints.map((k) => k.id);

  // producers: the hub makes most raw goods; each good the hub makes also has an allied maker
  const producers: GenProducer[] = [];
  const byGood = new Map<string, GenProducer[]>();
  for (const g of goods) {
    const isRaw = rawGoods.includes(g.id);
    const n = Math.max(1, Math.min(nC, Math.round(spec.producersPerGood * r.between(0.6, 1.4))));
    const chosen = new Set<string>();
    if (isRaw ? r.chance(0.8) : r.chance(0.3)) chosen.add(hub);
    if (chosen.has(hub)) chosen.add(r.pick(allies.filter((c) => c !== home)));
    for (const c of r.sample(ids, n + 2)) if (chosen.size < n) chosen.add(c);
    const list = [...chosen].map((c) => ({ id: `${g.id}-${c}`, country: c, good: g.id, flows: [], capacity: 0 }));
    producers.push(...list);
    byGood.set(g.id, list);
  }
  const routeFor = (from: string, to: string): string[] =>
    from === to || !r.chance(0.35) ? [] : r.sample(chokeIds, r.chance(0.7) ? 1 : 2);
  const volume = (): number => round3(r.between(5, 100));

  // trade flows: distinct destinations per producer (sometimes domestic), a few idle producers
  for (const p of producers) {
    if (r.chance(0.04)) continue;
    const k = Math.max(1, Math.round(spec.flowsPerProducer * r.between(0.5, 1.5)));
    const dest = new Set(r.sample(ids.filter((c) => c !== p.country), k));
    if (r.chance(0.5)) dest.add(p.country);
    for (const to of dest) p.flows.push({ to, volume: volume(), route: routeFor(p.country, to) });
  }
  const inflowOf = (country: string, good: string): number =>
    (byGood.get(good) ?? []).reduce((s, p) => s + p.flows.filter((f) => f.to === country).reduce((a, f) => a + f.volume, 0), 0);
  const addFlow = (p: GenProducer, to: string): void => {
    if (!p.flows.some((f) => f.to === to)) p.flows.push({ to, volume: volume(), route: routeFor(p.country, to) });
  };
  // the home buys most goods, and the hub's goods from the hub (the exposure under study)
  for (const g of goodIds) {
    const makers = byGood.get(g) ?? [];
    const hubMaker = makers.find((p) => p.country === hub);
    if (hubMaker !== undefined) {
      addFlow(hubMaker, home);
      const f = hubMaker.flows.find((x) => x.to === home);
      if (f !== undefined) f.volume = round3(f.volume * 3);
    }
    else if (inflowOf(home, g) === 0 && r.chance(0.7)) addFlow(r.pick(makers), home);
  }
  // a producer of a good with inputs stands in a country with an inflow of every input
  for (const p of producers) {
    for (const input of Object.keys(goods.find((g) => g.id === p.good)?.inputs ?? {})) {
      if (inflowOf(p.country, input) === 0) addFlow(r.pick(byGood.get(input) ?? []), p.country);
    }
  }
  // capacity: planned flows plus 2–30% spare; idle producers get a modest capacity
  for (const p of producers) {
    const load = p.flows.reduce((s, f) => s + f.volume, 0);
    p.capacity = load > 0 ? round3(load * r.between(1.02, 1.3) + 0.001) : round3(r.between(10, 50));
  }

  // demand: most consumers score part of their inflow; the home nearly all of its goods
  const demand: { country: string; good: string; volume: number }[] = [];
  for (const c of ids) {
    for (const g of goodIds) {
      const inflow = inflowOf(c, g);
      if (inflow <= 0 || !r.chance(c === home ? 0.95 : 0.6)) continue;
      demand.push({ country: c, good: g, volume: Math.floor(inflow * r.between(0.2, 1) * 1000) / 1000 });
    }
  }
  if (!demand.some((d) => d.country === home)) {
    const g = goodIds.find((x) => inflowOf(home, x) > 0);
    if (g === undefined) throw new Error("the home has no inflow at all");
    demand.push({ country: home, good: g, volume: Math.floor(inflowOf(home, g) * 500) / 1000 });
  }

  const network: NetworkInput = {
    name: `synthetic-${spec.name}`,
    countries,
    // file order is not BOM order: the loader's topological sort is exercised
    goods: r.sample(goods, goods.length),
    producers: producers.map((p) => ({ id: p.id, country: p.country, good: p.good, capacity: p.capacity })),
    chokepoints,
    flows: producers.flatMap((p) =>
      p.flows.map((f) => ({ from: p.id, to: f.to, volume: f.volume, ...(f.route.length > 0 ? { route: f.route } : {}) })),
    ),
    demand,
  };

  // shocks: one of every kind, with every distribution family, and a triggered retaliation
  const hubGoods = goodIds.filter((g) => (byGood.get(g) ?? []).some((p) => p.country === hub));
  const controlled = hubGoods.slice(0, Math.max(1, Math.min(4, hubGoods.length)));
  const ally = "C03";
  const allyGoods = goodIds.filter((g) => (byGood.get(g) ?? []).some((p) => p.country === ally));
  const homeGoods = goodIds.filter((g) => inflowOf(home, g) > 0);
  const uniform = (min: number, max: number): Distribution => ({ dist: "uniform", min, max });
  const shocks: ShockInput[] = [
    {
      id: "hub-controls",
      type: "export_control",
      imposer: hub,
      goods: controlled,
      targets: ["allies"],
      probability: 0.6,
      start: uniform(0, Math.min(6, spec.horizon - 1)),
      duration: { dist: "triangular", min: 3, mode: 6, max: 18 },
      severity: uniform(0.4, 0.9),
    },
    {
      id: "hub-blockade",
      type: "blockade",
      country: "C02",
      probability: 0.15,
      start: uniform(0, spec.horizon / 2),
      duration: { dist: "choice", values: [2, 4, 8], weights: [3, 2, 1] },
      severity: { dist: "normal", mean: 0.7, sd: 0.2, min: 0, max: 1 },
    },
    {
      id: "strait-closure",
      type: "chokepoint_closure",
      chokepoint: "K0",
      probability: 0.25,
      start: uniform(0, spec.horizon - 1),
      duration: { dist: "triangular", min: 1, mode: 3, max: 10 },
    },
    {
      id: "second-strait",
      type: "chokepoint_closure",
      chokepoint: chokeIds[chokeIds.length - 1]!,
      probability: 0.1,
      start: { dist: "choice", values: [0, 3, 6, 9] },
      duration: { dist: "lognormal", mu: 1, sigma: 0.5 },
      severity: 0.8,
    },
    {
      id: "plant-outages",
      type: "outage",
      producers: r.sample(producers, Math.min(3, producers.length)).map((p) => p.id),
      probability: 0.3,
      start: uniform(0, spec.horizon - 1),
      duration: uniform(1, 4),
      severity: uniform(0.3, 1),
    },
    {
      id: "country-outage",
      type: "outage",
      country: "C04",
      goods: r.sample(goodIds, 2),
      probability: 0.2,
      start: uniform(0, spec.horizon - 1),
      severity: 0.5,
      duration: 3,
    },
    {
      id: "demand-surge",
      type: "demand_surge",
      countries: [home, "C05"].filter((c) => ids.includes(c)),
      goods: r.sample(homeGoods, 2),
      probability: 0.3,
      start: uniform(0, spec.horizon - 1),
      duration: 6,
      severity: uniform(0.1, 0.5),
    },
  ];
  if (allyGoods.length > 0) {
    shocks.push({
      id: "retaliation",
      type: "export_control",
      imposer: ally,
      goods: allyGoods.slice(0, 2),
      targets: ["bloc"],
      probability: 0.7,
      after: { shock: "hub-controls", lag: { dist: "normal", mean: 2, sd: 1.5, min: 0, max: 6 } },
      duration: uniform(2, 8),
      severity: uniform(0.5, 1),
    });
  }

  // policies: every kind, on the home's most exposed goods
  const exposed = controlled.filter((g) => inflowOf(home, g) > 0);
  const main = exposed[0] ?? homeGoods[0]!;
  const others = homeGoods.filter((g) => g !== main);
  const pickOther = (avoid: string[]): string => others.find((g) => !avoid.includes(g)) ?? main;
  // a capacity producer in the home needs inflows of its good's inputs there
  const buildable = homeGoods.filter((g) =>
    Object.keys(goods.find((x) => x.id === g)?.inputs ?? {}).every((i) => inflowOf(home, i) > 0),
  );
  const standbyGood = buildable.find((g) => g !== main) ?? main;
  const displaceGood = buildable.find((g) => g !== main && g !== standbyGood) ?? standbyGood;
  const substGood = pickOther([standbyGood, displaceGood]);
  const recycleGood = pickOther([standbyGood, displaceGood, substGood]);
  const useOf = (g: string): number => inflowOf(home, g);
  const policies: PolicyInput[] = [
    { id: "stock-main", type: "stockpile", country: home, good: main, periods: 2, cost: 30 },
    { id: "stock-units", type: "stockpile", country: home, good: pickOther([]), units: round3(useOf(pickOther([]))), cost: 10 },
    { id: "friendshore", type: "diversify", country: home, good: main, from: [hub], to: ["allies"], share: 0.5, cost: 100 },
    { id: "club", type: "partnership", group: "allies", goods: controlled, cost: 20 },
    { id: "redesign", type: "substitution", country: home, good: substGood, share: 0.3, successProbability: 0.6, delayPeriods: 3, cost: 40 },
    { id: "reserve-plant", type: "capacity", country: home, good: standbyGood, units: round3(0.3 * useOf(standbyGood) + 1), buildPeriods: 4, mode: "standby", cost: 60 },
    { id: "new-plant", type: "capacity", country: home, good: displaceGood, units: round3(0.4 * useOf(displaceGood) + 1), buildPeriods: 2, mode: "displace", cost: 80 },
    { id: "recycle", type: "recycling", country: home, good: recycleGood, share: 0.2, cost: 25 },
  ];
  if (spec.morePolicies) {
    policies.push(
      { id: "stock-main-1", type: "stockpile", country: home, good: main, periods: 1, cost: 15 },
      { id: "stock-main-4", type: "stockpile", country: home, good: main, periods: 4, cost: 55 },
      { id: "stock-subst", type: "stockpile", country: home, good: substGood, periods: 2, cost: 14 },
      { id: "stock-recycle", type: "stockpile", country: home, good: recycleGood, periods: 3, cost: 18 },
      { id: "recycle-main", type: "recycling", country: home, good: main, share: 0.15, cost: 22 },
      { id: "redesign-main", type: "substitution", country: home, good: main, share: 0.2, successProbability: 0.5, delayPeriods: 4, cost: 35 },
      { id: "reserve-small", type: "capacity", country: home, good: standbyGood, units: round3(0.15 * useOf(standbyGood) + 1), buildPeriods: 2, mode: "standby", cost: 35 },
      { id: "stock-build", type: "stockpile", country: home, good: displaceGood, periods: 2, cost: 16 },
    );
  }
  const options: Record<string, string[]> = {
    stockpile: ["stock-main", "stock-units"],
    friendshore: ["friendshore"],
    club: ["club"],
    redesign: ["redesign"],
    reserve: ["reserve-plant"],
    build: ["new-plant"],
    recycle: ["recycle"],
    everything: policies.map((p) => p.id),
  };

  if (spec.shockMix === "every-good") {
    shocks.length = 0;
    shocks.push({
      id: "everything-out",
      type: "outage",
      producers: producers.map((p) => p.id),
      probability: 1,
      start: uniform(0, 4),
      duration: { dist: "triangular", min: 6, mode: 12, max: 20 },
      severity: uniform(0.2, 0.6),
    });
  } else if (spec.shockMix === "few-goods") {
    shocks.length = 0;
    shocks.push({
      id: "hub-controls-few",
      type: "export_control",
      imposer: hub,
      goods: hubGoods.slice(0, Math.max(1, Math.round(nG / 20))),
      targets: ["all"],
      probability: 1,
      start: uniform(0, 6),
      duration: { dist: "triangular", min: 3, mode: 6, max: 18 },
      severity: uniform(0.4, 0.9),
    });
  }
  return {
    name: `synthetic ${spec.name}`,
    network,
    home,
    horizon: spec.horizon,
    trials: 1000,
    seed: spec.seed,
    shocks,
    policies,
    options,
  };
}
