// Use case `leverage`: every coercer's export control of every good it ships against each target
// (or the home alone, with the home's counter-leverage), each cell a run on the pool.
import {
  coercerCost,
  type LeverageReport,
  leverageCell,
  leveragePlans,
  leverageScenario,
  makeLeverageReport,
} from "../analysis/leverage.ts";
import { scoredGoodValues } from "../analysis/stress.ts";
import type { LoadedInput } from "../io/load.ts";
import { withPool } from "../io/pool.ts";
import { homeOf, networkOfInput, scenarioOfInput } from "./input.ts";
import type { RunSpec } from "./spec.ts";
import { progressOf, runTasks, workersForTasks } from "./tasks.ts";

export interface LeverageSpec extends Pick<RunSpec, "workers" | "signal" | "progress"> {
  /** the country whose threats are ranked (default: a scenario's home; none for a network: the whole matrix) */
  home?: string;
  /** with a scenario, ignore its home and compute the whole matrix */
  all?: boolean;
  /** periods each control lasts (default: the whole horizon) */
  duration?: number;
  /** periods (default: the scenario's, or 24 for a network) */
  horizon?: number;
}

const BASELINE = [{ id: "baseline", policies: [], cost: 0 }];

/** One deterministic trial per cell: the controls are fixed and no policy is in force. */
export async function leverage(input: LoadedInput, spec: LeverageSpec = {}): Promise<LeverageReport> {
  const network = networkOfInput(input);
  const wantsHome = spec.home !== undefined || (input.kind === "scenario" && spec.all !== true);
  const home = wantsHome ? homeOf(input, spec.home) : undefined;
  const base = scenarioOfInput(input, home ?? network.countries[0]!.id, spec.horizon);
  const shape = { horizon: base.horizon, duration: Math.min(spec.duration ?? base.horizon, base.horizon) };
  const plans = leveragePlans(network, home);
  const tasks = plans.map((p) => ({ scenario: leverageScenario(base, p, shape), options: BASELINE, seed: base.seed }));
  const progress = progressOf(spec)("leverage", tasks.length);
  let runs;
  try {
    runs = await withPool(workersForTasks(spec.workers, tasks.length, 1), spec.signal, (pool) => runTasks(pool, tasks, 1, (n) => progress.tick(n)));
  } finally {
    progress.stop();
  }
  const cells = plans.map((plan, i) => {
    const { results, scoredGoods } = runs[i]!;
    const values = scoredGoodValues(network, plan.target, scoredGoods, shape.horizon);
    const r = results[0]!;
    const valueLost = values.reduce((s, v, h) => s + v * r.unmetGood[h]!, 0);
    return leverageCell(plan, r.unmet[0]!, valueLost, coercerCost(network, plan, shape));
  });
  return makeLeverageReport(base, home, shape, cells);
}
