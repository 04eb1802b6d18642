// A scenario from its parsed text and the network file it names, wherever the texts come from
// (the file system for the CLI, files embedded in or dropped on the explorer page): every problem
// of both files at once, each placed at file:line:col in its own file.
import { type InputIssue, InputError } from "../errors.ts";
import { isRecord } from "./is-record.ts";
import { type PathIssue, placeIssues } from "./issues.ts";
import { type SourceDocument, parseSource } from "./parse.ts";
import type { Network, Scenario } from "./schema.ts";
import { validateNetwork, validateScenario } from "./validate.ts";

/** Where the files a scenario names come from. */
export interface SourceReader {
  /** A file's text, or why it cannot be read, in a few plain words. */
  read(file: string): Promise<string | { error: string }>;
  /** The file a scenario's `network` field names, as the user would name it from where they stand. */
  resolve(scenarioFile: string, named: string): string;
}

/** The parsed text of a file; one that cannot be read or parsed throws its issues. */
export async function readSourceWith(reader: SourceReader, file: string): Promise<SourceDocument> {
  const text = await reader.read(file);
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

/** What a scenario's `network` may name: a network file, by its extension. */
const NETWORK_FILE = /\.(ya?ml|json)$/i;

/**
 * A validated network.
 * @throws {InputError} with every problem found, positioned in the file.
 */
export function networkFrom(source: SourceDocument): Network {
  const { value, issues } = validateNetwork(source.value);
  if (value === undefined || issues.length > 0) {
    throw new InputError(inFileOrder(placeIssues(issues, source.file, source)));
  }
  return value;
}

/**
 * A validated scenario with the network its `network` field names (read through `reader`).
 * @throws {InputError} with every problem found in both files, each positioned in its own file.
 */
export async function scenarioFrom(source: SourceDocument, file: string, reader: SourceReader): Promise<Scenario> {
  const named = isRecord(source.value) ? source.value.network : undefined;
  const networkFile = typeof named !== "string" || named === "" ? undefined : reader.resolve(file, named);
  const linked: LinkedNetwork = networkFile === undefined ? { issues: [] } : await linkedNetwork(networkFile, reader);
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

async function linkedNetwork(file: string, reader: SourceReader): Promise<LinkedNetwork> {
  if (!NETWORK_FILE.test(file)) {
    return { issues: [], unreadable: { path: ["network"], message: "must name a network file (.yaml, .yml or .json)" } };
  }
  const text = await reader.read(file);
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

/** Issues of one file by position (unpositioned first), keeping the check order on ties. */
function inFileOrder(issues: InputIssue[]): InputIssue[] {
  return issues.toSorted((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
}
