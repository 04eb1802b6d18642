// Reads episode files: the episode (schema and checks located at file:line:col) and the scenario
// it names (relative to the episode file, loaded with its own located errors).
import path from "node:path";
import { InputError } from "../errors.ts";
import { checkEpisode, type Episode, episodeSchema } from "../scenario/episode.ts";
import { isRecord } from "../scenario/is-record.ts";
import { placeIssues } from "../scenario/issues.ts";
import { parseSource } from "../scenario/parse.ts";
import type { Scenario } from "../scenario/schema.ts";
import { parseWithSchema } from "../scenario/zod-issues.ts";
import { type LoadOptions, loadScenario, readText } from "./load.ts";

export interface LoadedEpisode {
  file: string;
  episode: Episode;
  scenario: Scenario;
}

/**
 * Reads and validates an episode file and its scenario.
 * @throws {InputError} with every problem found, each in its own file.
 */
export async function loadEpisode(file: string, options: LoadOptions = {}): Promise<LoadedEpisode> {
  const cwd = options.cwd ?? process.cwd();
  const text = await readText(file, cwd);
  if (typeof text !== "string") throw new InputError([{ file, path: "", message: `cannot read the file: ${text.error}` }]);
  const source = parseSource(text, file);
  if (source.issues.length > 0) throw new InputError(source.issues);
  const parsed = parseWithSchema(episodeSchema, source.value);
  if (!parsed.ok) throw new InputError(placeIssues(parsed.issues, file, source));
  const episode = parsed.value;
  const scenarioFile = path.isAbsolute(episode.scenario) ? episode.scenario : path.join(path.dirname(file), episode.scenario);
  const scenario = await loadScenario(scenarioFile, { cwd });
  const issues = checkEpisode(episode, scenario);
  if (issues.length > 0) throw new InputError(placeIssues(issues, file, source));
  return { file, episode, scenario };
}

/** Is the file an episode (a map with `scenario` and `series`, and no `home`)? False when unreadable. */
export async function isEpisodeFile(file: string, options: LoadOptions = {}): Promise<boolean> {
  const text = await readText(file, options.cwd ?? process.cwd());
  // parse only when the key can be there at all: parsing a hostile file can be slow
  if (typeof text !== "string" || !/\bseries["']?\s*:/.test(text)) return false;
  const value = parseSource(text, file).value;
  return isRecord(value) && "series" in value && "scenario" in value && !("home" in value);
}

/** Reads every episode; the problems of all files are reported together. */
export async function loadEpisodes(files: readonly string[], options: LoadOptions = {}): Promise<LoadedEpisode[]> {
  const results = await Promise.allSettled(files.map((f) => loadEpisode(f, options)));
  const issues = results.flatMap((r) => (r.status === "rejected" && r.reason instanceof InputError ? r.reason.issues : []));
  const other = results.find((r) => r.status === "rejected" && !(r.reason instanceof InputError));
  if (other?.status === "rejected") throw other.reason;
  if (issues.length > 0) throw new InputError(issues);
  return results.map((r) => (r as PromiseFulfilledResult<LoadedEpisode>).value);
}
