// Use case `stress`: one synthetic shock per node of a network or scenario, every node run on
// the pool in parallel, each option's outcome per node ranked worst first (docs/stress.md).
import {
  rankStress,
  STRESS_KINDS,
  type StressBy,
  type StressReport,
  scoredGoodValues,
  stressOutcome,
  stressScenario,
  stressTargets,
} from "../analysis/stress.ts";
import { optionsOf } from "../engine/run.ts";
import type { LoadedInput } from "../io/load.ts";
import { withPool } from "../io/pool.ts";
import { homeOf, scenarioOfInput } from "./input.ts";
import type { RunSpec } from "./spec.ts";
import { progressOf, runTasks, workersForTasks } from "./tasks.ts";

export interface StressSpec extends Pick<RunSpec, "trials" | "seed" | "workers" | "options" | "signal" | "progress"> {
  /** the scored country (default: the scenario's home) */
  home?: string;
  /** node kinds (default: all four) */
  by?: readonly StressBy[];
  /** periods each synthetic shock lasts (default: half the horizon) */
  duration?: number;
  /** 0–1 (default 1: a full cut) */
  severity?: number;
  /** periods (default: the scenario's, or 24 for a network) */
  horizon?: number;
}

/** Runs every node's shock for every option: trials 1 by default (the shocks are fixed). */
export async function stressTest(input: LoadedInput, spec: StressSpec = {}): Promise<StressReport> {
  const home = homeOf(input, spec.home);
  const scenario = scenarioOfInput(input, home, spec.horizon);
  const shape = { duration: spec.duration ?? Math.max(1, Math.floor(scenario.horizon / 2)), severity: spec.severity ?? 1 };
  const by = [...(spec.by ?? STRESS_KINDS)];
  const targets = stressTargets(scenario.network, home, by, shape);
  const options = optionsOf(scenario, spec.options);
  const seed = spec.seed ?? scenario.seed;
  const trials = spec.trials ?? 1;
  const tasks = targets.map((t) => ({ scenario: stressScenario(scenario, t), options, seed }));
  const progress = progressOf(spec)("stress", tasks.length * trials);
  const workers = workersForTasks(spec.workers, tasks.length, trials);
  let runs;
  try {
    runs = await withPool(workers, spec.signal, (pool) => runTasks(pool, tasks, trials, (n) => progress.tick(n)));
  } finally {
    progress.stop();
  }
  const nodes = targets.map((t, i) => {
    const { results, scoredGoods } = runs[i]!;
    const values = scoredGoodValues(scenario.network, home, scoredGoods, scenario.horizon);
    return { by: t.by, id: t.id, label: t.label, options: options.map((o, k) => stressOutcome(o.id, results[k]!, scoredGoods, values)) };
  });
  return {
    scenario: scenario.name,
    home,
    horizon: scenario.horizon,
    period: scenario.period,
    currency: scenario.currency,
    ...shape,
    trials,
    seed,
    by,
    options: options.map((o) => o.id),
    nodes: rankStress(nodes),
  };
}
