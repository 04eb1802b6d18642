// `chokepoint run FILE`: Monte Carlo scores of every option of a scenario.
import type { Command } from "commander";
import { runScenario } from "../../app/run.ts";
import { loadScenario } from "../../io/load.ts";
import { writeOutput } from "../../io/output.ts";
import type { Io } from "../../io/streams.ts";
import { formatNames, runFormats } from "../../render/formats.ts";
import { runHelp } from "../help.ts";
import { addTrialOptions, formatHelp, OUT_HELP, oneOf, runSpecOf, type TrialFlags } from "../options.ts";

interface RunFlags extends TrialFlags {
  option?: string[];
  format: keyof typeof runFormats;
  out?: string;
}

export function register(program: Command, io: Io): void {
  const command = program
    .command("run")
    .description("run a scenario's Monte Carlo trials and score every option: autonomy, tail risk, per-good shortfall")
    .argument("<file>", "scenario file (YAML or JSON)");
  addTrialOptions(command)
    .option("-o, --option <id...>", "score only these options (baseline is always scored)")
    .option("-f, --format <format>", formatHelp(formatNames(runFormats), " (html: one self-contained page with charts)"), oneOf("--format", formatNames(runFormats)), "table")
    .option("--out <file>", OUT_HELP)
    .addHelpText("after", runHelp)
    .action(async (file: string, flags: RunFlags) => {
      const scenario = await loadScenario(file, { cwd: io.cwd });
      const spec = { ...runSpecOf(flags, io), ...(flags.option ? { options: flags.option } : {}) };
      const report = await runScenario(scenario, spec, { pictures: flags.format === "html" });
      await writeOutput(io, await runFormats[flags.format](report), flags.out);
    });
}
