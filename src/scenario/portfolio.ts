// The portfolio file (docs/portfolio.md): several threats (scenario files, each with a weight or
// an annual probability), the candidate policies across them and one budget. The schema is the
// only home of its defaults; `checkPortfolio` adds the rules beyond it, as path issues.
import { z } from "zod";
import { id } from "../kinds/fields.ts";
import { fileJsonSchema } from "./json-schema.ts";
import type { PathIssue } from "./issues.ts";
import { checkScenario } from "./check.ts";
import { policySchema, type Scenario } from "./schema.ts";

const threatSchema = z
  .object({
    /** A scenario file, relative to the portfolio file. */
    file: z.string().min(1, "must name a scenario file").describe("a scenario file, relative to the portfolio file"),
    /** How much the threat counts in the national score (any positive number). */
    weight: z.number().positive("must be more than 0").optional().describe("how much the threat counts in the national score, any positive number (or give probability)"),
    /** Or its annual probability, used as its weight. */
    probability: z.number().positive("must be more than 0").max(1, "must be at most 1").optional().describe("annual probability of the threat, used as its weight (or give weight)"),
  })
  .strict()
  .refine((t) => (t.weight === undefined) !== (t.probability === undefined), {
    message: "needs either weight or probability (one of them)",
    path: ["weight"],
  });

export const portfolioSchema = z
  .object({
    name: z.string().describe("the portfolio's name, shown in reports"),
    description: z.string().optional().describe("free text for people"),
    /** The scored country; every scenario must score it. */
    home: id.optional().describe("the scored country; every scenario must score the same one; absent = the scenarios' own"),
    /** The most the chosen policies may cost together; `--budget` overrides it. */
    budget: z.number().nonnegative("must be 0 or more").optional().describe("the most the chosen policies may cost together, in the currency; --budget overrides it"),
    /** risk (weighted CVaR95, the default) or expected shortfall. */
    objective: z.enum(["risk", "expected"]).default("risk").describe("risk (weighted CVaR95) or expected shortfall; default risk"),
    /** Trials per scenario; default each scenario's own. */
    trials: z.number().int("must be a whole number").min(1, "must be at least 1").optional().describe("trials per scenario; absent = each scenario's own"),
    currency: z.string().default("units").describe("the unit of costs and the budget; default units"),
    scenarios: z.array(threatSchema).min(1, "needs at least one scenario").describe("the threats: scenario files, each with a weight or an annual probability"),
    /** Candidate policies, in the scenario file's policy format; each applies to every scenario whose network it names. */
    policies: z.array(policySchema).min(1, "needs at least one policy").describe("candidate policies, in the scenario file's policy format"),
    /** Named bundles of policies bought together; default: every policy is its own candidate. */
    candidates: z.record(id, z.array(id).min(1, "needs at least one policy")).optional().describe("named bundles of policy ids bought together; absent = each policy is its own candidate"),
  })
  .strict();

export type PortfolioInput = z.input<typeof portfolioSchema>;
export type PortfolioFile = z.output<typeof portfolioSchema>;

/** Rules beyond the schema: unique policy ids, candidates that name existing policies. */
export function checkPortfolio(p: PortfolioFile): PathIssue[] {
  const issues: PathIssue[] = [];
  const seen = new Set<string>();
  p.policies.forEach((policy, i) => {
    if (seen.has(policy.id)) issues.push({ path: ["policies", i, "id"], message: `repeats the policy id '${policy.id}'` });
    seen.add(policy.id);
  });
  for (const [name, ids] of Object.entries(p.candidates ?? {})) {
    ids.forEach((pid, j) => {
      if (!seen.has(pid)) issues.push({ path: ["candidates", name, j], message: `names no policy of the file: '${pid}'` });
    });
  }
  return issues;
}

/** The candidates of a portfolio: its named bundles, or one per policy. */
export function candidatesOf(p: PortfolioFile): { id: string; policies: string[]; cost: number }[] {
  const cost = new Map(p.policies.map((x) => [x.id, x.cost]));
  const named = p.candidates ?? Object.fromEntries(p.policies.map((x) => [x.id, [x.id]]));
  return Object.entries(named).map(([cid, ids]) => ({ id: cid, policies: ids, cost: ids.reduce((s, x) => s + (cost.get(x) ?? 0), 0) }));
}

/** The JSON Schema of portfolio files, for editors (`chokepoint schema --kind portfolio`). */
export function renderPortfolioJsonSchema(): string {
  return `${JSON.stringify(fileJsonSchema(portfolioSchema, "portfolio"), null, 2)}\n`;
}

/**
 * The problems of each portfolio policy in one scenario (its references against the scenario's
 * network, its kind's own rules): an empty list where the policy applies there.
 */
export function policyIssuesIn(policies: PortfolioFile["policies"], scenario: Scenario): PathIssue[][] {
  const { network, file: _file, networkFile: _networkFile, ...rest } = scenario;
  const issues = checkScenario({ ...rest, policies, options: {} }, network).filter((i) => i.path[0] === "policies");
  return policies.map((_, k) => issues.filter((i) => i.path[1] === k));
}
