// A second, deliberately plain implementation of docs/model.md for cross-checking the compiled
// engine: it walks a graphology graph by node and edge keys and keeps its state in Maps, written
// from the docs and not from src/engine/simulate.ts. Slow on purpose; clarity over speed.
// Shared with the engine on purpose: the shock sampler (src/engine/sample.ts) and the random
// streams (src/engine/rng.ts), so both see the same draws and any difference is in the model.
import { MultiDirectedGraph } from "graphology";
import { policyRngFor, rngFor } from "../src/engine/rng.ts";
import { inverseCdf } from "../src/engine/distributions.ts";
import { makeShockSampler, newShockDraws, type ShockDraws, type ShockSampler, sampleShocks } from "../src/engine/sample.ts";
import { buildModel, type SupplyGraph } from "../src/model/build.ts";
import type { Policy, PolicyType, Scenario, Shock } from "../src/scenario/schema.ts";

/** Relative tolerance below which a shortfall is rounding (docs: "so rounding is never a shortfall"). */
const ROUNDING = 1e-9;

// ---------------------------------------------------------------------------------------------
// The working graph of one option: the model's nodes and edges plus what its policies add.

/** A staged factor: `after` from the stage's period on in trials where it succeeds, else `before`. */
interface Factor {
  stage: string;
  before: number;
  after: number;
}

type RNode =
  | { kind: "country"; id: string; groups: string[] }
  | { kind: "good"; id: string; value: number; switchPeriods: number; inventoryPeriods: number }
  | {
      kind: "producer";
      id: string;
      country: string;
      good: string;
      capacity: number;
      /** standby capacity serves only this country's replacement requests */
      standbyOwner: string | null;
      /** a recycling producer: immune to every shock and to input shortages, no spare to offer */
      immune: boolean;
      /** capacity factors (a new plant offline until it is built) */
      factors: Factor[];
    }
  | { kind: "chokepoint"; id: string };

type REdge =
  | { kind: "flow"; order: number; volume: number; route: string[]; factors: Factor[] }
  | { kind: "makes" }
  | { kind: "located" }
  | { kind: "input"; coefficient: number }
  | { kind: "demand"; volume: number };

type RGraph = MultiDirectedGraph<RNode, REdge>;
type ProducerNode = Extract<RNode, { kind: "producer" }>;
type FlowEdge = Extract<REdge, { kind: "flow" }>;

const countryKey = (id: string): string => `country:${id}`;
const goodKey = (id: string): string => `good:${id}`;
const producerKey = (id: string): string => `producer:${id}`;

/**
 * Values per consumer slot (a country's use of a good), as good → country → value. Nested so the
 * keys are the entities' own id strings: a composite string key per look-up is far slower.
 */
class Slots<T> {
  private readonly byGood = new Map<string, Map<string, T>>();
  get(country: string, good: string): T | undefined {
    return this.byGood.get(good)?.get(country);
  }
  set(country: string, good: string, value: T): void {
    this.of(good).set(country, value);
  }
  /** The country → value map of one good (created empty if absent). */
  of(good: string): Map<string, T> {
    let m = this.byGood.get(good);
    if (m === undefined) {
      m = new Map();
      this.byGood.set(good, m);
    }
    return m;
  }
  *entries(): Generator<[string, string, T]> {
    for (const [g, m] of this.byGood) for (const [c, v] of m) yield [c, g, v];
  }
  clone(): Slots<T> {
    const out = new Slots<T>();
    for (const [g, m] of this.byGood) out.byGood.set(g, new Map(m));
    return out;
  }
}

function producerAt(graph: RGraph, key: string): ProducerNode {
  const a = graph.getNodeAttributes(key);
  if (a.kind !== "producer") throw new Error(`${key} is not a producer`);
  return a;
}

/** Producer keys of a good, from its `makes` in-edges. */
function producersOf(graph: RGraph, good: string): string[] {
  const out: string[] = [];
  graph.forEachInEdge(goodKey(good), (_e, attrs, source) => {
    if (attrs.kind === "makes") out.push(source);
  });
  return out;
}

/** Flow edges into a country of one good: [edge key, attributes]. */
function inflowsOf(graph: RGraph, country: string, good: string): [string, FlowEdge][] {
  const out: [string, FlowEdge][] = [];
  graph.forEachInEdge(countryKey(country), (e, attrs, _s, _t, source) => {
    if (attrs.kind === "flow" && source.kind === "producer" && source.good === good) out.push([e, attrs]);
  });
  return out;
}

function flowsFrom(graph: RGraph, producer: string): [string, FlowEdge, string][] {
  const out: [string, FlowEdge, string][] = [];
  graph.forEachOutEdge(producer, (e, attrs, _s, _t, _sa, target) => {
    if (attrs.kind === "flow" && target.kind === "country") out.push([e, attrs, target.id]);
  });
  return out;
}

/** Country ids named by ids and group tags (`all` = every country). */
function resolvePlaces(graph: RGraph, names: readonly string[]): Set<string> {
  const out = new Set<string>();
  graph.forEachNode((_k, a) => {
    if (a.kind === "country" && names.some((n) => n === "all" || n === a.id || a.groups.includes(n))) out.add(a.id);
  });
  return out;
}

/** Copies the model graph into a working graph that policies may change. */
function workingGraph(model: SupplyGraph): RGraph {
  const g: RGraph = new MultiDirectedGraph({ allowSelfLoops: true });
  model.forEachNode((key, a) => {
    switch (a.kind) {
      case "country":
        g.addNode(key, { kind: "country", id: a.id, groups: [...a.entity.groups] });
        break;
      case "good":
        g.addNode(key, {
          kind: "good",
          id: a.id,
          value: a.entity.price * a.entity.weight,
          switchPeriods: a.entity.switchPeriods,
          inventoryPeriods: a.entity.inventoryPeriods,
        });
        break;
      case "producer":
        g.addNode(key, {
          kind: "producer",
          id: a.id,
          country: a.entity.country,
          good: a.entity.good,
          capacity: a.entity.capacity,
          standbyOwner: null,
          immune: false,
          factors: [],
        });
        break;
      case "chokepoint":
        g.addNode(key, { kind: "chokepoint", id: a.id });
        break;
    }
  });
  model.forEachEdge((_key, a, source, target) => {
    const key = `${a.kind}:${g.size}`;
    if (a.kind === "flow") g.addDirectedEdgeWithKey(key, source, target, { kind: "flow", order: a.index, volume: a.volume, route: [...a.route], factors: [] });
    else g.addDirectedEdgeWithKey(key, source, target, { ...a });
  });
  return g;
}

// ---------------------------------------------------------------------------------------------
// Policies (docs/model.md "Policies"), re-implemented on the working graph.

interface Stage {
  from: number;
  probability: number;
}

interface OptionState {
  graph: RGraph;
  /** staged changes by policy id */
  stages: Map<string, Stage>;
  /** substitution factors on use and demand of a slot */
  slotFactors: Slots<Factor[]>;
  stockpile: Slots<number>;
  partnerships: { members: Set<string>; goods: Set<string> }[];
  nextFlow: number;
}

/** Baseline quantities of the network before any policy. */
interface Baseline {
  use0: Slots<number>;
  demand0: Slots<number>;
  /** commercial inventory: inventoryPeriods × baseline use */
  inventory0: Slots<number>;
}

function addFlow(s: OptionState, producer: string, country: string, volume: number, route: string[], factors: Factor[]): void {
  s.graph.addDirectedEdgeWithKey(`flow:policy:${s.nextFlow}`, producer, countryKey(country), {
    kind: "flow",
    order: s.nextFlow++,
    volume,
    route,
    factors,
  });
}

function addProducer(s: OptionState, p: Omit<ProducerNode, "kind">): string {
  const key = producerKey(p.id);
  s.graph.addNode(key, { kind: "producer", ...p });
  s.graph.addDirectedEdgeWithKey(`makes:${key}`, key, goodKey(p.good), { kind: "makes" });
  s.graph.addDirectedEdgeWithKey(`located:${key}`, key, countryKey(p.country), { kind: "located" });
  return key;
}

const applyPolicy: { [T in PolicyType]: (s: OptionState, p: Extract<Policy, { type: T }>, base: Baseline) => void } = {
  diversify(s, p) {
    const from = resolvePlaces(s.graph, p.from);
    const to = resolvePlaces(s.graph, p.to);
    const receivers = producersOf(s.graph, p.good).filter((k) => {
      const q = producerAt(s.graph, k);
      return to.has(q.country) && !from.has(q.country) && q.standbyOwner === null;
    });
    const totalCapacity = receivers.reduce((sum, k) => sum + producerAt(s.graph, k).capacity, 0);
    if (receivers.length === 0 || totalCapacity <= 0) throw new Error(`diversify ${p.id}: no receiving producer`);
    let moved = 0;
    for (const [e, f] of inflowsOf(s.graph, p.country, p.good)) {
      if (!from.has(producerAt(s.graph, s.graph.source(e)).country)) continue;
      moved += f.volume * p.share;
      f.volume *= 1 - p.share;
    }
    for (const k of receivers) {
      const q = producerAt(s.graph, k);
      const add = (moved * q.capacity) / totalCapacity;
      if (add <= 0) continue;
      const own = flowsFrom(s.graph, k)
        .filter(([, , to]) => to === p.country)
        .sort((a, b) => a[1].order - b[1].order)[0];
      if (own !== undefined) own[1].volume += add;
      else addFlow(s, k, p.country, add, routeBetween(s.graph, q.country, p.country), []);
      const load = flowsFrom(s.graph, k).reduce((sum, [, f]) => sum + f.volume, 0);
      if (load > q.capacity) q.capacity = load; // the investment
    }
  },
  capacity(s, p, base) {
    const key = addProducer(s, {
      id: `policy:${p.id}`,
      country: p.country,
      good: p.good,
      capacity: p.units,
      standbyOwner: p.mode === "standby" ? p.country : null,
      immune: false,
      factors: [{ stage: p.id, before: 0, after: 1 }],
    });
    s.stages.set(p.id, { from: p.buildPeriods, probability: 1 });
    if (p.mode === "displace") {
      const use = base.use0.get(p.country, p.good) ?? 0;
      const supplied = Math.min(p.units, use);
      const keep = use > 0 ? 1 - supplied / use : 1;
      for (const [, f] of inflowsOf(s.graph, p.country, p.good)) f.factors.push({ stage: p.id, before: 1, after: keep });
      addFlow(s, key, p.country, supplied, [], [{ stage: p.id, before: 0, after: 1 }]);
    }
  },
  recycling(s, p, base) {
    const use = base.use0.get(p.country, p.good) ?? 0;
    for (const [, f] of inflowsOf(s.graph, p.country, p.good)) f.volume *= 1 - p.share;
    const key = addProducer(s, {
      id: `policy:${p.id}`,
      country: p.country,
      good: p.good,
      capacity: p.share * use,
      standbyOwner: null,
      immune: true,
      factors: [],
    });
    addFlow(s, key, p.country, p.share * use, [], []);
  },
  substitution(s, p) {
    const keep = 1 - p.share;
    s.stages.set(p.id, { from: p.delayPeriods, probability: p.successProbability });
    for (const [, f] of inflowsOf(s.graph, p.country, p.good)) f.factors.push({ stage: p.id, before: 1, after: keep });
    s.slotFactors.set(p.country, p.good, [...(s.slotFactors.get(p.country, p.good) ?? []), { stage: p.id, before: 1, after: keep }]);
  },
  stockpile(s, p, base) {
    const units = p.units ?? (p.periods ?? 0) * (base.use0.get(p.country, p.good) ?? 0);
    s.stockpile.set(p.country, p.good, (s.stockpile.get(p.country, p.good) ?? 0) + units);
  },
  partnership(s, p) {
    s.partnerships.push({ members: resolvePlaces(s.graph, [p.group]), goods: new Set(p.goods) });
  },
};

/** Route of an existing flow between two countries (the earliest one), else direct. */
function routeBetween(graph: RGraph, from: string, to: string): string[] {
  let best: FlowEdge | undefined;
  graph.forEachInEdge(countryKey(to), (_e, a, _s, _t, source) => {
    if (a.kind === "flow" && source.kind === "producer" && source.country === from && (best === undefined || a.order < best.order)) best = a;
  });
  return best === undefined ? [] : [...best.route];
}

const KIND_ORDER: readonly PolicyType[] = ["diversify", "capacity", "recycling", "substitution", "stockpile", "partnership"];

// ---------------------------------------------------------------------------------------------
// What each shock hits in one option's working graph (docs/model.md "Shocks").

interface Hits {
  flows: Set<string>;
  outage: Set<string>;
  blockade: string | null;
  /** export control: producers that refuse the targets' replacement requests */
  embargo: { producers: Set<string>; targets: Set<string> } | null;
  surge: { countries: Set<string>; goods: Set<string> } | null;
}

function hitsOf(graph: RGraph, shock: Shock): Hits {
  const hits: Hits = { flows: new Set(), outage: new Set(), blockade: null, embargo: null, surge: null };
  const eachFlow = (fn: (edge: string, f: FlowEdge, p: ProducerNode, to: string) => void): void =>
    graph.forEachEdge((e, a, _s, _t, source, target) => {
      if (a.kind === "flow" && source.kind === "producer" && target.kind === "country" && !source.immune) fn(e, a, source, target.id);
    });
  switch (shock.type) {
    case "export_control": {
      const targets = resolvePlaces(graph, shock.targets);
      targets.delete(shock.imposer); // the imposer is never its own target
      const producers = new Set<string>();
      graph.forEachInEdge(countryKey(shock.imposer), (_e, a, source, _t, sa) => {
        if (a.kind === "located" && sa.kind === "producer" && !sa.immune && shock.goods.includes(sa.good)) producers.add(source);
      });
      for (const p of producers) for (const [e, , to] of flowsFrom(graph, p)) if (targets.has(to)) hits.flows.add(e);
      hits.embargo = { producers, targets };
      break;
    }
    case "blockade":
      hits.blockade = shock.country;
      // domestic supply inside the blockaded country is left alone
      eachFlow((e, _f, p, to) => {
        if ((p.country === shock.country) !== (to === shock.country)) hits.flows.add(e);
      });
      break;
    case "chokepoint_closure":
      eachFlow((e, f) => {
        if (f.route.includes(shock.chokepoint)) hits.flows.add(e);
      });
      break;
    case "outage":
      graph.forEachNode((key, a) => {
        if (a.kind !== "producer" || a.immune) return;
        const named = shock.producers?.includes(a.id) ?? false;
        const byCountry = shock.country === a.country && (shock.goods === undefined || shock.goods.includes(a.good));
        if (named || byCountry) hits.outage.add(key);
      });
      break;
    case "demand_surge":
      hits.surge = { countries: resolvePlaces(graph, shock.countries), goods: new Set(shock.goods) };
      break;
  }
  return hits;
}

// ---------------------------------------------------------------------------------------------
// The reference run.

export interface ReferenceOption {
  id: string;
  state: OptionState;
  hits: Hits[];
}

export interface Reference {
  scenario: Scenario;
  seed: number;
  horizon: number;
  home: string;
  baseline: Baseline;
  /** goods with inputs first (a depth-first topological order, not the engine's) */
  goods: string[];
  /** the home's goods with baseline demand above 0 */
  scoredGoods: string[];
  options: ReferenceOption[];
  sampler: ShockSampler;
}

/** Per-trial results of one option: plain arrays, trial order. */
export interface ReferenceResults {
  unmet: number[];
  /** U_g per scored good id */
  unmetGood: Map<string, number[]>;
  /** time to recover per scored good id; NaN where the good never fell short */
  ttr: Map<string, number[]>;
}

/** Prepares the reference for the given options (ids and policy lists; `baseline` has none). */
export function prepareReference(
  scenario: Scenario,
  options: readonly { id: string; policies: readonly string[] }[],
  seed: number = scenario.seed,
): Reference {
  const model = buildModel(scenario.network);
  const baseline: Baseline = { use0: new Slots(), demand0: new Slots(), inventory0: new Slots() };
  model.forEachEdge((_e, a, _s, _t, source, target) => {
    if (a.kind === "flow" && source.kind === "producer") {
      const [c, g] = [target.id, source.entity.good];
      baseline.use0.set(c, g, (baseline.use0.get(c, g) ?? 0) + a.volume);
    } else if (a.kind === "demand") {
      const [c, g] = [source.id, target.id];
      baseline.demand0.set(c, g, (baseline.demand0.get(c, g) ?? 0) + a.volume);
    }
  });

  for (const [c, g, use] of baseline.use0.entries()) {
    const good = model.getNodeAttributes(goodKey(g));
    if (good.kind === "good") baseline.inventory0.set(c, g, good.entity.inventoryPeriods * use);
  }

  // depth-first topological order of the bill of materials: inputs before what they make
  const goods: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    model.forEachInEdge(key, (_e, a, source) => {
      if (a.kind === "input") visit(source);
    });
    const attrs = model.getNodeAttributes(key);
    goods.push(attrs.id);
  };
  model.forEachNode((key, a) => {
    if (a.kind === "good") visit(key);
  });

  const scoredGoods = goods.filter((g) => (baseline.demand0.get(scenario.home, g) ?? 0) > 0);
  const byId = new Map(scenario.policies.map((p) => [p.id, p]));
  const prepared = options.map((option) => {
    const state: OptionState = {
      graph: workingGraph(model),
      stages: new Map(),
      slotFactors: new Slots(),
      stockpile: new Slots(),
      partnerships: [],
      nextFlow: scenario.network.flows.length,
    };
    for (const id of option.policies) if (!byId.has(id)) throw new Error(`unknown policy '${id}'`);
    // kind by kind, file order within a kind, whatever order the option lists them in
    for (const kind of KIND_ORDER) {
      for (const p of scenario.policies) {
        if (p.type !== kind || !option.policies.includes(p.id)) continue;
        (applyPolicy[kind] as (s: OptionState, p: Policy, b: Baseline) => void)(state, p, baseline);
      }
    }
    return { id: option.id, state, hits: scenario.shocks.map((s) => hitsOf(state.graph, s)) };
  });

  const bypass = new Map<string, number>();
  for (const k of scenario.network.chokepoints) if (k.bypassPeriods !== undefined) bypass.set(k.id, k.bypassPeriods);
  const sampler = makeShockSampler(scenario.shocks, scenario.horizon, (s) =>
    s.type === "chokepoint_closure" ? (bypass.get(s.chokepoint) ?? -1) : -1,
  );
  return { scenario, seed, horizon: scenario.horizon, home: scenario.home, baseline, goods, scoredGoods, options: prepared, sampler };
}

/** Runs trials [first, first + count) of every option. */
export function runReference(ref: Reference, first: number, count: number): ReferenceResults[] {
  const out: ReferenceResults[] = ref.options.map(() => ({
    unmet: [],
    unmetGood: new Map(ref.scoredGoods.map((g) => [g, []])),
    ttr: new Map(ref.scoredGoods.map((g) => [g, []])),
  }));
  const draws = newShockDraws(ref.scenario.shocks.length);
  for (let trial = first; trial < first + count; trial++) {
    sampleShocks(ref.sampler, rngFor(ref.seed, trial), draws);
    ref.options.forEach((option, o) => {
      const r = runTrial(ref, option, draws, trial);
      const res = out[o]!;
      res.unmet.push(r.U);
      for (const g of ref.scoredGoods) {
        res.unmetGood.get(g)!.push(r.Ug.get(g)!);
        res.ttr.get(g)!.push(r.ttr.get(g)!);
      }
    });
  }
  return out;
}

/** The shock channels in force in one period. */
interface Period {
  cut: Map<string, number>;
  outage: Map<string, number>;
  block: Map<string, number>;
  embargoes: { producers: Set<string>; targets: Set<string> }[];
  surges: { countries: Set<string>; goods: Set<string>; severity: number }[];
}

/** One trial's staged policies: which succeeded, and from when. */
interface Staging {
  stages: Map<string, Stage>;
  succeeds: Map<string, boolean>;
}

function factorAt(st: Staging, factors: readonly Factor[] | undefined, t: number): number {
  if (factors === undefined) return 1;
  let x = 1;
  for (const f of factors) {
    const from = st.stages.get(f.stage)?.from ?? 0;
    x *= st.succeeds.get(f.stage) === true && t >= from ? f.after : f.before;
  }
  return x;
}

/** Overlapping shocks do not stack: the largest severity wins. */
function raise(m: Map<string, number>, key: string, v: number): void {
  if (v > (m.get(key) ?? 0)) m.set(key, v);
}

function surgeOf(period: Period, country: string, good: string): number {
  let m = 0;
  for (const s of period.surges) if (s.severity > m && s.countries.has(country) && s.goods.has(good)) m = s.severity;
  return m;
}

/** State of one good's replacement step in one period. */
interface GoodStep {
  graph: RGraph;
  period: Period;
  producers: [string, ProducerNode][];
  consumers: string[];
  spare: Map<string, number>;
  request: Map<string, number>;
  received: Map<string, number>;
}

/** Docs step 3: is producer `pk` willing to serve country c this period? */
function willing(step: GoodStep, pk: string, p: ProducerNode, c: string): boolean {
  if (p.standbyOwner !== null && p.standbyOwner !== c) return false;
  if (step.period.embargoes.some((x) => x.producers.has(pk) && x.targets.has(c))) return false;
  // what was cut cannot come back as replacement: any of its flows to c cut this period
  let cut = false;
  if (step.period.cut.size > 0) {
    step.graph.forEachOutEdge(pk, countryKey(c), (e, a) => {
      if (a.kind === "flow" && (step.period.cut.get(e) ?? 0) > 0) cut = true;
    });
  }
  return !cut;
}

/** One round of rationing (docs step 3), among `members` only when given. */
function rationRound(step: GoodStep, members: Set<string> | null): void {
  const asks: { c: string; pk: string; ask: number }[] = [];
  const asked = new Map<string, number>();
  for (const c of step.consumers) {
    const want = (step.request.get(c) ?? 0) - (step.received.get(c) ?? 0);
    if (want <= 0 || (members !== null && !members.has(c))) continue;
    const offers: { pk: string; e: number }[] = [];
    let E = 0;
    for (const [pk, p] of step.producers) {
      const s = step.spare.get(pk) ?? 0;
      // a recycling producer has no spare to offer
      if (s <= 0 || p.immune || (members !== null && !members.has(p.country)) || !willing(step, pk, p, c)) continue;
      const block = step.period.block;
      const b = p.country === c ? 0 : Math.max(block.get(p.country) ?? 0, block.get(c) ?? 0);
      const e = s * (1 - b);
      offers.push({ pk, e });
      E += e;
    }
    if (E <= 0) continue;
    const take = Math.min(want, E);
    for (const { pk, e } of offers) {
      const ask = (take * e) / E;
      asks.push({ c, pk, ask });
      asked.set(pk, (asked.get(pk) ?? 0) + ask);
    }
  }
  const sent = new Map<string, number>();
  for (const { c, pk, ask } of asks) {
    const total = asked.get(pk)!;
    const s = step.spare.get(pk)!;
    const v = total > s ? ask * (s / total) : ask;
    step.received.set(c, (step.received.get(c) ?? 0) + v);
    sent.set(pk, (sent.get(pk) ?? 0) + v);
  }
  for (const [pk, v] of sent) step.spare.set(pk, Math.max(0, step.spare.get(pk)! - v));
}

function runTrial(ref: Reference, option: ReferenceOption, draws: ShockDraws, trial: number) {
  const { graph, slotFactors, partnerships } = option.state;
  const { use0, demand0 } = ref.baseline;
  const H = ref.horizon;
  // a policy's own uncertainty: one uniform from its own stream, success when below its probability
  const st: Staging = { stages: option.state.stages, succeeds: new Map() };
  for (const [id, stage] of st.stages) st.succeeds.set(id, policyRngFor(ref.seed, trial, id)() < stage.probability);

  // stocks start full, sized on baseline use before any policy; not refilled
  const inventory = ref.baseline.inventory0.clone();
  const stockpile = option.state.stockpile.clone();
  const streak = new Slots<number>();
  const loss = new Map(ref.scoredGoods.map((g) => [g, 0]));
  const firstShort = new Map<string, number>();
  const recovered = new Map<string, number>();
  // per-period quantities, overwritten every period (kept across periods to spare the allocator)
  const inflowS = new Slots<number>();
  const useS = new Slots<number>();
  const requestS = new Slots<number>();
  const receivedS = new Slots<number>();
  const spareS = new Slots<number>();
  const ratio = new Slots<number>();

  for (let t = 0; t < H; t++) {
    const period: Period = { cut: new Map(), outage: new Map(), block: new Map(), embargoes: [], surges: [] };
    ref.scenario.shocks.forEach((_s, j) => {
      if (draws.occurs[j] !== 1 || t < draws.start[j]! || t >= draws.end[j]!) return;
      const sev = draws.severity[j]!;
      const h = option.hits[j]!;
      for (const e of h.flows) raise(period.cut, e, sev);
      for (const p of h.outage) raise(period.outage, p, sev);
      if (h.blockade !== null) raise(period.block, h.blockade, sev);
      if (h.embargo !== null) period.embargoes.push(h.embargo);
      if (h.surge !== null) period.surges.push({ ...h.surge, severity: sev });
    });

    for (const g of ref.goods) {
      const good = graph.getNodeAttributes(goodKey(g));
      if (good.kind !== "good") throw new Error(`${g} is not a good`);
      const inputs: string[] = [];
      graph.forEachInEdge(goodKey(g), (_e, a, _s, _t, source) => {
        if (a.kind === "input" && source.kind === "good") inputs.push(source.id);
      });

      // 1–2. producers: capacity after outage and inputs, pro-rata scaling, then cuts
      const producers = producersOf(graph, g).map((pk): [string, ProducerNode] => [pk, producerAt(graph, pk)]);
      const inflow = inflowS.of(g);
      for (const c of inflow.keys()) inflow.set(c, 0);
      const consumerSet = new Set<string>();
      const spare = spareS.of(g);
      for (const [pk, p] of producers) {
        let cap = p.capacity * factorAt(st, p.factors, t);
        if (!p.immune) {
          let inputFactor = 1;
          for (const i of inputs) {
            const r = ratio.get(p.country, i);
            if (r === undefined) throw new Error(`${p.id}: no availability of input ${i} in ${p.country}`);
            inputFactor = Math.min(inputFactor, r);
          }
          cap *= (1 - (period.outage.get(pk) ?? 0)) * inputFactor;
        }
        const flows = flowsFrom(graph, pk);
        let planned = 0;
        for (const [, f] of flows) planned += f.volume * factorAt(st, f.factors, t);
        const scale = planned > cap ? cap / planned : 1;
        let delivered = 0;
        for (const [e, f, to] of flows) {
          const v = f.volume * factorAt(st, f.factors, t) * scale * (1 - (period.cut.get(e) ?? 0));
          inflow.set(to, (inflow.get(to) ?? 0) + v);
          consumerSet.add(to);
          delivered += v;
        }
        spare.set(pk, Math.max(0, cap - delivered));
      }
      graph.forEachInEdge(goodKey(g), (_e, a, _s, _t, source) => {
        if (a.kind === "demand" && source.kind === "country") consumerSet.add(source.id);
      });
      const consumers = [...consumerSet];

      // 3. replacement: requests ramp over switchPeriods, then rationing rounds
      const use = useS.of(g);
      const request = requestS.of(g);
      const received = receivedS.of(g);
      for (const c of received.keys()) received.set(c, 0);
      let anyRequest = false;
      const use0g = use0.of(g);
      const factorsG = slotFactors.of(g);
      const streakG = streak.of(g);
      for (const c of consumers) {
        const u = (use0g.get(c) ?? 0) * factorAt(st, factorsG.get(c), t) * (1 + surgeOf(period, c, g));
        use.set(c, u);
        const missing = u - (inflow.get(c) ?? 0);
        if (missing > ROUNDING * u) {
          const k = streakG.get(c) ?? 0;
          const req = good.switchPeriods === 0 ? missing : missing * Math.min(1, k / good.switchPeriods);
          request.set(c, req);
          if (req > 0) anyRequest = true;
          streakG.set(c, k + 1);
        } else {
          request.set(c, 0);
          streakG.set(c, 0);
        }
      }
      const step: GoodStep = { graph, period, producers, consumers, spare, request, received };
      if (anyRequest) {
        for (const pt of partnerships) if (pt.goods.has(g)) rationRound(step, pt.members);
        rationRound(step, null);
      }

      // 4–5. stocks (commercial inventory, then the stockpile), then availability
      const invG = inventory.of(g);
      const stockG = stockpile.of(g);
      const ratioG = ratio.of(g);
      for (const c of consumers) {
        const u = use.get(c)!;
        let have = (inflow.get(c) ?? 0) + (step.received.get(c) ?? 0);
        let gap = u - have;
        if (gap > ROUNDING * u) {
          const inv = Math.min(gap, invG.get(c) ?? 0);
          if (inv > 0) invG.set(c, invG.get(c)! - inv);
          gap -= inv;
          const stock = Math.min(gap, stockG.get(c) ?? 0);
          if (stock > 0) stockG.set(c, stockG.get(c)! - stock);
          have += inv + stock;
        }
        // r capped at 1; within rounding of 1 it is 1 (the docs' "rounding is never a shortfall",
        // which the docs state for step 3 only: this keeps TTR and "fell short" free of noise)
        const r = u > 0 ? have / u : 1;
        ratioG.set(c, r > 1 - ROUNDING ? 1 : r);
      }
    }

    // the home's unmet demand this period
    for (const g of ref.scoredGoods) {
      const r = ratio.get(ref.home, g) ?? 1;
      const demand = demand0.get(ref.home, g)! * factorAt(st, slotFactors.get(ref.home, g), t) * (1 + surgeOf(period, ref.home, g));
      loss.set(g, loss.get(g)! + (1 - r) * demand);
      if (!firstShort.has(g)) {
        if (r < 1) firstShort.set(g, t);
      } else if (!recovered.has(g) && r >= 0.99) recovered.set(g, t);
    }
  }

  let num = 0;
  let den = 0;
  const Ug = new Map<string, number>();
  const ttr = new Map<string, number>();
  for (const g of ref.scoredGoods) {
    const good = graph.getNodeAttributes(goodKey(g));
    const value = good.kind === "good" ? good.value : 0;
    const d0 = demand0.get(ref.home, g)!;
    num += value * loss.get(g)!;
    den += value * d0;
    Ug.set(g, loss.get(g)! / (H * d0));
    const f = firstShort.get(g);
    ttr.set(g, f === undefined ? Number.NaN : (recovered.get(g) ?? H) - f);
  }
  return { U: den > 0 ? num / (H * den) : 0, Ug, ttr };
}

// ---------------------------------------------------------------------------------------------
// The shock draws as docs/model.md "Randomness" states them, for checking the engine's sampler.

/** The periods in which each shock is active in one trial, and its severity, straight from the docs. */
export function docsShockDraws(scenario: Scenario, trial: number, seed: number = scenario.seed): { active: number[]; severity: number }[] {
  const rng = rngFor(seed, trial);
  const shocks = scenario.shocks;
  const u = shocks.map(() => [rng(), rng(), rng(), rng()] as const);
  const H = scenario.horizon;
  const periods = (x: number): number => Math.max(0, Math.floor(x)); // rounded down; negative → 0
  const bypass = new Map(scenario.network.chokepoints.map((k) => [k.id, k.bypassPeriods]));
  const memo = new Map<number, { occurs: boolean; start: number; end: number; severity: number }>();
  const draw = (j: number): { occurs: boolean; start: number; end: number; severity: number } => {
    const done = memo.get(j);
    if (done !== undefined) return done;
    const s = shocks[j]!;
    const [u0, u1, u2, u3] = u[j]!;
    let occurs = u0 < s.probability;
    let start: number;
    if (s.after === undefined) start = periods(inverseCdf(s.start, u1));
    else {
      const parent = draw(shocks.findIndex((x) => x.id === s.after?.shock));
      occurs = occurs && parent.occurs;
      start = parent.start + periods(inverseCdf(s.after.lag, u1));
    }
    let duration = s.duration === undefined ? H : periods(inverseCdf(s.duration, u2));
    const by = s.type === "chokepoint_closure" ? bypass.get(s.chokepoint) : undefined;
    if (by !== undefined) duration = Math.min(duration, by);
    const severity = Math.min(1, Math.max(0, inverseCdf(s.severity, u3)));
    const out = { occurs, start, end: occurs ? Math.min(H, start + duration) : start, severity };
    memo.set(j, out);
    return out;
  };
  return shocks.map((_s, j) => {
    const d = draw(j);
    const active: number[] = [];
    for (let t = 0; t < H; t++) if (d.occurs && d.start <= t && t < d.end) active.push(t);
    return { active, severity: d.severity };
  });
}
