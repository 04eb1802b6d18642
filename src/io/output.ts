// Writes results whole: to stdout, or to a file through a temporary file and an atomic rename,
// so an interrupted run never leaves a half-written output file.
import { rename, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, join } from "node:path";
import type { Io } from "./streams.ts";

export async function writeOutput(io: Pick<Io, "stdout" | "cwd">, text: string, file?: string): Promise<void> {
  if (file === undefined || file === "-") {
    io.stdout.write(text);
    return;
  }
  await writeAtomically(resolveTarget(io, file), text);
}

/** A file name as typed, from the working directory. */
export function resolveTarget(io: Pick<Io, "cwd">, file: string): string {
  return isAbsolute(file) ? file : join(io.cwd, file);
}

/** Through a temporary file and a rename, so the file is never half-written. */
export async function writeAtomically(target: string, text: string): Promise<void> {
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, text, { flush: true });
    await rename(tmp, target);
  } catch (err) {
    await unlink(tmp).catch(() => {});
    throw err;
  }
}
