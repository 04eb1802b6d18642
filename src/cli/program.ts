// Builds the commander program and is the one place that maps errors to exit codes.
import { Command, CommanderError } from "commander";
import { InputError, InterruptedError, MAX_MESSAGE, TrialError, UsageError, formatIssue, printable } from "../errors.ts";
import { closest } from "../scenario/suggest.ts";
import type { Io } from "../io/streams.ts";
import { commands } from "./commands/index.ts";

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command("chokepoint")
    .description(
      "Simulate supply-chain coercion: how exposed is a country's supply of critical goods to " +
        "export controls and other shocks, and which diversification policy buys the most autonomy per unit cost.",
    )
    .addHelpText(
      "after",
      `
Start here:
  $ chokepoint compare scenarios/gallium-germanium-2023.yaml   rank the policy options
  $ chokepoint run scenarios/hormuz-closure.yaml --format json  scores as JSON
  $ chokepoint inspect fixtures/critical-minerals.yaml --home JP  structural exposure
  $ chokepoint validate scenarios/*.yaml                       check files, every problem at once

Each command has its own --help. Results go to stdout (table, json or csv); progress and
problems go to stderr. Exit codes: 0 ok, 1 internal error, 2 bad input or usage, 130 interrupted;
CHOKEPOINT_DEBUG=1 adds the stack trace of an internal error.`,
    )
    .version("0.1.0")
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      // commander echoes arguments as typed: keep their control characters off the terminal
      writeErr: (s) => io.stderr.write(s.split("\n").map((line) => printable(line)).join("\n")),
    })
    .exitOverride();
  for (const register of commands) register(program, io, setExit);
  return program;
}

/** Runs the CLI with argv (without node and script) and returns the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (c) => {
    exitCode = c;
  });
  try {
    checkCommandName(program, argv);
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (err) {
    return handleError(err, io);
  }
}

/**
 * The first word that is not a flag must be a command: `chokepoint backtest --help` is an
 * unknown command (exit 2, with the nearest name), not the top-level help.
 */
function checkCommandName(program: Command, argv: readonly string[]): void {
  const word = argv.find((a) => !a.startsWith("-"));
  if (word === undefined) return;
  const names = program.commands.flatMap((c) => [c.name(), ...c.aliases()]);
  if (names.includes(word) || word === "help") return;
  const near = closest(word, names);
  const hint = near === undefined ? `the commands are ${names.join(", ")}` : `did you mean '${near}'?`;
  throw new UsageError(`unknown command '${printable(word, 40)}'; ${hint} (chokepoint --help lists them)`);
}

/** The stack of an internal error is shown only when CHOKEPOINT_DEBUG is set. */
function stackOf(err: Error, io: Io): string {
  return io.env.CHOKEPOINT_DEBUG ? `${err.stack ?? ""}\n` : "";
}

export function handleError(err: unknown, io: Io): number {
  if (err instanceof CommanderError) {
    // help and version exit 0; parse errors were already printed by commander
    return err.exitCode === 0 ? 0 : 2;
  }
  if (err instanceof InputError) {
    for (const issue of err.issues) io.stderr.write(`${formatIssue(issue)}\n`);
    const n = err.issues.length;
    io.stderr.write(`${n} problem${n === 1 ? "" : "s"} found.\n`);
    return 2;
  }
  if (err instanceof UsageError) {
    io.stderr.write(`error: ${printable(err.message, 2 * MAX_MESSAGE)}\n`);
    return 2;
  }
  if (err instanceof InterruptedError) {
    io.stderr.write(`${err.message}\n`);
    return 130;
  }
  if (err instanceof TrialError) {
    const { seed, trial, option } = err.place;
    const replay = `seed ${seed}, trial ${trial}${option === undefined ? "" : `, option '${option}'`}`;
    io.stderr.write(`internal error in a trial (${replay}): ${printable(err.reason, MAX_MESSAGE)}\nreplay it with --seed ${seed} --trials ${trial + 1}\n${stackOf(err, io)}`);
    return 1;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  io.stderr.write(`internal error: ${printable(e.message, MAX_MESSAGE)}\n${stackOf(e, io)}`);
  return 1;
}
