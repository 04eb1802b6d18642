// `chokepoint compare FILE`: ranks a scenario's policy options by tail risk (or expected
// shortfall) with paired statistics, the cost–risk frontier and an optional budget search.
import type { Command } from "commander";
import type { Objective } from "../../analysis/compare.ts";
import { checkTarget, writeOutput } from "../../io/output.ts";
import type { Io } from "../../io/streams.ts";
import { compareFormats, compareTables, formatNames } from "../../render/formats.ts";
import { compareHelp } from "../help.ts";
import { addOutOption, addTableOption, checkTable, formatHelp, oneOf, positiveInt, positiveNumber, requireWith, runSpecOf, type TrialFlags, trialCommand } from "../options.ts";
import { addWideOption, tableWidth, type WideFlags } from "../width.ts";

interface CompareFlags extends TrialFlags, WideFlags {
  objective?: Objective;
  budget?: number;
  precision?: number;
  maxTrials?: number;
  format: keyof typeof compareFormats;
  out?: string;
  table?: (typeof compareTables)[number];
}

export function register(program: Command, io: Io): void {
  const command = trialCommand(program, "compare", "rank a scenario's policy options by risk, with paired differences, the cost–risk frontier and budget search", "scenario file (YAML or JSON)");
  command
    .option("--objective <name>", "rank by `risk` (CVaR95) or `expected` shortfall (default: the scenario's)", oneOf("--objective", ["risk", "expected"] as const))
    .option("--budget <b>", "also find the best combination of the scenario's policies costing at most b", positiveNumber("--budget"))
    .option("--precision <p>", "add trials until every option's CI half-width is at most p points", positiveNumber("--precision"))
    .option("--max-trials <n>", "with --precision: the most trials it may reach (default: 1000000)", positiveInt("--max-trials"))
    .option("-f, --format <format>", formatHelp(formatNames(compareFormats), " (html: one self-contained page with charts)"), oneOf("--format", formatNames(compareFormats)), "table");
  addTableOption(command, [...compareTables], "options (default: ranked) or goods; see docs/outputs.md");
  addWideOption(addOutOption(command))
    .addHelpText("after", compareHelp)
    .action(async (file: string, flags: CompareFlags) => {
      const { loadScenario } = await import("../../io/load.ts");
      const { compareOptions } = await import("../../app/compare.ts");
      requireWith(flags, "--max-trials", "--precision", "it caps the trials --precision adds");
      checkTable(flags);
      await checkTarget(io, flags.out);
      const scenario = await loadScenario(file, { cwd: io.cwd });
      const { objective, budget, precision, maxTrials } = flags;
      const report = await compareOptions(scenario, {
        ...runSpecOf(flags, io),
        ...(objective === undefined ? {} : { objective }),
        ...(budget === undefined ? {} : { budget }),
        ...(precision === undefined ? {} : { precision }),
        ...(maxTrials === undefined ? {} : { maxTrials }),
      });
      await writeOutput(io, await compareFormats[flags.format](report, tableWidth(flags, io), flags.table), flags.out);
    });
}
