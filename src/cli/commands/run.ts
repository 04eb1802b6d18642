// `chokepoint run FILE`: Monte Carlo scores of every option of a scenario.
import type { Command } from "commander";
import { checkTarget, writeOutput } from "../../io/output.ts";
import type { Io } from "../../io/streams.ts";
import { formatNames, runFormats, runTables } from "../../render/formats.ts";
import { runHelp } from "../help.ts";
import { addOutOption, addTableOption, checkIds, checkTable, formatHelp, listOf, oneOf, positiveInt, requireWith, runSpecOf, type TrialFlags, trialCommand } from "../options.ts";
import { addWideOption, tableWidth, type WideFlags } from "../width.ts";

interface RunFlags extends TrialFlags, WideFlags {
  option?: string[];
  format: keyof typeof runFormats;
  out?: string;
  trajectory?: boolean | number;
  table?: (typeof runTables)[number];
}

export function register(program: Command, io: Io): void {
  const command = trialCommand(program, "run", "run a scenario's Monte Carlo trials and score every option: autonomy, tail risk, per-good shortfall", "scenario file (YAML or JSON)");
  command
    .option("--option <ids>", "score only these options, comma-separated or the flag repeated (baseline is always scored)", listOf("--option"))
    .option("-f, --format <format>", formatHelp(formatNames(runFormats), " (html: one self-contained page with charts)"), oneOf("--format", formatNames(runFormats)), "table")
    .option("--trajectory [trials]", "also report per-period bands of the home's series over the first trials (default 1000); csv = the tidy trajectory table", positiveInt("--trajectory"));
  addTableOption(command, [...runTables], "options (default), goods, or trajectory (with --trajectory; its default then); see docs/outputs.md");
  addWideOption(addOutOption(command))
    .addHelpText("after", runHelp)
    .action(async (file: string, flags: RunFlags) => {
      checkTable(flags);
      if (flags.table === "trajectory") requireWith(flags, "--table", "--trajectory", "the trajectory table holds its bands");
      const { loadScenario } = await import("../../io/load.ts");
      const { optionsOf } = await import("../../engine/run.ts");
      const { runScenario } = await import("../../app/run.ts");
      await checkTarget(io, flags.out);
      const scenario = await loadScenario(file, { cwd: io.cwd });
      checkIds("--option", flags.option, optionsOf(scenario).map((o) => o.id), "option");
      const spec = { ...runSpecOf(flags, io), ...(flags.option ? { options: flags.option } : {}) };
      const report = await runScenario(scenario, { ...spec, ...(flags.trajectory ? { trajectory: flags.trajectory } : {}) }, { pictures: flags.format === "html" });
      await writeOutput(io, await runFormats[flags.format](report, tableWidth(flags, io), flags.table), flags.out);
    });
}
