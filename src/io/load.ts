// Reads scenario and network files and validates them, placing every problem at its
// file:line:col in the file it belongs to; a scenario and its network are reported together.
import { open } from "node:fs/promises";
import path from "node:path";
import { type InputIssue, InputError } from "../errors.ts";
import { ioReasons } from "./output.ts";
import { detectKind } from "../scenario/document-kind.ts";
import { isRecord } from "../scenario/is-record.ts";
import { type PathIssue, placeIssues } from "../scenario/issues.ts";
import { type SourceDocument, parseSource } from "../scenario/parse.ts";
import type { Network, Scenario } from "../scenario/schema.ts";
import { validateNetwork, validateScenario } from "../scenario/validate.ts";

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
  return networkFrom(await readSource(file, cwdOf(options)));
}

/**
 * Reads and validates a scenario file and the network file it names (relative to the scenario).
 * @throws {InputError} with every problem found in both files, each positioned in its own file.
 */
export async function loadScenario(file: string, options: LoadOptions = {}): Promise<Scenario> {
  const cwd = cwdOf(options);
  return scenarioFrom(await readSource(file, cwd), file, cwd);
}

/**
 * Reads a file that may be a scenario or a network and validates it as what it is: a document
 * with `countries` is a network, one with `home` or `network` a scenario.
 * @throws {InputError} with every problem found.
 */
export async function loadInput(file: string, options: LoadOptions = {}): Promise<LoadedInput> {
  const cwd = cwdOf(options);
  const source = await readSource(file, cwd);
  const kind = detectKind(source.value);
  if (kind === "network") return { kind, network: networkFrom(source), file };
  if (kind === "scenario") return { kind, scenario: await scenarioFrom(source, file, cwd) };
  const issue: PathIssue = {
    path: [],
    message: "is neither a scenario (it has no home or network field) nor a network (it has no countries field)",
  };
  throw new InputError(placeIssues([issue], file, source));
}

function cwdOf(options: LoadOptions): string {
  return options.cwd ?? process.cwd();
}

/** The largest scenario, network, sweep or provenance file read: 10 MB (the largest bundled file is under 100 kB). */
export const MAX_INPUT_BYTES = 10_000_000;

/** The parsed file; a file that cannot be read or parsed, or holds no map, throws its issues. */
async function readSource(file: string, cwd: string): Promise<SourceDocument> {
  const text = await readText(file, cwd);
  if (typeof text !== "string") {
    throw new InputError([{ file, path: "", message: `cannot read the file: ${text.error}` }]);
  }
  const source = parseSource(text, file);
  if (source.issues.length > 0) throw new InputError(source.issues);
  const notMap = notAMap(source);
  if (notMap !== undefined) throw new InputError([notMap]);
  return source;
}

/** A document that is not a map (a text, a list, a number) is no file of ours: said without quoting it. */
function notAMap(source: SourceDocument, what = "a scenario or network file"): InputIssue | undefined {
  if (isRecord(source.value)) return undefined;
  const is = Array.isArray(source.value) ? "a list" : typeof source.value === "string" ? "a text" : `a ${typeof source.value}`;
  return { ...(source.file === undefined ? {} : { file: source.file }), line: 1, col: 1, path: "", message: `is not ${what}: the document is ${is}, not a map of fields` };
}

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

/** What a scenario's `network` may name: a network file, by its extension. */
const NETWORK_FILE = /\.(ya?ml|json)$/i;

function networkFrom(source: SourceDocument): Network {
  const { value, issues } = validateNetwork(source.value);
  if (value === undefined || issues.length > 0) {
    throw new InputError(inFileOrder(placeIssues(issues, source.file, source)));
  }
  return value;
}

async function scenarioFrom(source: SourceDocument, file: string, cwd: string): Promise<Scenario> {
  const named = isRecord(source.value) ? source.value.network : undefined;
  // Named as the user would from where they stand (relative to the working directory).
  const networkFile =
    typeof named !== "string" || named === ""
      ? undefined
      : path.isAbsolute(named)
        ? named
        : path.join(path.dirname(file), named);
  const linked: LinkedNetwork = networkFile === undefined ? { issues: [] } : await linkedNetwork(networkFile, cwd);
  const { value, issues } = validateScenario(source.value, linked.network);
  const own = linked.unreadable === undefined ? issues : [linked.unreadable, ...issues];
  const all = [...inFileOrder(placeIssues(own, file, source)), ...linked.issues];
  if (value === undefined || all.length > 0) throw new InputError(all);
  return { ...value, file, ...(networkFile === undefined ? {} : { networkFile }) };
}

interface LinkedNetwork {
  /** Present when the network passed its schema, so the scenario's references can be checked. */
  network?: Network;
  /** Problems in the network file, placed in that file. */
  issues: InputIssue[];
  /** Why the file could not be read: a problem of the scenario's `network` field. */
  unreadable?: PathIssue;
}

/**
 * The last few networks read, by name and text: scenarios that share a network (validate
 * scenarios/*.yaml) parse and check it once. A network's value is never modified after validation.
 */
const recentNetworks: { file: string; text: string; linked: LinkedNetwork }[] = [];

async function linkedNetwork(file: string, cwd: string): Promise<LinkedNetwork> {
  if (!NETWORK_FILE.test(file)) {
    return { issues: [], unreadable: { path: ["network"], message: "must name a network file (.yaml, .yml or .json)" } };
  }
  const text = await readText(file, cwd);
  if (typeof text !== "string") {
    const message = `cannot read the network file ${file}: ${text.error}`;
    return { issues: [], unreadable: { path: ["network"], message } };
  }
  const seen = recentNetworks.find((r) => r.file === file && r.text === text);
  if (seen !== undefined) return seen.linked;
  const linked = parseNetwork(file, text);
  recentNetworks.unshift({ file, text, linked });
  recentNetworks.length = Math.min(recentNetworks.length, 4);
  return linked;
}

function parseNetwork(file: string, text: string): LinkedNetwork {
  const source = parseSource(text, file);
  if (source.issues.length > 0) return { issues: source.issues };
  const notMap = notAMap(source, "a network file");
  if (notMap !== undefined) return { issues: [notMap] };
  const { value, issues } = validateNetwork(source.value);
  const placed = inFileOrder(placeIssues(issues, file, source));
  return value === undefined ? { issues: placed } : { network: value, issues: placed };
}

/** The largest sweep output `merge` reads: 1 GB. */
const MAX_OUTPUT_BYTES = 1_000_000_000;

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

/** Issues of one file by position (unpositioned first), keeping the check order on ties. */
function inFileOrder(issues: InputIssue[]): InputIssue[] {
  return issues.toSorted((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
}
