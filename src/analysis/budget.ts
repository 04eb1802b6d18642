// Budget search: the best combination of a scenario's policies whose total cost fits a budget,
// every candidate scored on the same trials. Exhaustive over subsets up to 12 policies, a greedy
// forward selection (best objective gain per unit cost) beyond.
import type { OptionSpec } from "../engine/run.ts";
import type { Interval } from "../stats/normal-ci.ts";
import { cvar } from "../stats/cvar.ts";
import type { OptionTrials } from "../stats/score-options.ts";
import { TAIL } from "../stats/score-options.ts";
import { type Objective, pairedObjectiveDiff } from "./compare.ts";

export const EXHAUSTIVE_LIMIT = 12;
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
  evaluated: number;
  best: BudgetPick | null;
  bestSingle: BudgetPick | null;
  vsBaseline: { diff: number; ci95: Interval } | null;
  vsBestSingle: { diff: number; ci95: Interval } | null;
}

type Evaluate = (specs: OptionSpec[]) => Promise<OptionTrials[]>;

/** The objective of one option's trials in points (lower is better). */
export function objectiveValue(t: OptionTrials, objective: Objective): number {
  if (objective === "risk") return 100 * cvar(t.unmet, TAIL).value;
  let s = 0;
  for (const u of t.unmet) s += u;
  return (100 * s) / t.unmet.length;
}

function specOf(policies: readonly { id: string; cost: number }[]): OptionSpec {
  return {
    id: policies.map((p) => p.id).join("+"),
    policies: policies.map((p) => p.id),
    cost: policies.reduce((s, p) => s + p.cost, 0),
  };
}

/** Searches the best policy combination within `budget`; `baseline` are the baseline trials. */
export async function searchBudget(
  policies: readonly { id: string; cost: number }[],
  budget: number,
  objective: Objective,
  baseline: OptionTrials,
  evaluate: Evaluate,
): Promise<BudgetResult> {
  let best: { pick: BudgetPick; trials: OptionTrials } | null = null;
  let bestSingle: { pick: BudgetPick; trials: OptionTrials } | null = null;
  let evaluated = 0;
  const better = (a: BudgetPick, b: BudgetPick | undefined) =>
    b === undefined || a.value < b.value || (a.value === b.value && a.cost < b.cost);

  const consider = async (specs: OptionSpec[]) => {
    const scored: { pick: BudgetPick; trials: OptionTrials }[] = [];
    for (let g = 0; g < specs.length; g += GROUP) {
      const group = specs.slice(g, g + GROUP);
      const trials = await evaluate(group);
      evaluated += group.length;
      group.forEach((spec, i) => {
        const t = trials[i]!;
        const pick = { id: spec.id, policies: spec.policies, cost: spec.cost, value: objectiveValue(t, objective) };
        scored.push({ pick, trials: t });
        if (better(pick, best?.pick)) best = { pick, trials: t };
        if (spec.policies.length === 1 && better(pick, bestSingle?.pick)) bestSingle = { pick, trials: t };
      });
    }
    return scored;
  };

  const affordable = policies.filter((p) => p.cost <= budget);
  const method = policies.length <= EXHAUSTIVE_LIMIT ? "exhaustive" : "greedy";
  if (method === "exhaustive") {
    const specs: OptionSpec[] = [];
    const n = affordable.length;
    for (let mask = 1; mask < 1 << n; mask++) {
      const chosen = affordable.filter((_, i) => mask & (1 << i));
      const spec = specOf(chosen);
      if (spec.cost <= budget) specs.push(spec);
    }
    // singles first so the best single is known whatever the order of evaluation
    specs.sort((a, b) => a.policies.length - b.policies.length);
    await consider(specs);
  } else {
    let chosen: { id: string; cost: number }[] = [];
    let current = objectiveValue(baseline, objective);
    for (;;) {
      const spent = chosen.reduce((s, p) => s + p.cost, 0);
      const candidates = affordable.filter((p) => !chosen.includes(p) && spent + p.cost <= budget);
      if (candidates.length === 0) break;
      const scored = await consider(candidates.map((p) => specOf([...chosen, p])));
      let step: { p: { id: string; cost: number }; gain: number; value: number } | null = null;
      scored.forEach(({ pick }, i) => {
        const p = candidates[i]!;
        const gainPerCost = (current - pick.value) / Math.max(p.cost, 1e-9);
        if (pick.value < current && (step === null || gainPerCost > step.gain)) {
          step = { p, gain: gainPerCost, value: pick.value };
        }
      });
      if (step === null) break;
      const s: { p: { id: string; cost: number }; value: number } = step;
      chosen = [...chosen, s.p];
      current = s.value;
    }
  }
  const b = best as { pick: BudgetPick; trials: OptionTrials } | null;
  const s1 = bestSingle as { pick: BudgetPick; trials: OptionTrials } | null;
  return {
    budget,
    method,
    evaluated,
    best: b?.pick ?? null,
    bestSingle: s1?.pick ?? null,
    vsBaseline: b ? pairedObjectiveDiff(b.trials, baseline, objective) : null,
    vsBestSingle: b && s1 ? pairedObjectiveDiff(b.trials, s1.trials, objective) : null,
  };
}
