// Use case `run`: every option of a scenario scored over its trials (MODEL §5, §8).
import { makeRunReport, type RunReport } from "../analysis/run-report.ts";
import { trajectoryUnits } from "../analysis/trajectory.ts";
import { homeSeries } from "../engine/trace.ts";
import { withPool } from "../io/pool.ts";
import type { Scenario } from "../scenario/schema.ts";
import { scoreOptions } from "../stats/score-options.ts";
import { type RunSpec, resolveSpec } from "./spec.ts";
import { traceOptions } from "./trajectory.ts";
import { runBatch } from "./trials.ts";

/** Runs the scenario's trials and scores every option (or those `spec.options` names). */
export async function runScenario(scenario: Scenario, spec: RunSpec = {}): Promise<RunReport> {
  const s = resolveSpec(scenario, spec);
  const { trials, scoredGoods } = await withPool(
    s.workers,
    s.signal,
    (pool) => runBatch(pool, scenario, s, { first: s.firstTrial, count: s.trials }),
    s.limits,
  );
  const report = makeRunReport(scenario, { trials: s.trials, seed: s.seed }, scoreOptions(trials, scoredGoods));
  if (s.trajectory === 0) return report;
  const options = traceOptions(scenario, s, s.trajectory, homeSeries);
  return { ...report, trajectories: { sampled: s.trajectory, firstTrial: s.firstTrial, units: trajectoryUnits, options } };
}
