// `chokepoint validate FILE...`: checks scenario and network files and prints every problem.
import type { Command } from "commander";
import { InputError, formatIssue } from "../../errors.ts";
import { loadInput } from "../../io/load.ts";
import type { CliIo } from "../context.ts";

export function register(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command("validate")
    .description("check scenario and network files: schema, references and consistency; print every problem")
    .argument("<files...>", "scenario or network files, YAML or JSON (the kind is detected)")
    .addHelpText(
      "after",
      `
A scenario is checked together with the network file it names; problems in either are
reported with the file they are in. Each problem is one line on stderr:

  file:line:col  path  sentence
  scenarios/ga.yaml:14:15  shocks[0].severity  must be between 0 and 1, got 1.4

Each valid file prints "ok FILE" on stdout. Exit code 0 when every file is valid, 2 otherwise.

Examples:
  $ chokepoint validate scenarios/gallium-germanium-2023.yaml
  $ chokepoint validate fixtures/*.yaml scenarios/*.yaml
`,
    )
    .action(async (files: string[]) => {
      // A network shared by several scenarios would repeat its problems once per scenario.
      const problems = new Set<string>();
      let failed = 0;
      for (const file of files) {
        try {
          await loadInput(file, { cwd: io.cwd });
          io.stdout.write(`ok ${file}\n`);
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          failed++;
          for (const issue of err.issues) problems.add(formatIssue(issue));
        }
      }
      for (const line of problems) io.stderr.write(`${line}\n`);
      if (failed > 0) {
        io.stderr.write(`${plural(problems.size, "problem")} in ${failed} of ${plural(files.length, "file")}.\n`);
        setExit(2);
      }
    });
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
