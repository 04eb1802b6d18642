// `chokepoint stress FILE --home XX`: which single node, failing, hurts the home most; how long
// it holds out and how long it takes to recover (docs/stress.md).
import type { Command } from "commander";
import { STRESS_KINDS, type StressBy } from "../../analysis/stress-kinds.ts";
import { checkTarget, writeOutput } from "../../io/output.ts";
import type { Io } from "../../io/streams.ts";
import { formatNames, stressFormats } from "../../render/formats.ts";
import { stressHelp } from "../help.ts";
import { formatHelp, listOf, fraction, OUT_HELP, oneOf, positiveInt, runSpecOf, type TrialFlags, trialCommand } from "../options.ts";

interface StressFlags extends TrialFlags {
  home?: string;
  by?: StressBy[];
  duration?: number;
  severity?: number;
  horizon?: number;
  option?: string[];
  format: keyof typeof stressFormats;
  out?: string;
}

export function register(program: Command, io: Io): void {
  const command = trialCommand(program, "stress", "fail every country, producer, chokepoint or good in turn: the home's time to survive, time to recover and loss, worst first", "a network or scenario file, YAML or JSON (the kind is detected)");
  command
    .option("--home <country>", "the scored country (default: the scenario's home; required for a network)")
    .option("--by <kinds>", `node kinds to fail, comma-separated or the flag repeated: ${STRESS_KINDS.join(", ")} (default: all)`, collect(oneOf("--by", STRESS_KINDS)))
    .option("--duration <periods>", "periods each shock lasts from period 0 (default: half the horizon)", positiveInt("--duration"))
    .option("--severity <s>", "share of each cut, 0 to 1 (default: 1)", fraction("--severity"))
    .option("--horizon <periods>", "periods simulated (default: the scenario's, 24 for a network)", positiveInt("--horizon"))
    .option("--option <ids>", "stress only these options of a scenario, comma-separated or the flag repeated (baseline always)", listOf("--option"))
    .option("-f, --format <format>", formatHelp(formatNames(stressFormats)), oneOf("--format", formatNames(stressFormats)), "table")
    .option("-o, --out <file>", OUT_HELP)
    .addHelpText("after", stressHelp)
    .action(async (file: string, flags: StressFlags) => {
      const { loadInput } = await import("../../io/load.ts");
      const { stressTest } = await import("../../app/stress.ts");
      await checkTarget(io, flags.out);
      const input = await loadInput(file, { cwd: io.cwd });
      const { home, by, duration, severity, horizon, option } = flags;
      const report = await stressTest(input, {
        ...runSpecOf(flags, io),
        ...(home === undefined ? {} : { home }),
        ...(by === undefined ? {} : { by }),
        ...(duration === undefined ? {} : { duration }),
        ...(severity === undefined ? {} : { severity }),
        ...(horizon === undefined ? {} : { horizon }),
        ...(option === undefined ? {} : { options: option }),
      });
      await writeOutput(io, await stressFormats[flags.format](report), flags.out);
    });
}

/** A variadic option's parser: each value checked, the values collected. */
function collect<T>(parse: (value: string) => T): (value: string, previous: T[] | undefined) => T[] {
  return (value, previous) => [...(previous ?? []), ...value.split(",").map((v) => parse(v.trim()))];
}
