// Use cases `inspect` and `validate`: the structural exposure of a home country, and every
// problem of a list of files.
import { type InspectReport, inspect } from "../analysis/inspect.ts";
import { InputError, UsageError, formatIssue } from "../errors.ts";
import { type LoadedInput, loadInput } from "../io/load.ts";
import { isPortfolioFile, loadPortfolio } from "../io/portfolio-file.ts";

/** The exposure report of `home` (default: a scenario's own home) in a loaded network or scenario. */
export function inspectNetwork(input: LoadedInput, home?: string): InspectReport {
  const network = input.kind === "scenario" ? input.scenario.network : input.network;
  const who = home ?? (input.kind === "scenario" ? input.scenario.home : undefined);
  const valid = network.countries.map((c) => c.id).join(", ");
  if (who === undefined) throw new UsageError(`--home is required for a network file; valid countries: ${valid}`);
  if (!network.countries.some((c) => c.id === who)) throw new UsageError(`unknown --home "${who}"; valid countries: ${valid}`);
  return inspect(network, who);
}

export interface Validation {
  /** The files that passed, in the order given. */
  valid: string[];
  /** Every problem once, as `file:line:col  path  sentence` (a network shared by several scenarios is reported once). */
  problems: string[];
  /** How many files had problems. */
  failed: number;
}

/** Checks every file (scenarios together with the networks they name). */
export async function validateFiles(files: readonly string[], cwd: string): Promise<Validation> {
  const result: Validation = { valid: [], problems: [], failed: 0 };
  const problems = new Set<string>();
  for (const file of files) {
    try {
      if (await isPortfolioFile(file, cwd)) await loadPortfolio(file, cwd);
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
