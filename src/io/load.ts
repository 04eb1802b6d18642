// Reads scenario and network files and validates them, placing every problem at its
// file:line:col in the file it belongs to; a scenario and its network are reported together.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { type InputIssue, InputError } from "../errors.ts";
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

/** The parsed file; a file that cannot be read or parsed throws its issues. */
async function readSource(file: string, cwd: string): Promise<SourceDocument> {
  const text = await readText(file, cwd);
  if (typeof text !== "string") {
    throw new InputError([{ file, path: "", message: `cannot read the file: ${text.error}` }]);
  }
  const source = parseSource(text, file);
  if (source.issues.length > 0) throw new InputError(source.issues);
  return source;
}

/** A file's text, or why it cannot be read, in a few plain words. */
export async function readText(file: string, cwd: string): Promise<string | { error: string }> {
  try {
    return await readFile(path.resolve(cwd, file), "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reasons: Record<string, string> = {
      ENOENT: "no such file",
      EISDIR: "it is a directory",
      EACCES: "permission denied",
    };
    return { error: (code === undefined ? undefined : reasons[code]) ?? (err as Error).message };
  }
}

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

async function linkedNetwork(file: string, cwd: string): Promise<LinkedNetwork> {
  const text = await readText(file, cwd);
  if (typeof text !== "string") {
    const message = `cannot read the network file ${file}: ${text.error}`;
    return { issues: [], unreadable: { path: ["network"], message } };
  }
  const source = parseSource(text, file);
  if (source.issues.length > 0) return { issues: source.issues };
  const { value, issues } = validateNetwork(source.value);
  const placed = inFileOrder(placeIssues(issues, file, source));
  return value === undefined ? { issues: placed } : { network: value, issues: placed };
}

/**
 * Reads every file whole.
 * @throws {InputError} naming every file that cannot be read.
 */
export async function readTexts(files: readonly string[], cwd: string): Promise<{ name: string; text: string }[]> {
  const read = await Promise.all(files.map(async (name) => ({ name, text: await readText(name, cwd) })));
  const issues = read.flatMap(({ name, text }) => (typeof text === "string" ? [] : [{ file: name, path: "", message: `cannot read the file: ${text.error}` }]));
  if (issues.length > 0) throw new InputError(issues);
  return read.map(({ name, text }) => ({ name, text: text as string }));
}

/** Issues of one file by position (unpositioned first), keeping the check order on ties. */
function inFileOrder(issues: InputIssue[]): InputIssue[] {
  return issues.toSorted((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
}
