// `chokepoint validate FILE...`: checks scenario and network files and prints every problem.
import type { Command } from "commander";
import { validateFiles } from "../../app/inspect.ts";
import type { Io } from "../../io/streams.ts";
import { validateHelp } from "../help.ts";

export function register(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("validate")
    .description("check scenario, network and episode files: schema, references and consistency; print every problem")
    .argument("<files...>", "scenario, network or episode files, YAML or JSON (the kind is detected)")
    .addHelpText("after", validateHelp)
    .action(async (files: string[]) => {
      const result = await validateFiles(files, io.cwd);
      for (const file of result.valid) io.stdout.write(`ok ${file}\n`);
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
