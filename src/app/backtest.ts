// Use case `backtest`: each episode's scenario traced over its trials (the episode's option), the
// simulated series turned into indexes (100 = before any shock) and scored against the observed.
import { type BacktestReport, makeBacktestReport, scoreEpisode } from "../analysis/backtest.ts";
import type { SeriesSpec } from "../engine/trace.ts";
import type { LoadedEpisode } from "../io/episode.ts";
import { resolveSpec } from "./spec.ts";
import { traceOptions } from "./trajectory.ts";

/** Trials and seed for every episode (default: each episode's own, then its scenario's seed). */
export interface BacktestSpec {
  trials?: number;
  seed?: number;
}

/** Runs and scores every episode, in the order given. */
export function backtestEpisodes(loaded: readonly LoadedEpisode[], spec: BacktestSpec = {}): BacktestReport {
  const episodes = loaded.map(({ file, episode, scenario }) => {
    const trials = spec.trials ?? episode.trials;
    const s = resolveSpec(scenario, { trials, seed: spec.seed ?? episode.seed ?? scenario.seed, options: [episode.option] });
    const option = s.options.filter((o) => o.id === episode.option);
    const series: SeriesSpec[] = episode.series.map(({ measure, good, country, from }) => ({ measure, good, country, from }));
    // index = value × 100 / its value before any shock
    const [traced] = traceOptions(scenario, { ...s, options: option }, trials, () => series, (base) => Float64Array.from(base, (b) => 100 / b));
    return scoreEpisode({ file, episode, scenarioName: scenario.name }, { trials, seed: s.seed }, traced!.series.map((x) => x.bands));
  });
  return makeBacktestReport(episodes);
}
