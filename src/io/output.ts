// Writes results whole: to stdout, or to a file through a temporary file and an atomic rename,
// so an interrupted run never leaves a half-written output file.
import { rename, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, join } from "node:path";
import type { CliIo } from "../cli/context.ts";

export async function writeOutput(io: CliIo, text: string, file?: string): Promise<void> {
  if (file === undefined || file === "-") {
    io.stdout.write(text);
    return;
  }
  const target = isAbsolute(file) ? file : join(io.cwd, file);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, text);
    await rename(tmp, target);
  } catch (err) {
    await unlink(tmp).catch(() => {});
    throw err;
  }
}
