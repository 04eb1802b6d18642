// The screened budget search against exhaustive full-count enumeration on real trials: the flagship
// (10 policies) and a synthetic scenario with 16 policies. The reference is computed here
// independently: every combination within the budget run on all trials, the lowest objective
// (ties: the cheaper) taken by hand. Small trial counts, and a screen on the first 100 trials,
// harsher than the default (a fifth of the trials, at least 400 for risk).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SIZES, syntheticScenario } from "../../bench/synthetic.ts";
import { combinationsWithin, objectiveValue, searchBudget } from "../../src/analysis/budget.ts";
import type { Objective } from "../../src/analysis/compare.ts";
import { type OptionSpec, prepareRun, runTrials } from "../../src/engine/run.ts";
import { loadScenario } from "../../src/io/load.ts";
import type { Scenario } from "../../src/scenario/schema.ts";

const evaluator = (scenario: Scenario) => async (specs: OptionSpec[], first: number, count: number) => {
  const prepared = prepareRun(scenario, { options: specs });
  return runTrials(prepared, first, count);
};

/** Every combination within `budget` on trials [0, trials). */
function allOnAllTrials(scenario: Scenario, budget: number, trials: number): { spec: OptionSpec; unmet: Float64Array }[] {
  const specs = combinationsWithin(scenario.policies.filter((p) => p.cost <= budget), budget)!;
  const results = runTrials(prepareRun(scenario, { options: specs }), 0, trials);
  return specs.map((spec, i) => ({ spec, unmet: results[i]!.unmet }));
}

function referenceBest(all: { spec: OptionSpec; unmet: Float64Array }[], objective: Objective, singles = false) {
  let best: { id: string; value: number; cost: number } | null = null;
  for (const { spec, unmet } of all) {
    if (singles && spec.policies.length !== 1) continue;
    const value = objectiveValue({ unmet }, objective);
    if (best === null || value < best.value || (value === best.value && spec.cost < best.cost)) best = { id: spec.id, value, cost: spec.cost };
  }
  return best!;
}

async function check(scenario: Scenario, budget: number, trials: number, objectives: Objective[]) {
  const all = allOnAllTrials(scenario, budget, trials);
  const baseline = runTrials(prepareRun(scenario, { options: [{ id: "baseline", policies: [], cost: 0 }] }), 0, trials)[0]!;
  for (const objective of objectives) {
    const r = await searchBudget(scenario.policies, budget, objective, baseline, evaluator(scenario), { prefix: 100, alpha: 0.05 });
    const best = referenceBest(all, objective);
    const single = referenceBest(all, objective, true);
    expect(r.method).toBe("exhaustive");
    expect(r.evaluated).toBe(all.length);
    // the screen did drop combinations, so the test exercises it
    expect(r.screened!.confirmed).toBeLessThan(all.length / 2);
    expect(r.best?.id).toBe(best.id);
    expect(r.best?.value).toBe(best.value);
    expect(r.bestSingle?.id).toBe(single.id);
    expect(r.bestSingle?.value).toBe(single.value);
  }
  return all.length;
}

describe("screened budget search = exhaustive full-count search", () => {
  it("on the flagship at budget 60 (245 combinations, 200 trials)", { timeout: 120_000 }, async () => {
    const scenario = await loadScenario(path.resolve(import.meta.dirname, "../../scenarios/gallium-germanium-2023.yaml"));
    expect(await check(scenario, 60, 200, ["risk"])).toBe(245);
  });

  it("on a synthetic scenario with 16 policies at budget 70 (237 combinations, 300 trials)", { timeout: 120_000 }, async () => {
    const { scenario } = syntheticScenario({ ...SIZES.small, name: "small-16", morePolicies: true });
    expect(scenario.policies).toHaveLength(16);
    // 16 policies (more than 12): exhaustive because at most 4 096 combinations fit the budget
    expect(await check(scenario, 70, 300, ["risk", "expected"])).toBe(237);
  });
});

