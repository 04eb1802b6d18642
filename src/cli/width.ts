// How wide a table may be: the terminal's width (COLUMNS, else the terminal stdout writes to),
// unlimited with --wide or when stdout is a file or pipe without COLUMNS. Any command that prints
// a table reuses --wide and this width.
import type { Command } from "commander";
import type { Io } from "../io/streams.ts";
import type { Layout } from "../render/table.ts";

export interface WideFlags {
  wide?: boolean;
}

/** `--wide`: the full table whatever the terminal's width. */
export function addWideOption(command: Command): Command {
  return command.option("--wide", "table: every column on one line, however wide (default: fit the terminal, COLUMNS or its width)");
}

/** The narrowest a table is laid out for: below this the layout would not be readable anyway. */
const MIN_WIDTH = 40;

/** The layout a table renderer gets. */
export function tableWidth(flags: WideFlags, io: Pick<Io, "env" | "stdout">): Layout {
  if (flags.wide === true) return { width: Number.POSITIVE_INFINITY };
  const columns = Number(io.env.COLUMNS);
  if (Number.isInteger(columns) && columns > 0) return { width: Math.max(MIN_WIDTH, columns) };
  const tty = io.stdout as { isTTY?: boolean; columns?: number };
  if (tty.isTTY === true && typeof tty.columns === "number" && tty.columns > 0) return { width: Math.max(MIN_WIDTH, tty.columns) };
  return { width: Number.POSITIVE_INFINITY };
}
