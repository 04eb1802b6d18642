// Runs a scenario's trials for a command: progress on stderr, Ctrl-C stops cleanly.
import { type OptionSpec } from "../engine/run.ts";
import { runParallel } from "../io/parallel.ts";
import type { Scenario } from "../scenario/schema.ts";
import { type OptionTrials, optionTrialsOf } from "../stats/score-options.ts";
import type { CliIo } from "./context.ts";
import { startProgress } from "./progress.ts";

export interface ExecuteOptions {
  trials: number;
  seed: number;
  workers: number;
  options: OptionSpec[];
  firstTrial?: number;
  label?: string;
}

/** Runs the trials with a progress bar, stopping when `io.signal` aborts; returns per-option trials. */
export async function executeTrials(
  io: CliIo,
  scenario: Scenario,
  opts: ExecuteOptions,
): Promise<{ trials: OptionTrials[]; scoredGoods: string[] }> {
  const progress = startProgress(io, opts.trials, opts.label ?? "trials");
  try {
    const { results, scoredGoods } = await runParallel(scenario, {
      trials: opts.trials,
      seed: opts.seed,
      workers: opts.workers,
      options: opts.options,
      ...(opts.firstTrial === undefined ? {} : { firstTrial: opts.firstTrial }),
      onProgress: (n) => progress.tick(n),
      ...(io.signal ? { signal: io.signal } : {}),
    });
    return { trials: optionTrialsOf(opts.options, results), scoredGoods };
  } finally {
    progress.stop();
  }
}
