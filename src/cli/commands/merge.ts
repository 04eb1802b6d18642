// `chokepoint merge OUT…`: combines the outputs of sweep shards (CSV or JSON Lines) into the file
// an unsharded sweep writes: header once, rows sorted by point, each point's rows in option order.
import type { Command } from "commander";
import { checkTarget, writeOutput } from "../../io/output.ts";
import type { Io } from "../../io/streams.ts";
import { mergeHelp } from "../help.ts";
import { addOutOption } from "../options.ts";

export function register(program: Command, io: Io): void {
  const command = program
    .command("merge")
    .description("merge the outputs of sweep shards into one file, sorted by point (identical to an unsharded sweep)")
    .argument("<files...>", "shard outputs of one sweep (all CSV or all JSON Lines)");
  addOutOption(command, "write the merged file here (written whole, atomically) instead of stdout")
    .addHelpText("after", mergeHelp)
    .action(async (files: string[], flags: { out?: string }) => {
      const { readTexts } = await import("../../io/load.ts");
      const { mergeOutputs } = await import("../../io/sweep-text.ts");
      await checkTarget(io, flags.out);
      const merged = mergeOutputs(await readTexts(files, io.cwd));
      for (const warning of merged.warnings) io.stderr.write(`warning: ${warning}\n`);
      await writeOutput(io, merged.text, flags.out);
    });
}
