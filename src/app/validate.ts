// Use case `validate`: every problem of a list of files. Apart from `inspect`, so that checking
// files loads no network metrics.
import { InputError, formatIssue } from "../errors.ts";
import { isEpisodeFile, loadEpisode } from "../io/episode.ts";
import { loadInput } from "../io/load.ts";
import { isPortfolioFile, loadPortfolio } from "../io/portfolio-file.ts";

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
