// Traces a scenario's options over a fixed sample of trials (the run's first ones), one option at
// a time in the calling thread, and turns the traced values into per-period bands. Memory is one
// option's sample (sample × series × horizon float32), whatever the run's trial count.
import type { OptionTrajectory, TrajectorySeries } from "../analysis/trajectory.ts";
import { prepareRun } from "../engine/run.ts";
import type { Program } from "../engine/program.ts";
import { type SeriesSpec, traceTrials } from "../engine/trace.ts";
import { buildModel } from "../model/build.ts";
import type { Scenario } from "../scenario/schema.ts";
import { bandsOf } from "../stats/bands.ts";
import type { ResolvedSpec } from "./spec.ts";

/**
 * Bands of each option's series over trials [firstTrial, firstTrial + count). `seriesOf` names the
 * series from the option's program; `scaleOf` turns each value into the reported unit (1 = as is).
 */
export function traceOptions(
  scenario: Scenario,
  spec: Pick<ResolvedSpec, "seed" | "options" | "firstTrial">,
  count: number,
  seriesOf: (net: Program) => SeriesSpec[],
  scaleOf: (base: Float64Array) => ArrayLike<number> = () => [],
): OptionTrajectory[] {
  const graph = buildModel(scenario.network);
  return spec.options.map((option) => {
    const prepared = prepareRun(scenario, { options: [option], seed: spec.seed, graph });
    const specs = seriesOf(prepared.networks[0]!);
    const traced = traceTrials(prepared, specs, spec.firstTrial, count);
    const bands = bandsOf(traced.values, traced, scaleOf(traced.base));
    const series: TrajectorySeries[] = specs.map((s, k) => ({ ...s, bands: bands[k]! }));
    return { option: option.id, series };
  });
}
