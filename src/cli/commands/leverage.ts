// `chokepoint leverage FILE [--home XX]`: who can coerce whom, by how much, and at what cost to
// the coercer (docs/leverage.md).
import type { Command } from "commander";
import { checkTarget, writeOutput } from "../../io/output.ts";
import type { Io } from "../../io/streams.ts";
import { formatNames, leverageFormats } from "../../render/formats.ts";
import { leverageHelp } from "../help.ts";
import { formatHelp, OUT_HELP, oneOf, positiveInt, runSpecOf, workersOption } from "../options.ts";

interface LeverageFlags {
  home?: string;
  all?: boolean;
  duration?: number;
  horizon?: number;
  workers?: number | "auto";
  format: keyof typeof leverageFormats;
  out?: string;
}

export function register(program: Command, io: Io): void {
  program
    .command("leverage")
    .description("every coercer's export control of every good against each target: the target's loss and the coercer's cost")
    .argument("<file>", "a network or scenario file, YAML or JSON (the kind is detected)")
    .option("--home <country>", "rank the threats to this country and its counter-leverage (default: a scenario's home)")
    .option("--all", "with a scenario: the whole coercer × target matrix instead of its home's threats")
    .option("--duration <periods>", "periods each control lasts from period 0 (default: the whole horizon)", positiveInt("--duration"))
    .option("--horizon <periods>", "periods simulated (default: the scenario's, 24 for a network)", positiveInt("--horizon"))
    .option("-w, --workers <k|auto>", "worker threads; results are identical for any count (default: auto)", workersOption)
    .option("-f, --format <format>", formatHelp(formatNames(leverageFormats)), oneOf("--format", formatNames(leverageFormats)), "table")
    .option("-o, --out <file>", OUT_HELP)
    .addHelpText("after", leverageHelp)
    .action(async (file: string, flags: LeverageFlags) => {
      const { loadInput } = await import("../../io/load.ts");
      const { leverage } = await import("../../app/leverage.ts");
      await checkTarget(io, flags.out);
      const input = await loadInput(file, { cwd: io.cwd });
      const { home, all, duration, horizon } = flags;
      const report = await leverage(input, {
        ...runSpecOf(flags, io),
        ...(home === undefined ? {} : { home }),
        ...(all === undefined ? {} : { all }),
        ...(duration === undefined ? {} : { duration }),
        ...(horizon === undefined ? {} : { horizon }),
      });
      await writeOutput(io, await leverageFormats[flags.format](report), flags.out);
    });
}
