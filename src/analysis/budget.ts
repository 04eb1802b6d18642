// Budget search: the best combination of a scenario's policies whose total cost fits a budget,
// every candidate scored on the same trials. Exhaustive over subsets (every subset up to 12
// policies; up to 16 when at most 4 096 combinations fit the budget), a greedy forward selection
// (best objective gain per unit cost) beyond. The exhaustive search screens: every combination is
// scored on a common prefix of the trials, and only those not clearly beaten there (a paired
// Bonferroni subset selection, docs/model.md §Budget search) are run on the rest; every number
// reported comes from all trials.
import { normalQuantile } from "../engine/distributions.ts";
import type { OptionSpec } from "../engine/run.ts";
import { cvar } from "../stats/cvar.ts";
import type { Interval } from "../stats/normal-ci.ts";
import { TAIL } from "../stats/score-options.ts";
import { type Objective, pairedObjectiveDiff, pairedObjectiveEstimate } from "./compare.ts";

/** Up to this many policies every subset is searched, whatever the budget. */
export const EXHAUSTIVE_LIMIT = 12;
/** Up to this many affordable policies the search is exhaustive when at most MAX_COMBINATIONS fit the budget. */
export const ENUMERATE_LIMIT = 16;
/** The most combinations an exhaustive search beyond EXHAUSTIVE_LIMIT policies scores (every subset of 12). */
export const MAX_COMBINATIONS = 4096;
/** The screen's error probability: the chance that it drops the best combination or the best single policy. */
export const SCREEN_ALPHA = 0.05;
/** Candidates evaluated per batch, to bound memory. */
const GROUP = 64;

export interface BudgetPick {
  id: string;
  policies: string[];
  cost: number;
  /** objective value in points (lower is better) */
  value: number;
}

export interface BudgetResult {
  budget: number;
  method: "exhaustive" | "greedy";
  /** combinations scored (under a screen, on its prefix of the trials at least) */
  evaluated: number;
  best: BudgetPick | null;
  bestSingle: BudgetPick | null;
  vsBaseline: { diff: number; ci95: Interval } | null;
  vsBestSingle: { diff: number; ci95: Interval } | null;
}

/** A screen: every combination scored on trials [0, prefix), the contenders on all. */
export interface Screen {
  prefix: number;
  /** P(the screen drops the best combination or the best single policy), asymptotically at most this */
  alpha: number;
}

/** A search's result and, when it screened, how: `confirmed` combinations were run on all trials. */
export interface BudgetSearch extends BudgetResult {
  screened: (Screen & { confirmed: number }) | null;
}

/** Per-trial unmet shares of one candidate (row i = trial i). */
interface Unmet {
  unmet: Float64Array;
}

/** Trials [first, first + count) of `specs`, one result per spec in order. */
export type Evaluate = (specs: OptionSpec[], first: number, count: number) => Promise<readonly Unmet[]>;

/** The objective of one option's trials in points (lower is better). */
export function objectiveValue(t: Unmet, objective: Objective): number {
  if (objective === "risk") return 100 * cvar(t.unmet, TAIL).value;
  let s = 0;
  for (const u of t.unmet) s += u;
  return (100 * s) / t.unmet.length;
}

/** Fewest prefix trials a screen uses: 400 for risk (20 trials in the worst 5 %), 100 for the mean. */
export function minScreenPrefix(objective: Objective): number {
  return objective === "risk" ? 400 : 100;
}

/**
 * The default screen for a run of `trials`: the first fifth of the trials, at least
 * {@link minScreenPrefix}, at {@link SCREEN_ALPHA}; none when that prefix is more than half the trials.
 */
export function defaultScreen(trials: number, objective: Objective): Screen | null {
  const prefix = Math.max(minScreenPrefix(objective), Math.ceil(trials / 5));
  return 2 * prefix <= trials ? { prefix, alpha: SCREEN_ALPHA } : null;
}

/** The one-sided normal quantile of a Bonferroni screen over `comparisons` paired comparisons at level `alpha`. */
export function screenZ(alpha: number, comparisons: number): number {
  return normalQuantile(1 - alpha / Math.max(1, comparisons));
}

/**
 * Indices (ascending) of the candidates a screen keeps: with b the best on these trials (lowest
 * objective, the first on ties), candidate i stays unless its paired difference from b exceeds
 * `z` standard errors: drop i iff v_i − v_b > z·se(v_i − v_b). An undefined standard error keeps it.
 */
export function screenContenders(prefix: readonly Unmet[], objective: Objective, z: number): number[] {
  if (prefix.length === 0) return [];
  const values = prefix.map((t) => objectiveValue(t, objective));
  let b = 0;
  values.forEach((v, i) => {
    if (v < values[b]!) b = i;
  });
  const kept: number[] = [];
  prefix.forEach((t, i) => {
    const d = pairedObjectiveEstimate(t, prefix[b]!, objective);
    if (i === b || !(d.diff > z * d.se)) kept.push(i);
  });
  return kept;
}

function specOf(policies: readonly { id: string; cost: number }[]): OptionSpec {
  return {
    id: policies.map((p) => p.id).join("+"),
    policies: policies.map((p) => p.id),
    cost: policies.reduce((s, p) => s + p.cost, 0),
  };
}

/**
 * Every combination of `policies` costing at most `budget`, singles first then by size (mask order
 * within a size); null once more than `max` fit.
 */
export function combinationsWithin(policies: readonly { id: string; cost: number }[], budget: number, max = Number.POSITIVE_INFINITY): OptionSpec[] | null {
  const specs: OptionSpec[] = [];
  const n = policies.length;
  for (let mask = 1; mask < 1 << n; mask++) {
    const chosen = policies.filter((_, i) => mask & (1 << i));
    const spec = specOf(chosen);
    if (spec.cost <= budget) specs.push(spec);
    if (specs.length > max) return null;
  }
  // singles first so the best single is known whatever the order of evaluation
  return specs.sort((a, b) => a.policies.length - b.policies.length);
}

/** Unmet shares of `specs` on trials [first, first + count), in batches of GROUP. */
async function unmetOf(evaluate: Evaluate, specs: OptionSpec[], first: number, count: number): Promise<Float64Array[]> {
  const out: Float64Array[] = [];
  for (let g = 0; g < specs.length; g += GROUP) {
    for (const t of await evaluate(specs.slice(g, g + GROUP), first, count)) out.push(t.unmet);
  }
  return out;
}

function concat(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

interface Scored {
  pick: BudgetPick;
  unmet: Float64Array;
}

const better = (a: BudgetPick, b: BudgetPick | undefined) =>
  b === undefined || a.value < b.value || (a.value === b.value && a.cost < b.cost);

/** The best of `scored` (ties: the cheaper, then the first). */
function bestOf(scored: readonly Scored[]): Scored | null {
  let best: Scored | null = null;
  for (const s of scored) if (better(s.pick, best?.pick)) best = s;
  return best;
}

function scoredOf(specs: readonly OptionSpec[], unmet: readonly Float64Array[], objective: Objective): Scored[] {
  return specs.map((spec, i) => {
    const u = unmet[i]!;
    return { pick: { id: spec.id, policies: spec.policies, cost: spec.cost, value: objectiveValue({ unmet: u }, objective) }, unmet: u };
  });
}

/**
 * The exhaustive search over `specs` on `trials` trials: with a screen, every spec on the prefix,
 * the contenders for best and best single on the rest; without, every spec on all trials.
 */
async function exhaustive(
  specs: OptionSpec[],
  trials: number,
  objective: Objective,
  evaluate: Evaluate,
  screen: Screen | null,
): Promise<{ scored: Scored[]; screened: BudgetSearch["screened"] }> {
  if (screen === null || screen.prefix >= trials || specs.length < 2) {
    return { scored: scoredOf(specs, await unmetOf(evaluate, specs, 0, trials), objective), screened: null };
  }
  const prefix = await unmetOf(evaluate, specs, 0, screen.prefix);
  const singles = specs.flatMap((s, i) => (s.policies.length === 1 ? [i] : []));
  const z = screenZ(screen.alpha, specs.length - 1 + singles.length - 1);
  const keep = new Set(screenContenders(prefix.map((unmet) => ({ unmet })), objective, z));
  for (const j of screenContenders(singles.map((i) => ({ unmet: prefix[i]! })), objective, z)) keep.add(singles[j]!);
  const kept = [...keep].sort((a, b) => a - b);
  const keptSpecs = kept.map((i) => specs[i]!);
  const rest = await unmetOf(evaluate, keptSpecs, screen.prefix, trials - screen.prefix);
  const full = kept.map((i, r) => concat(prefix[i]!, rest[r]!));
  return { scored: scoredOf(keptSpecs, full, objective), screened: { ...screen, confirmed: kept.length } };
}

/**
 * Searches the best policy combination within `budget`; `baseline` are the baseline trials.
 * `screen` (default {@link defaultScreen}; null for none) applies to the exhaustive search.
 */
export async function searchBudget(
  policies: readonly { id: string; cost: number }[],
  budget: number,
  objective: Objective,
  baseline: Unmet,
  evaluate: Evaluate,
  screen: Screen | null = defaultScreen(baseline.unmet.length, objective),
): Promise<BudgetSearch> {
  const trials = baseline.unmet.length;
  const affordable = policies.filter((p) => p.cost <= budget);
  const specs =
    policies.length <= EXHAUSTIVE_LIMIT
      ? combinationsWithin(affordable, budget)
      : affordable.length <= ENUMERATE_LIMIT
        ? combinationsWithin(affordable, budget, MAX_COMBINATIONS)
        : null;
  let scored: Scored[] = [];
  let screened: BudgetSearch["screened"] = null;
  let evaluated = 0;
  if (specs !== null) {
    ({ scored, screened } = await exhaustive(specs, trials, objective, evaluate, screen));
    evaluated = specs.length;
  } else {
    let chosen: { id: string; cost: number }[] = [];
    let current = objectiveValue(baseline, objective);
    for (;;) {
      const spent = chosen.reduce((s, p) => s + p.cost, 0);
      const candidates = affordable.filter((p) => !chosen.includes(p) && spent + p.cost <= budget);
      if (candidates.length === 0) break;
      const stepSpecs = candidates.map((p) => specOf([...chosen, p]));
      const step = scoredOf(stepSpecs, await unmetOf(evaluate, stepSpecs, 0, trials), objective);
      evaluated += step.length;
      scored.push(...step);
      let next: { p: { id: string; cost: number }; gain: number; value: number } | null = null;
      step.forEach(({ pick }, i) => {
        const p = candidates[i]!;
        const gainPerCost = (current - pick.value) / Math.max(p.cost, 1e-9);
        if (pick.value < current && (next === null || gainPerCost > next.gain)) next = { p, gain: gainPerCost, value: pick.value };
      });
      if (next === null) break;
      const s: { p: { id: string; cost: number }; value: number } = next;
      chosen = [...chosen, s.p];
      current = s.value;
    }
  }
  const b = bestOf(scored);
  const s1 = bestOf(scored.filter((s) => s.pick.policies.length === 1));
  return {
    budget,
    method: specs === null ? "greedy" : "exhaustive",
    evaluated,
    best: b?.pick ?? null,
    bestSingle: s1?.pick ?? null,
    vsBaseline: b ? pairedObjectiveDiff(b, baseline, objective) : null,
    vsBestSingle: b && s1 ? pairedObjectiveDiff(b, s1, objective) : null,
    screened,
  };
}

/** How the search went, in words, for the table and the page. */
export function budgetMethodText(b: BudgetResult): string {
  const method =
    b.method === "exhaustive"
      ? "exhaustive search"
      : `GREEDY search: more than ${ENUMERATE_LIMIT} policies or ${MAX_COMBINATIONS} combinations within the budget, the best combination is not guaranteed`;
  return `${method}, ${b.evaluated} combinations scored on the same trials, the best and the best single on all of them`;
}
