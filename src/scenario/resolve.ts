// Resolves in-memory networks and scenarios (tests, the engine, library users): validate or throw.
import { InputError } from "../errors.ts";
import { placeIssues } from "./issues.ts";
import { isRecord } from "./is-record.ts";
import type { Network, Scenario } from "./schema.ts";
import { validateNetwork, validateScenario } from "./validate.ts";

export interface ResolveOptions {
  /** Where the scenario came from, recorded on the result and named in messages. */
  file?: string;
  /** The scenario's network; replaces the scenario's own `network` (a path, or inline). */
  network?: Network;
  /** Where `network` came from, recorded on the result. */
  networkFile?: string;
}

/**
 * Validates a network object and fills its defaults.
 * @throws {InputError} with every problem found (paths, no positions).
 */
export function resolveNetwork(input: unknown): Network {
  const { value, issues } = validateNetwork(input);
  if (value === undefined || issues.length > 0) throw new InputError(placeIssues(issues, undefined));
  return value;
}

/**
 * Validates a scenario object with its network and fills defaults. A scenario whose `network`
 * is a file path needs `opts.network` (in memory nothing is read; use `loadScenario` for files).
 * A resolved scenario resolves to itself, keeping the `file` and `networkFile` it records.
 * @throws {InputError} with every problem found (paths, no positions).
 */
export function resolveScenario(input: unknown, opts: ResolveOptions = {}): Scenario {
  const { network, ...origin } = opts;
  if (!isRecord(input)) return resolveFields(input, origin);
  const { file, networkFile, ...fields } = input;
  return resolveFields(network === undefined ? fields : { ...fields, network }, {
    ...(typeof file === "string" ? { file } : {}),
    ...(typeof networkFile === "string" ? { networkFile } : {}),
    ...origin,
  });
}

function resolveFields(source: unknown, origin: Omit<ResolveOptions, "network">): Scenario {
  const { value, issues } = validateScenario(source, undefined);
  if (isRecord(source) && typeof source.network === "string") {
    issues.push({
      path: ["network"],
      message:
        "names a network file, which an in-memory scenario cannot read; " +
        "pass the network (resolveScenario(input, {network})) or use loadScenario",
    });
  }
  if (value === undefined || issues.length > 0) throw new InputError(placeIssues(issues, origin.file));
  return {
    ...value,
    ...(origin.file === undefined ? {} : { file: origin.file }),
    ...(origin.networkFile === undefined ? {} : { networkFile: origin.networkFile }),
  };
}
