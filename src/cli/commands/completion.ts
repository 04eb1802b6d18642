// `chokepoint completion bash|zsh|fish`: prints a shell completion script for every command and option.
import { type Command, Argument } from "commander";
import type { Io } from "../../io/streams.ts";
import { type CompletionShell, completionScript, completionShells } from "../completion.ts";
import { completionHelp } from "../help.ts";

export function register(program: Command, io: Io): void {
  program
    .command("completion")
    .description("print a shell completion script (bash, zsh or fish) for every command and option")
    .addArgument(new Argument("<shell>", "bash, zsh or fish").choices(completionShells))
    .addHelpText("after", completionHelp)
    .action((shell: CompletionShell) => {
      io.stdout.write(completionScript(program, shell));
    });
}
