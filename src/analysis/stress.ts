// The per-node stress test: for every country, producer, chokepoint or good of a network, one
// synthetic shock (the country blockaded, the producer out, the chokepoint closed, every producer
// of the good banning exports), and per node how long the home holds out (time to survive), how
// long it takes to recover, its unmet share and value lost, and the goods that fall short.
// Reference: Simchi-Levi et al., "Identifying risks and mitigating disruptions in the automotive
// supply chain", Interfaces 45(5), 2015 (time to survive / time to recover per node); docs/stress.md.
import { blockade } from "../kinds/shocks/blockade.ts";
import { chokepointClosure } from "../kinds/shocks/chokepoint-closure.ts";
import { exportControl } from "../kinds/shocks/export-control.ts";
import { outage } from "../kinds/shocks/outage.ts";
import type { Network, Scenario, Shock } from "../scenario/schema.ts";

import { STRESS_KINDS, type StressBy } from "./stress-kinds.ts";

export { STRESS_KINDS, type StressBy } from "./stress-kinds.ts";

/** How hard and how long every synthetic shock hits. */
export interface StressShape {
  duration: number;
  severity: number;
}

/** One node and the shock(s) that stand for its failure. */
export interface StressTarget {
  by: StressBy;
  id: string;
  /** what happens to it, in words */
  label: string;
  shocks: Shock[];
}

const base = (id: string, shape: StressShape) => ({ id, start: 0, duration: shape.duration, severity: shape.severity });

/**
 * The synthetic shocks of every node of the chosen kinds (the home itself is not blockaded: a
 * blockade of the home is not a failure elsewhere). Built from the kind objects, never by name.
 */
export function stressTargets(network: Network, home: string, by: readonly StressBy[], shape: StressShape): StressTarget[] {
  const out: StressTarget[] = [];
  const want = new Set(by);
  if (want.has("country")) {
    for (const c of network.countries) {
      if (c.id === home) continue;
      const shock = blockade.schema.parse({ ...base(`stress-${c.id}`, shape), type: blockade.type, country: c.id });
      out.push({ by: "country", id: c.id, label: `a blockade of ${c.name}`, shocks: [shock] });
    }
  }
  if (want.has("producer")) {
    for (const p of network.producers) {
      const shock = outage.schema.parse({ ...base(`stress-${p.id}`, shape), type: outage.type, producers: [p.id] });
      out.push({ by: "producer", id: p.id, label: `an outage of ${p.id} (${p.good} in ${p.country})`, shocks: [shock] });
    }
  }
  if (want.has("chokepoint")) {
    for (const k of network.chokepoints) {
      const shock = chokepointClosure.schema.parse({ ...base(`stress-${k.id}`, shape), type: chokepointClosure.type, chokepoint: k.id });
      out.push({ by: "chokepoint", id: k.id, label: `the closure of ${k.name}`, shocks: [shock] });
    }
  }
  if (want.has("good")) {
    for (const g of network.goods) {
      const makers = [...new Set(network.producers.filter((p) => p.good === g.id).map((p) => p.country))];
      if (makers.length === 0) continue;
      const shocks = makers.map((c) =>
        exportControl.schema.parse({ ...base(`stress-${g.id}-${c}`, shape), type: exportControl.type, imposer: c, goods: [g.id], targets: ["all"] }),
      );
      out.push({ by: "good", id: g.id, label: `an export ban on ${g.name} by every producer`, shocks });
    }
  }
  return out;
}

/** The scenario one node's stress runs: the base scenario (its policies and options kept) with the node's shocks only. */
export function stressScenario(scenario: Scenario, target: StressTarget): Scenario {
  return { ...scenario, shocks: target.shocks };
}

/** Per-trial results of one option under one node's shock (MODEL §4 outputs). */
export interface StressTrials {
  unmet: Float64Array;
  /** [i * nScored + h] */
  unmetGood: Float64Array;
  ttr: Float64Array;
  firstShort: Float64Array;
}

export interface GoodLoss {
  good: string;
  /** mean U_g */
  unmet: number;
  /** mean value of the home's demand of the good left unmet over the horizon */
  valueLost: number;
}

/** What one node's failure does to the home under one option. */
export interface StressOutcome {
  option: string;
  /** mean unmet share U (MODEL §4), 0–1 */
  unmet: number;
  /** mean value of final demand left unmet over the horizon (price × volume) */
  valueLost: number;
  /** periods until the home's first unmet demand, earliest over the trials; null: never short */
  timeToSurvive: number | null;
  /** periods from the first shortfall until every scored good is back at ≥ 99 %, longest over the trials; null: never short */
  timeToRecover: number | null;
  /** goods that fell short, most value lost first */
  shortGoods: GoodLoss[];
}

/**
 * Reduces one option's trials under one node's shock. `goodValue[h]` is the value of the whole
 * horizon's baseline demand of scored good h (price × H × demand₀), so U_g × goodValue is value lost.
 */
export function stressOutcome(option: string, r: StressTrials, scoredGoods: readonly string[], goodValue: readonly number[]): StressOutcome {
  const n = r.unmet.length;
  const nS = scoredGoods.length;
  let unmet = 0;
  const goodUnmet = new Array<number>(nS).fill(0);
  let survive = Number.POSITIVE_INFINITY;
  let recover = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    unmet += r.unmet[i]!;
    let first = Number.POSITIVE_INFINITY;
    let back = Number.NEGATIVE_INFINITY;
    for (let h = 0; h < nS; h++) {
      goodUnmet[h]! += r.unmetGood[i * nS + h]!;
      const f = r.firstShort[i * nS + h]!;
      if (Number.isNaN(f)) continue;
      first = Math.min(first, f);
      back = Math.max(back, f + r.ttr[i * nS + h]!);
    }
    if (first === Number.POSITIVE_INFINITY) continue;
    survive = Math.min(survive, first);
    recover = Math.max(recover, back - first);
  }
  const shortGoods = scoredGoods
    .map((good, h) => ({ good, unmet: goodUnmet[h]! / n, valueLost: (goodUnmet[h]! / n) * goodValue[h]! }))
    .filter((g) => g.unmet > 0)
    .sort((a, b) => b.valueLost - a.valueLost || a.good.localeCompare(b.good));
  return {
    option,
    unmet: unmet / n,
    valueLost: shortGoods.reduce((s, g) => s + g.valueLost, 0),
    timeToSurvive: survive === Number.POSITIVE_INFINITY ? null : survive,
    timeToRecover: recover === Number.NEGATIVE_INFINITY ? null : recover,
    shortGoods,
  };
}

/** The value of the whole horizon's baseline demand of each scored good of the home. */
export function scoredGoodValues(network: Network, home: string, scoredGoods: readonly string[], horizon: number): number[] {
  const price = new Map(network.goods.map((g) => [g.id, g.price]));
  return scoredGoods.map((good) => {
    const demand = network.demand.filter((d) => d.country === home && d.good === good).reduce((s, d) => s + d.volume, 0);
    return (price.get(good) ?? 0) * horizon * demand;
  });
}

export interface StressNode {
  rank: number;
  by: StressBy;
  id: string;
  label: string;
  /** one outcome per option, baseline first */
  options: StressOutcome[];
}

export interface StressReport {
  scenario: string;
  home: string;
  horizon: number;
  period: string;
  currency: string;
  duration: number;
  severity: number;
  trials: number;
  seed: number;
  by: StressBy[];
  options: string[];
  /** worst first by the baseline's unmet share */
  nodes: StressNode[];
}

/**
 * Ranks nodes, worst first: by the baseline's unmet share, then value lost, then the sooner
 * shortfall, then kind (country, producer, chokepoint, good) and id.
 */
export function rankStress(nodes: readonly Omit<StressNode, "rank">[]): StressNode[] {
  const kindOrder = (by: StressBy) => STRESS_KINDS.indexOf(by);
  const tts = (o: StressOutcome) => o.timeToSurvive ?? Number.POSITIVE_INFINITY;
  return [...nodes]
    .sort((a, b) => {
      const [x, y] = [a.options[0]!, b.options[0]!];
      return descending(x.unmet, y.unmet) || descending(x.valueLost, y.valueLost) || tts(x) - tts(y) || kindOrder(a.by) - kindOrder(b.by) || a.id.localeCompare(b.id);
    })
    .map((n, i) => ({ ...n, rank: i + 1 }));
}

/** Larger first, with sums that differ only by rounding counted as equal. */
export function descending(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return Math.abs(a - b) <= 1e-9 * scale ? 0 : b - a;
}
