// `chokepoint backtest EPISODE...`: each episode's scenario against what was observed.
import type { Command } from "commander";
import { checkTarget, writeOutput } from "../../io/output.ts";
import type { Io } from "../../io/streams.ts";
import { backtestFormats, formatNames } from "../../render/formats.ts";
import { backtestHelp } from "../help.ts";
import { formatHelp, nonNegativeInt, OUT_HELP, oneOf, positiveInt } from "../options.ts";

interface BacktestFlags {
  trials?: number;
  seed?: number;
  format: keyof typeof backtestFormats;
  out?: string;
}

export function register(program: Command, io: Io): void {
  program
    .command("backtest")
    .description("run episodes' scenarios and score the simulated bands against the observed series, month by month")
    .argument("<episodes...>", "episode files (YAML or JSON)")
    .option("-n, --trials <n>", "trials per episode (default: the episode's `trials`, 1000)", positiveInt("--trials"))
    .option("-s, --seed <s>", "random seed (default: the episode's, else its scenario's)", nonNegativeInt("--seed"))
    .option("-f, --format <format>", formatHelp(formatNames(backtestFormats), " (html: a page of the simulated bands with the observations over them)"), oneOf("--format", formatNames(backtestFormats)), "table")
    .option("-o, --out <file>", OUT_HELP)
    .addHelpText("after", backtestHelp)
    .action(async (files: string[], flags: BacktestFlags) => {
      const { loadEpisodes } = await import("../../io/episode.ts");
      const { backtestEpisodes } = await import("../../app/backtest.ts");
      await checkTarget(io, flags.out);
      const loaded = await loadEpisodes(files, { cwd: io.cwd });
      const spec = { ...(flags.trials === undefined ? {} : { trials: flags.trials }), ...(flags.seed === undefined ? {} : { seed: flags.seed }) };
      await writeOutput(io, await backtestFormats[flags.format](backtestEpisodes(loaded, spec)), flags.out);
    });
}
