// The result of running a scenario: the MODEL §8 JSON shape (scenario settings and every option's
// scores), which the renderers turn into a table, CSV or JSON.
import type { Scenario } from "../scenario/schema.ts";
import type { AvailabilityPoint, UnmetDistribution } from "./run-pictures.ts";
import type { OptionScore } from "../stats/score-options.ts";
import type { TrajectoryReport } from "./trajectory.ts";

export interface RunReport {
  scenario: string;
  home: string;
  trials: number;
  seed: number;
  horizon: number;
  period: string;
  objective: "risk" | "expected";
  currency: string;
  options: OptionScore[];
  /** with `run --trajectory`: per-period bands of the home's series */
  trajectories?: TrajectoryReport;
  /** what the page draws (only when asked for: `runScenario(…, { pictures: true })`) */
  pictures?: RunPictures;
}

export interface RunPictures {
  /** per option, the distribution of the unmet share over every trial */
  distributions: UnmetDistribution[];
  /** per option, good and period, availability over the first `tracedTrials` trials */
  availability: AvailabilityPoint[];
  tracedTrials: number;
}

export function makeRunReport(
  scenario: Scenario,
  run: { trials: number; seed: number },
  options: OptionScore[],
): RunReport {
  return {
    scenario: scenario.name,
    home: scenario.home,
    trials: run.trials,
    seed: run.seed,
    horizon: scenario.horizon,
    period: scenario.period,
    objective: scenario.objective,
    currency: scenario.currency,
    options,
  };
}
