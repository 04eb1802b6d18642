// Use cases `inspect` and `validate`: the structural exposure of a home country, and every
// problem of a list of files.
import { type InspectReport, inspect } from "../analysis/inspect.ts";
import { InputError, formatIssue } from "../errors.ts";
import { isEpisodeFile, loadEpisode } from "../io/episode.ts";
import { type LoadedInput, loadInput } from "../io/load.ts";
import { homeOf, networkOfInput } from "./input.ts";
import { flowGraph } from "../analysis/flow-graph.ts";
import { isPortfolioFile, loadPortfolio } from "../io/portfolio-file.ts";

/**
 * The exposure report of `home` (default: a scenario's own home) in a loaded network or scenario;
 * with `graph`, the network as a flat graph too (for the page and graph files).
 */
export function inspectNetwork(input: LoadedInput, home?: string, extra: { graph?: boolean } = {}): InspectReport {
  const network = networkOfInput(input);
  const report = inspect(network, homeOf(input, home));
  return extra.graph === true ? { ...report, graph: flowGraph(network, report.home) } : report;
}

export interface Validation {
  /** The files that passed, in the order given. */
  valid: string[];
  /** Every problem once, as `file:line:col  path  sentence` (a network shared by several scenarios is reported once). */
  problems: string[];
  /** How many files had problems. */
  failed: number;
}

/** Checks every file (scenarios with the networks they name; episodes with their scenarios). */
export async function validateFiles(files: readonly string[], cwd: string): Promise<Validation> {
  const result: Validation = { valid: [], problems: [], failed: 0 };
  const problems = new Set<string>();
  for (const file of files) {
    try {
      if (await isEpisodeFile(file, { cwd })) await loadEpisode(file, { cwd });
      else if (await isPortfolioFile(file, cwd)) await loadPortfolio(file, cwd);
      else await loadInput(file, { cwd });
      result.valid.push(file);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      result.failed++;
      for (const issue of err.issues) problems.add(formatIssue(issue));
    }
  }
  result.problems = [...problems];
  return result;
}
