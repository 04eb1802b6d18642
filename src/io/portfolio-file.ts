// Reads a portfolio file and the scenario files it names, and places every problem at its
// file:line:col: the portfolio's own in the portfolio, a scenario's in that scenario.
import path from "node:path";
import { InputError } from "../errors.ts";
import { isRecord } from "../scenario/is-record.ts";
import { type PathIssue, placeIssues } from "../scenario/issues.ts";
import { parseSource } from "../scenario/parse.ts";
import { candidatesOf, checkPortfolio, type PortfolioFile, policyIssuesIn, portfolioSchema } from "../scenario/portfolio.ts";
import type { Scenario } from "../scenario/schema.ts";
import { parseWithSchema } from "../scenario/zod-issues.ts";
import { loadScenario, readText } from "./load.ts";

/** One threat of a portfolio: its scenario with the portfolio's policies that apply to it. */
export interface Threat {
  file: string;
  weight: number;
  /** The scenario, its own policies and options replaced by the portfolio's applicable policies. */
  scenario: Scenario;
}

export interface LoadedPortfolio {
  file: string;
  portfolio: PortfolioFile;
  threats: Threat[];
  candidates: { id: string; policies: string[]; cost: number }[];
}

/**
 * Reads a portfolio file relative to `cwd`, and its scenarios relative to the portfolio.
 * @throws {InputError} with every problem found, positioned in its file.
 */
export async function loadPortfolio(file: string, cwd: string): Promise<LoadedPortfolio> {
  const text = await readText(file, cwd);
  if (typeof text !== "string") throw new InputError([{ file, path: "", message: `cannot read the portfolio file: ${text.error}` }]);
  const source = parseSource(text, file);
  if (source.issues.length > 0) throw new InputError(source.issues);
  const fail = (issues: PathIssue[]): never => {
    const placed = placeIssues(issues, file, source);
    throw new InputError(placed.toSorted((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0)));
  };
  const parsed = parseWithSchema(portfolioSchema, source.value);
  if (!parsed.ok) return fail(parsed.issues);
  const portfolio = parsed.value;
  const own = checkPortfolio(portfolio);
  if (own.length > 0) return fail(own);

  const scenarios = await Promise.all(portfolio.scenarios.map((t) => loadScenario(path.join(path.dirname(file), t.file), { cwd })));
  const issues: PathIssue[] = [];
  const home = portfolio.home ?? scenarios[0]!.home;
  scenarios.forEach((s, i) => {
    if (s.home !== home) issues.push({ path: ["scenarios", i, "file"], message: `scores ${s.home}, but the portfolio scores ${home}: every threat must score the same country` });
  });
  const perScenario = scenarios.map((s) => policyIssuesIn(portfolio.policies, s));
  portfolio.policies.forEach((_, k) => {
    // a policy that applies nowhere is a mistake; elsewhere it simply does not apply
    if (perScenario.every((p) => p[k]!.length > 0)) {
      issues.push(...perScenario[0]![k]!.map((i) => ({ ...i, message: `${i.message} (in ${portfolio.scenarios[0]!.file}; the policy applies to no scenario)` })));
    }
  });
  if (issues.length > 0) return fail(issues);
  const threats = scenarios.map((s, i) => {
    const t = portfolio.scenarios[i]!;
    const policies = portfolio.policies.filter((_, k) => perScenario[i]![k]!.length === 0);
    return { file: t.file, weight: t.weight ?? t.probability ?? 1, scenario: { ...s, policies, options: {} } };
  });
  return { file, portfolio, threats, candidates: candidatesOf(portfolio) };
}

/** Whether a file reads as a portfolio (a map with `scenarios`), so `validate` can check it as one. */
export async function isPortfolioFile(file: string, cwd: string): Promise<boolean> {
  const text = await readText(file, cwd);
  // parse only when the key can be there at all: parsing a hostile file can be slow
  if (typeof text !== "string" || !/\bscenarios["']?\s*:/.test(text)) return false;
  const { value } = parseSource(text, file);
  return isRecord(value) && "scenarios" in value;
}
