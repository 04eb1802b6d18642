// Reads scenario and network files and validates them, placing every problem at its
// file:line:col in the file it belongs to; a scenario and its network are reported together.
import { open } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../errors.ts";
import { ioReasons } from "./output.ts";
import { detectKind } from "../scenario/document-kind.ts";
import { networkFrom, readSourceWith, type SourceReader, scenarioFrom } from "../scenario/from-source.ts";
import { type PathIssue, placeIssues } from "../scenario/issues.ts";
import type { Network, Scenario } from "../scenario/schema.ts";

export interface LoadOptions {
  /** The directory relative file names start from; default the process's working directory. */
  cwd?: string;
}

export type LoadedInput =
  | { kind: "scenario"; scenario: Scenario }
  | { kind: "network"; network: Network; file: string };

/**
 * Reads and validates a network file.
 * @throws {InputError} with every problem found, positioned in the file.
 */
export async function loadNetwork(file: string, options: LoadOptions = {}): Promise<Network> {
  return networkFrom(await readSourceWith(fileReader(cwdOf(options)), file));
}

/**
 * Reads and validates a scenario file and the network file it names (relative to the scenario).
 * @throws {InputError} with every problem found in both files, each positioned in its own file.
 */
export async function loadScenario(file: string, options: LoadOptions = {}): Promise<Scenario> {
  const reader = fileReader(cwdOf(options));
  return scenarioFrom(await readSourceWith(reader, file), file, reader);
}

/**
 * Reads a file that may be a scenario or a network and validates it as what it is: a document
 * with `countries` is a network, one with `home` or `network` a scenario.
 * @throws {InputError} with every problem found.
 */
export async function loadInput(file: string, options: LoadOptions = {}): Promise<LoadedInput> {
  const reader = fileReader(cwdOf(options));
  const source = await readSourceWith(reader, file);
  const kind = detectKind(source.value);
  if (kind === "network") return { kind, network: networkFrom(source), file };
  if (kind === "scenario") return { kind, scenario: await scenarioFrom(source, file, reader) };
  const issue: PathIssue = {
    path: [],
    message: "is neither a scenario (it has no home or network field) nor a network (it has no countries field)",
  };
  throw new InputError(placeIssues([issue], file, source));
}

function cwdOf(options: LoadOptions): string {
  return options.cwd ?? process.cwd();
}

/** Files from the disk, relative to `cwd`; a scenario's network relative to the scenario. */
export function fileReader(cwd: string): SourceReader {
  return {
    read: (file) => readText(file, cwd),
    resolve: (scenarioFile, named) => (path.isAbsolute(named) ? named : path.join(path.dirname(scenarioFile), named)),
  };
}

/** The largest scenario, network, sweep or provenance file read: 10 MB (the largest bundled file is under 100 kB). */
export const MAX_INPUT_BYTES = 10_000_000;

/**
 * A file's text, or why it cannot be read, in a few plain words. Reads only regular files, and
 * at most `max` bytes: a larger file is refused with the limit in the message.
 */
export async function readText(file: string, cwd: string, max = MAX_INPUT_BYTES): Promise<string | { error: string }> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path.resolve(cwd, file), "r");
    const info = await handle.stat();
    if (info.isDirectory()) return { error: "it is a directory" };
    if (!info.isFile()) return { error: "it is not a regular file" };
    if (info.size > max) return { error: `it is ${info.size} bytes, above the limit of ${max} bytes` };
    // files such as /proc/* report size 0: read in pieces, never past the limit
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(65_536), 0, 65_536, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > max) return { error: `it is more than ${max} bytes, the limit` };
      chunks.push(buffer.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks).toString("utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { error: (code === undefined ? undefined : ioReasons[code]) ?? (err as Error).message };
  } finally {
    await handle?.close();
  }
}

/** The largest sweep output `merge` reads: 1 GB. */
const MAX_OUTPUT_BYTES = 1_000_000_000;

/**
 * Reads every file whole.
 * @throws {InputError} naming every file that cannot be read.
 */
/**
 * Reads every file whole.
 * @throws {InputError} naming every file that cannot be read.
 */
export async function readTexts(files: readonly string[], cwd: string): Promise<{ name: string; text: string }[]> {
  const read = await Promise.all(files.map(async (name) => ({ name, text: await readText(name, cwd, MAX_OUTPUT_BYTES) })));
  const issues = read.flatMap(({ name, text }) => (typeof text === "string" ? [] : [{ file: name, path: "", message: `cannot read the file: ${text.error}` }]));
  if (issues.length > 0) throw new InputError(issues);
  return read.map(({ name, text }) => ({ name, text: text as string }));
}
