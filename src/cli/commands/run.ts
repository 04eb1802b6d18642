// `chokepoint run FILE`: Monte Carlo scores of every option of a scenario.
import type { Command } from "commander";
import { optionsOf } from "../../engine/run.ts";
import { loadScenario } from "../../io/load.ts";
import { writeOutput } from "../../io/output.ts";
import { makeRunReport, renderJson, renderRunCsv, renderRunTable } from "../../report/run-report.ts";
import { scoreOptions } from "../../stats/score-options.ts";
import type { CliIo } from "../context.ts";
import { executeTrials } from "../execute.ts";
import { addTrialOptions, FORMATS, type Format, oneOf, workersFor } from "../options.ts";

interface RunFlags {
  trials?: number;
  seed?: number;
  workers?: number | "auto";
  option?: string[];
  format: Format;
  out?: string;
}

export function register(program: Command, io: CliIo): void {
  const command = program
    .command("run")
    .description("run a scenario's Monte Carlo trials and score every option: autonomy, tail risk, per-good shortfall")
    .argument("<file>", "scenario file (YAML or JSON)");
  addTrialOptions(command)
    .option("-o, --option <id...>", "score only these options (baseline is always scored)")
    .option("-f, --format <format>", "table, json or csv", oneOf("--format", FORMATS), "table")
    .option("--out <file>", "write the result to a file (written whole, atomically) instead of stdout")
    .addHelpText(
      "after",
      `
Scores (lower risk and higher autonomy are better):
  autonomy  100 × (1 − mean unmet share of the home's demand, value-weighted)
  risk      100 × CVaR95: the mean unmet share of the worst 5% of trials
Every option sees the same shock draws in each trial (common random numbers), so the
differences from baseline are paired and their confidence intervals are tight.

Examples:
  $ chokepoint run scenarios/gallium-germanium-2023.yaml
  $ chokepoint run scenarios/hormuz-closure.yaml --trials 50000 --workers 2 --format json > out.json
  $ chokepoint run scenarios/graphite-2023.yaml --option stockpile --format csv
`,
    )
    .action(async (file: string, flags: RunFlags) => {
      const scenario = await loadScenario(file, { cwd: io.cwd });
      const trials = flags.trials ?? scenario.trials;
      const seed = flags.seed ?? scenario.seed;
      const options = optionsOf(scenario, flags.option);
      const { trials: perOption, scoredGoods } = await executeTrials(io, scenario, {
        trials,
        seed,
        workers: workersFor(flags.workers, trials),
        options,
      });
      const report = makeRunReport(scenario, { trials, seed }, scoreOptions(perOption, scoredGoods));
      const text =
        flags.format === "json" ? renderJson(report) : flags.format === "csv" ? renderRunCsv(report) : renderRunTable(report);
      await writeOutput(io, text, flags.out);
    });
}
