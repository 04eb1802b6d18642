// Where sweep rows go as points finish: stdout, or a file appended with one write call per row
// (so a kill never leaves half a row mid-file) and fsync'd at the end; reading a file back for
// --resume, and putting it in canonical order with an atomic rewrite when needed.
import { closeSync, fsyncSync, openSync, writeSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { SweepFormat } from "../render/sweep-rows.ts";
import { writeAtomically } from "./output.ts";
import type { Io } from "./streams.ts";
import { type ResumeCheck, type ResumeState, canonicalOrder, examineForResume } from "./sweep-text.ts";

export interface RowSink {
  /** Writes one or more whole lines with a single write call. */
  write(text: string): void;
  /** Flushes to disk (files) and closes. */
  close(): void;
}

export function stdoutSink(io: Pick<Io, "stdout">): RowSink {
  return {
    write(text) {
      io.stdout.write(text);
    },
    close() {},
  };
}

/** Drops the rows: a page made from them is the output instead. */
export const discardSink: RowSink = { write() {}, close() {} };

/** Opens a file for appending rows; without `resume`, it starts empty (then `initial`). */
export async function openFileSink(
  target: string,
  opts: { resume: boolean; check: ResumeCheck; initial: string },
): Promise<{ sink: RowSink; state?: ResumeState }> {
  let state: ResumeState | undefined;
  if (opts.resume) {
    const existing = await readIfExists(target);
    if (existing !== undefined) {
      state = examineForResume(existing, target, opts.check);
      // drop torn and unfinished rows before appending: the file must stay in canonical form
      if (state.text !== existing) await writeAtomically(target, state.text);
    }
  }
  const fd = openSync(target, state === undefined ? "w" : "a");
  const sink: RowSink = {
    write(text) {
      const bytes = Buffer.from(text, "utf8");
      for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
    },
    close() {
      fsyncSync(fd);
      closeSync(fd);
    },
  };
  if (state === undefined) sink.write(opts.initial);
  return state === undefined ? { sink } : { sink, state };
}

/** After a resumed run: sorts the file by point when earlier runs left it out of order. */
export async function putInCanonicalOrder(target: string, format: SweepFormat): Promise<void> {
  const text = await readFile(target, "utf8");
  const sorted = canonicalOrder(text, format);
  if (sorted !== text) await writeAtomically(target, sorted);
}

async function readIfExists(target: string): Promise<string | undefined> {
  try {
    return await readFile(target, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}
