// Use case `run`: every option of a scenario scored over its trials (MODEL §5, §8).
import { availabilityBands, unmetDistribution } from "../analysis/run-pictures.ts";
import { makeRunReport, type RunPictures, type RunReport } from "../analysis/run-report.ts";
import { trajectoryUnits } from "../analysis/trajectory.ts";
import { prepareRun, traceAvailability } from "../engine/run.ts";
import { homeSeries } from "../engine/trace.ts";
import { withPool } from "../io/pool.ts";
import type { Scenario } from "../scenario/schema.ts";
import { type ResolvedSpec, type RunSpec, resolveSpec } from "./spec.ts";
import { traceOptions } from "./trajectory.ts";
import { scoreBatch } from "./trials.ts";

/** Trials whose every period is recorded for the availability bands of the page. */
export const TRACED_TRIALS = 1000;

/**
 * Runs the scenario's trials and scores every option (or those `spec.options` names); with
 * `pictures`, also what the page draws (distributions, availability over time).
 */
export async function runScenario(scenario: Scenario, spec: RunSpec = {}, extra: { pictures?: boolean } = {}): Promise<RunReport> {
  const s = resolveSpec(scenario, spec);
  const pictures = extra.pictures === true;
  const { scores, scoredGoods, unmet } = await withPool(
    s.workers,
    s.signal,
    (pool) => scoreBatch(pool, scenario, s, { first: s.firstTrial, count: s.trials, keepUnmet: pictures }),
    s.limits,
  );
  const report = makeRunReport(scenario, { trials: s.trials, seed: s.seed }, scores);
  const pictured = pictures && unmet !== undefined ? { ...report, pictures: runPictures(scenario, s, unmet, scoredGoods) } : report;
  if (s.trajectory === 0) return pictured;
  const options = traceOptions(scenario, s, s.trajectory, homeSeries);
  return { ...pictured, trajectories: { sampled: s.trajectory, firstTrial: s.firstTrial, units: trajectoryUnits, options } };
}

/** The distributions of every trial, and availability traced on the first trials again (the same trials: trial i is always the same). */
function runPictures(scenario: Scenario, s: ResolvedSpec, unmet: Float64Array[], scoredGoods: string[]): RunPictures {
  const traced = Math.min(s.trials, TRACED_TRIALS);
  const traces = traceAvailability(prepareRun(scenario, { options: s.options, seed: s.seed }), s.firstTrial, traced);
  const top = largest(unmet);
  return {
    // one set of bins for every option, so that their histograms line up
    distributions: s.options.map((o, i) => unmetDistribution(o.id, unmet[i]!, 40, top)),
    availability: s.options.flatMap((o, i) => availabilityBands(o.id, traces[i]!, scoredGoods, scenario.horizon)),
    tracedTrials: traced,
  };
}

/** The largest unmet share of any trial of any option (a loop: a spread of a million values would overflow the stack). */
function largest(unmet: readonly Float64Array[]): number {
  let max = 0;
  for (const u of unmet) for (let i = 0; i < u.length; i++) if (u[i]! > max) max = u[i]!;
  return max;
}
