// Writes results whole: to stdout, or to a file through a temporary file and an atomic rename,
// so an interrupted run never leaves a half-written output file.
import { constants } from "node:fs";
import { access, rename, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, join } from "node:path";
import { UsageError } from "../errors.ts";
import type { Io } from "./streams.ts";

/**
 * Checks, before any work, that `file` can be written: its folder exists and is writable, and it
 * is not itself a folder. `-` and no file (stdout) always pass.
 * @throws {UsageError} `option --out: cannot write 'x': the folder 'd' does not exist`.
 */
export async function checkTarget(io: Pick<Io, "cwd">, file: string | undefined, flag = "--out"): Promise<void> {
  if (file === undefined || file === "-") return;
  const target = resolveTarget(io, file);
  const fail = (why: string) => new UsageError(`option ${flag}: cannot write '${file}': ${why}`);
  const folder = dirname(target);
  const dir = await stat(folder).catch(() => undefined);
  if (dir === undefined) throw fail(`the folder '${dirname(file)}' does not exist`);
  if (!dir.isDirectory()) throw fail(`'${dirname(file)}' is not a folder`);
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory()) throw fail("it is a folder; give a file name inside it");
  const writable = await access(folder, constants.W_OK).then(() => true, () => false);
  if (!writable) throw fail(`the folder '${dirname(file)}' is not writable`);
}

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
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(`cannot write ${target}: ${code === undefined ? (err as Error).message : (ioReasons[code] ?? code)}`);
  }
}

/** Plain words for the file-system errors a user can meet. */
export const ioReasons: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "it is a folder",
  ENOTDIR: "a part of the path is not a folder",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOSPC: "no space left on the device",
  EROFS: "the file system is read-only",
  EMFILE: "too many open files",
  EFBIG: "the file is too large",
};
