// Shell completion scripts, generated from the commander program itself, so every command and
// option (including ones added later) completes without a hand-kept list.
import type { Command } from "commander";

export const completionShells = ["bash", "zsh", "fish"] as const;
export type CompletionShell = (typeof completionShells)[number];

interface CommandInfo {
  name: string;
  description: string;
  options: { flags: string[]; description: string; choices: readonly string[] }[];
}

function commandsOf(program: Command): CommandInfo[] {
  return program.commands
    .filter((c) => c.name() !== "help")
    .map((c) => ({
      name: c.name(),
      description: c.description(),
      options: [...c.options, { long: "--help", short: "-h", description: "show help", argChoices: undefined }].map((o) => ({
        flags: [o.long, o.short].filter((f): f is string => typeof f === "string"),
        description: o.description,
        choices: o.argChoices ?? [],
      })),
    }));
}

/** A single-quoted shell word. */
const quote = (s: string): string => `'${s.replaceAll("'", "'\\''")}'`;

function bash(program: Command): string {
  const cmds = commandsOf(program);
  const optionCases = cmds.map((c) => `    ${c.name}) opts=${quote(c.options.flatMap((o) => o.flags.filter((f) => f.startsWith("--"))).join(" "))} ;;`);
  const choiceCases = cmds.flatMap((c) =>
    c.options.filter((o) => o.choices.length > 0).flatMap((o) => o.flags.map((f) => `    "${c.name} ${f}") COMPREPLY=($(compgen -W ${quote(o.choices.join(" "))} -- "$cur")); return ;;`)),
  );
  return `# chokepoint completion for bash (and zsh through bashcompinit).
# Load it now:        source <(chokepoint completion bash)
# or for every shell: chokepoint completion bash > ~/.local/share/bash-completion/completions/chokepoint
_chokepoint() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} cmd=\${COMP_WORDS[1]} opts
  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=($(compgen -W ${quote([...cmds.map((c) => c.name), "help", "--help", "--version"].join(" "))} -- "$cur"))
    return
  fi
  case "$cmd $prev" in
${choiceCases.join("\n")}
  esac
  if [[ $cur == -* ]]; then
    case $cmd in
${optionCases.join("\n")}
    *) opts="--help" ;;
    esac
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    return
  fi
  COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _chokepoint chokepoint
`;
}

function zsh(program: Command): string {
  return `# chokepoint completion for zsh. Load it: source <(chokepoint completion zsh)
autoload -U +X bashcompinit && bashcompinit
${bash(program).split("\n").filter((l) => !l.startsWith("#")).join("\n")}`;
}

function fish(program: Command): string {
  const cmds = commandsOf(program);
  const esc = (s: string) => quote(s.split("\n")[0] ?? "");
  const lines = [
    "# chokepoint completion for fish. Load it: chokepoint completion fish | source",
    "complete -c chokepoint -f",
    ...cmds.map((c) => `complete -c chokepoint -n __fish_use_subcommand -a ${c.name} -d ${esc(c.description)}`),
    ...cmds.flatMap((c) =>
      c.options.map((o) => {
        const long = o.flags.find((f) => f.startsWith("--"))?.slice(2);
        const short = o.flags.find((f) => /^-[^-]/.test(f))?.slice(1);
        const choices = o.choices.length > 0 ? ` -x -a ${quote(o.choices.join(" "))}` : "";
        return `complete -c chokepoint -n "__fish_seen_subcommand_from ${c.name}"${long ? ` -l ${long}` : ""}${short ? ` -s ${short}` : ""} -d ${esc(o.description)}${choices}`;
      }),
    ),
    `complete -c chokepoint -n "not __fish_use_subcommand" -F`,
  ];
  return `${lines.join("\n")}\n`;
}

/** The completion script of the program for a shell. */
export function completionScript(program: Command, shell: CompletionShell): string {
  return shell === "bash" ? bash(program) : shell === "zsh" ? zsh(program) : fish(program);
}
