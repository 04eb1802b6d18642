// The registry of commands: each module exports one `register(program, io, setExit)`.
import type { Command } from "commander";
import type { CliIo } from "../context.ts";

export type RegisterCommand = (program: Command, io: CliIo, setExit: (code: number) => void) => void;

export const commands: RegisterCommand[] = [];
