// `chokepoint validate FILE...`: checks scenario and network files and prints every problem.
import type { Command } from "commander";
import { checkTarget, writeOutput } from "../../io/output.ts";
import type { Io } from "../../io/streams.ts";
import { validateHelp } from "../help.ts";
import { addOutOption } from "../options.ts";

export function register(program: Command, io: Io, setExit: (code: number) => void): void {
  const command = program
    .command("validate")
    .description("check scenario, network and episode files: schema, references and consistency; print every problem")
    .argument("<files...>", "scenario, network or episode files, YAML or JSON (the kind is detected)");
  addOutOption(command, "write the list of valid files (ok FILE lines) here instead of stdout; problems stay on stderr")
    .addHelpText("after", validateHelp)
    .action(async (files: string[], flags: { out?: string }) => {
      const { validateFiles } = await import("../../app/validate.ts");
      await checkTarget(io, flags.out);
      const result = await validateFiles(files, io.cwd);
      await writeOutput(io, result.valid.map((file) => `ok ${file}\n`).join(""), flags.out);
      for (const line of result.problems) io.stderr.write(`${line}\n`);
      if (result.failed > 0) {
        io.stderr.write(`${plural(result.problems.length, "problem")} in ${result.failed} of ${plural(files.length, "file")}.\n`);
        setExit(2);
      }
    });
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
