// `chokepoint merge OUT…`: combines the outputs of sweep shards (CSV or JSON Lines) into the file
// an unsharded sweep writes: header once, rows sorted by point, each point's rows in option order.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { type InputIssue, InputError } from "../../errors.ts";
import { writeOutput } from "../../io/output.ts";
import { mergeOutputs } from "../../sweep/output-text.ts";
import type { CliIo } from "../context.ts";

export function register(program: Command, io: CliIo): void {
  program
    .command("merge")
    .description("merge the outputs of sweep shards into one file, sorted by point (identical to an unsharded sweep)")
    .argument("<files...>", "shard outputs of one sweep (all CSV or all JSON Lines)")
    .option("--out <file>", "write the merged file here (written whole, atomically) instead of stdout")
    .addHelpText(
      "after",
      `
A point found in two inputs is kept once when its rows are identical, and is an error when they
differ. Every row must record the same trials and seed: shards run with other --trials or
another --seed are refused. A torn last line (a killed shard) is dropped with a warning; resume
that shard first.

Examples:
  $ chokepoint merge out-1.csv out-2.csv out-3.csv --out sweep.csv
  $ chokepoint merge shards/*.jsonl > sweep.jsonl
`,
    )
    .action(async (files: string[], flags: { out?: string }) => {
      const inputs: { name: string; text: string }[] = [];
      const issues: InputIssue[] = [];
      for (const name of files) {
        try {
          inputs.push({ name, text: await readFile(path.resolve(io.cwd, name), "utf8") });
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          issues.push({ file: name, path: "", message: `cannot read the file: ${code === "ENOENT" ? "no such file" : (err as Error).message}` });
        }
      }
      if (issues.length > 0) throw new InputError(issues);
      const merged = mergeOutputs(inputs);
      for (const warning of merged.warnings) io.stderr.write(`warning: ${warning}\n`);
      await writeOutput(io, merged.text, flags.out);
    });
}
