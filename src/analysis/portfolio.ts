// One budget across several threats: the set of candidate policies that minimises the weighted
// national score (Σ weight × the threat's risk or expected shortfall), the budget–score frontier,
// the marginal value of budget, and the paired differences from doing nothing combined over
// threats. Exhaustive over every subset up to EXHAUSTIVE_LIMIT candidates; beyond, a beam search
// (sets grown one candidate at a time within the budget; at each size the BEAM best by score and
// the BEAM best by score removed per unit cost are kept) followed
// by local moves (up to two candidates dropped and up to two added at once) until none improves;
// a greedy path (by score removed per unit cost, without the budget) adds the frontier's sets. Each set is scored by an evaluator (the app simulates it on every
// threat's common random numbers); a set is never scored twice.
import { type Interval, normalInterval, Z95 } from "../stats/normal-ci.ts";
import { efficientFrontier } from "./compare.ts";

export const PORTFOLIO_EXHAUSTIVE_LIMIT = 12;
/** Sets handed to the evaluator at once, to bound the memory of a batch of trials. */
const GROUP = 64;
/** Sets kept at each size by the beam search. */
export const BEAM = 8;

export type SearchMethod = "exhaustive" | "beam-swap";

/** A set of candidates (indices, ascending) with its total cost and national score. */
export interface ScoredSet {
  members: number[];
  cost: number;
  value: number;
}

export interface PortfolioSearch {
  method: SearchMethod;
  /** Sets scored (the empty set included). */
  evaluated: number;
  baseline: ScoredSet;
  /** The lowest score within the budget (ties: the cheaper); null without a budget. */
  best: ScoredSet | null;
  /** The best set at each cost level among the sets scored: no other costs no more and scores no worse. */
  frontier: ScoredSet[];
  /** What one more unit of budget buys: the step to the next frontier set; null without a budget or beyond the last. */
  marginal: { perUnit: number; nextCost: number; nextValue: number; next: number[] } | null;
}

/** National scores of candidate sets, in order. */
export type EvaluateSets = (sets: readonly number[][]) => Promise<number[]>;

const keyOf = (members: readonly number[]): string => members.join(",");

/** Scores sets once each, in groups, and remembers them. */
class Scorer {
  readonly seen = new Map<string, ScoredSet>();
  constructor(
    private readonly costs: readonly number[],
    private readonly evaluate: EvaluateSets,
  ) {}

  async score(sets: readonly number[][]): Promise<ScoredSet[]> {
    const fresh = [...new Map(sets.map((s) => [keyOf(s), s])).values()].filter((s) => !this.seen.has(keyOf(s)));
    for (let g = 0; g < fresh.length; g += GROUP) {
      const group = fresh.slice(g, g + GROUP);
      const values = await this.evaluate(group);
      group.forEach((members, i) => {
        const cost = members.reduce((s, m) => s + this.costs[m]!, 0);
        this.seen.set(keyOf(members), { members, cost, value: values[i]! });
      });
    }
    return sets.map((s) => this.seen.get(keyOf(s))!);
  }
}

const better = (a: ScoredSet, b: ScoredSet | undefined): boolean => b === undefined || a.value < b.value || (a.value === b.value && a.cost < b.cost);
const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);

/** Searches the candidates (their costs) for the best set within `budget` and the frontier. */
export async function searchPortfolio(
  costs: readonly number[],
  budget: number | undefined,
  evaluate: EvaluateSets,
  method: SearchMethod = costs.length <= PORTFOLIO_EXHAUSTIVE_LIMIT ? "exhaustive" : "beam-swap",
): Promise<PortfolioSearch> {
  const scorer = new Scorer(costs, evaluate);
  const n = costs.length;
  const [baseline] = await scorer.score([[]]);
  if (method === "exhaustive") {
    const all: number[][] = [];
    for (let mask = 0; mask < 2 ** n; mask++) all.push([...Array(n).keys()].filter((i) => Math.floor(mask / 2 ** i) % 2 === 1));
    await scorer.score(all);
  } else {
    // the greedy path without a budget traces the frontier; with one, greedy within it, then swaps
    await greedy(scorer, costs, Number.POSITIVE_INFINITY, baseline!);
    if (budget !== undefined) await swaps(scorer, costs, budget, await beam(scorer, costs, budget, baseline!));
  }
  const scored = [...scorer.seen.values()];
  let best: ScoredSet | undefined;
  if (budget !== undefined) for (const s of scored) if (s.cost <= budget && better(s, best)) best = s;
  const ids = efficientFrontier(scored.map((s) => ({ id: keyOf(s.members), cost: s.cost, value: s.value })));
  const frontier = ids.map((k) => scorer.seen.get(k)!);
  return { method, evaluated: scored.length, baseline: baseline!, best: best ?? null, frontier, marginal: best === undefined ? null : marginalOf(frontier, budget!, best) };
}

/** Adds, one at a time, the affordable candidate that removes the most score per unit cost, while one does. */
async function greedy(scorer: Scorer, costs: readonly number[], budget: number, start: ScoredSet): Promise<ScoredSet> {
  let current = start;
  for (;;) {
    const options = costs.map((_, i) => i).filter((i) => !current.members.includes(i) && current.cost + costs[i]! <= budget);
    if (options.length === 0) return current;
    const next = await scorer.score(options.map((i) => sorted([...current.members, i])));
    let step: ScoredSet | undefined;
    let gain = 0;
    next.forEach((s) => {
      const g = (current.value - s.value) / Math.max(s.cost - current.cost, 1e-9);
      if (s.value < current.value && (step === undefined || g > gain)) [step, gain] = [s, g];
    });
    if (step === undefined) return current;
    current = step;
  }
}

/** Sets grown one candidate at a time within the budget, keeping at each size the BEAM best by score and the BEAM best by score removed per unit cost; the best seen. */
async function beam(scorer: Scorer, costs: readonly number[], budget: number, start: ScoredSet): Promise<ScoredSet> {
  let level = [start];
  let best = start;
  while (level.length > 0) {
    const grown = level.flatMap((s) => costs.flatMap((c, i) => (s.members.includes(i) || s.cost + c > budget ? [] : [sorted([...s.members, i])])));
    const scored = await scorer.score(grown);
    const unique = [...new Map(scored.map((s) => [keyOf(s.members), s])).values()];
    const byValue = unique.toSorted((a, b) => a.value - b.value || a.cost - b.cost).slice(0, BEAM);
    const ratio = (x: ScoredSet): number => (start.value - x.value) / Math.max(x.cost, 1e-9);
    const byRatio = unique.toSorted((a, b) => ratio(b) - ratio(a) || a.cost - b.cost).slice(0, BEAM);
    level = [...new Set([...byValue, ...byRatio])];
    for (const s of level) if (better(s, best)) best = s;
  }
  return best;
}

/**
 * Moves to the best affordable neighbour while it scores better: up to two candidates dropped and
 * up to two added at once (budgets often fit two cheap candidates where one dear one was).
 */
async function swaps(scorer: Scorer, costs: readonly number[], budget: number, start: ScoredSet): Promise<ScoredSet> {
  let current = start;
  for (;;) {
    let move: ScoredSet | undefined;
    for (const s of await scorer.score(neighbours(current.members, costs, budget))) if (better(s, move)) move = s;
    if (move === undefined || !better(move, current)) return current;
    current = move;
  }
}

/** Every affordable set that differs from `inside` by at most two removals and at most two additions. */
function neighbours(inside: readonly number[], costs: readonly number[], budget: number): number[][] {
  const outside = costs.map((_, i) => i).filter((i) => !inside.includes(i));
  const pairs = (xs: readonly number[]): number[][] => xs.flatMap((a, i) => xs.slice(i + 1).map((b) => [a, b]));
  const drops = [[], ...inside.map((m) => [m]), ...pairs(inside)];
  const adds = [[], ...outside.map((o) => [o]), ...pairs(outside)];
  const out: number[][] = [];
  for (const d of drops) {
    for (const a of adds) {
      if (d.length === 0 && a.length === 0) continue;
      const set = sorted([...inside.filter((x) => !d.includes(x)), ...a]);
      if (set.reduce((t, i) => t + costs[i]!, 0) <= budget) out.push(set);
    }
  }
  return out;
}

/** Score removed per unit of extra budget on the way to the next frontier set beyond `budget`. */
function marginalOf(frontier: readonly ScoredSet[], budget: number, best: ScoredSet): PortfolioSearch["marginal"] {
  const next = frontier.find((s) => s.cost > budget && s.value < best.value);
  if (next === undefined) return null;
  return { perUnit: (best.value - next.value) / (next.cost - budget), nextCost: next.cost, nextValue: next.value, next: next.members };
}

/** A paired difference (option − nothing) with its 95% interval. */
export interface Diff {
  diff: number;
  ci95: Interval;
}

/**
 * The weighted sum of the threats' paired differences; threats are simulated independently, so
 * se = √Σ (weight × se)², each se read back from its normal 95% interval.
 */
export function nationalDiff(parts: readonly { weight: number; diff: Diff }[]): Diff {
  let diff = 0;
  let variance = 0;
  for (const { weight, diff: d } of parts) {
    diff += weight * d.diff;
    const se = (d.ci95[1] - d.ci95[0]) / (2 * Z95);
    variance += (weight * se) ** 2;
  }
  return { diff, ci95: normalInterval(diff, Math.sqrt(variance)) };
}

/** Score removed per unit cost with its interval (the difference's interval ÷ cost); null when free. */
export function perCost(d: Diff, cost: number): Diff | null {
  if (!(cost > 0)) return null;
  return { diff: -d.diff / cost, ci95: [-d.ci95[1] / cost, -d.ci95[0] / cost] };
}
