// Use case `portfolio`: one budget across several threats. Every candidate set is simulated on
// each threat's own trials (common random numbers: the same trials for every set of a threat), on
// the one worker pool; the search and the report are the core's (analysis/portfolio*.ts).
import { objectiveValue } from "../analysis/budget.ts";
import { pairedObjectiveDiff } from "../analysis/compare.ts";
import { searchPortfolio, type SearchMethod } from "../analysis/portfolio.ts";
import { makePortfolioReport, type PortfolioReport } from "../analysis/portfolio-report.ts";
import type { OptionSpec } from "../engine/run.ts";
import { type TrialPool, withPool } from "../io/pool.ts";
import type { LoadedPortfolio, Threat } from "../io/portfolio-file.ts";
import type { OptionTrials } from "../stats/score-options.ts";
import { noProgress, type ResolvedSpec, resolveSpec, type RunSpec, workersFor } from "./spec.ts";
import { runBatch } from "./trials.ts";

export interface PortfolioSpec extends Omit<RunSpec, "options" | "firstTrial"> {
  /** The most the chosen set may cost (default: the file's `budget`; none: frontier and best per cost only). */
  budget?: number;
  /** Exhaustive or greedy with swaps (default: exhaustive up to 12 candidates). */
  method?: SearchMethod;
}

/** Runs the portfolio search and scores the sets it reports. */
export async function runPortfolio(loaded: LoadedPortfolio, spec: PortfolioSpec = {}): Promise<PortfolioReport> {
  const { portfolio, threats, candidates } = loaded;
  const objective = portfolio.objective;
  const budget = spec.budget ?? portfolio.budget;
  const trials = spec.trials ?? portfolio.trials;
  const specs = threats.map((t) => resolveSpec(t.scenario, { ...spec, ...(trials === undefined ? {} : { trials }), progress: () => noProgress }));
  const workers = workersFor(spec.workers, specs.reduce((s, r) => s + r.trials, 0) * 2 ** Math.min(candidates.length, 8));
  return withPool(workers, spec.signal, async (pool) => {
    /** Each threat's trials of the sets, one OptionTrials per set (sets with the same applicable policies simulated once). */
    const simulate = async (sets: readonly number[][]): Promise<OptionTrials[][]> => {
      const out: OptionTrials[][] = [];
      for (const [i, threat] of threats.entries()) out.push(await threatTrials(pool, threat, specs[i]!, sets, loaded));
      return out;
    };
    let scored = 0;
    const evaluate = async (sets: readonly number[][]): Promise<number[]> => {
      const perThreat = await simulate(sets);
      scored += sets.length;
      spec.log?.(`portfolio: ${scored} candidate sets scored`);
      return sets.map((_, k) => threats.reduce((s, t, i) => s + t.weight * objectiveValue(perThreat[i]![k]!, objective), 0));
    };
    const search = await searchPortfolio(candidates.map((c) => c.cost), budget, evaluate, spec.method);
    // the reported sets again, keeping their trials for the paired differences
    const named = [search.baseline, ...(search.best === null ? [] : [search.best]), ...search.frontier, ...candidates.map((_, i) => ({ members: [i] }))].map((s) => s.members);
    const detail = await simulate(named);
    const index = new Map(named.map((m, k) => [m.join(","), k]));
    const scores = (members: readonly number[]) =>
      threats.map((_, i) => {
        const t = detail[i]![index.get(members.join(","))!]!;
        return { value: objectiveValue(t, objective), vsNothing: pairedObjectiveDiff(t, detail[i]![0]!, objective) };
      });
    const context = {
      name: portfolio.name,
      home: threats[0]!.scenario.home,
      objective,
      currency: portfolio.currency,
      budget: budget ?? null,
      threats: threats.map((t, i) => ({ file: t.file, name: t.scenario.name, weight: t.weight, trials: specs[i]!.trials, seed: specs[i]!.seed })),
      candidates: candidates.map((c) => ({ id: c.id, cost: c.cost, policies: c.policies })),
    };
    return makePortfolioReport(context, search, scores);
  });
}

/** One threat's trials of each set: the set's policies that apply to the threat, as options of one task. */
async function threatTrials(pool: TrialPool, threat: Threat, spec: ResolvedSpec, sets: readonly number[][], loaded: LoadedPortfolio): Promise<OptionTrials[]> {
  const applies = new Set(threat.scenario.policies.map((p) => p.id));
  const options = new Map<string, OptionSpec>();
  const keys = sets.map((members) => {
    const policies = [...new Set(members.flatMap((m) => loaded.candidates[m]!.policies))].filter((p) => applies.has(p)).sort();
    const key = policies.join("+") || "baseline";
    if (!options.has(key)) options.set(key, { id: key, policies, cost: 0 });
    return key;
  });
  const list = [...options.values()];
  const { trials } = await runBatch(pool, threat.scenario, spec, { first: 0, count: spec.trials, options: list });
  const byKey = new Map(list.map((o, i) => [o.id, trials[i]!]));
  return keys.map((k) => byKey.get(k)!);
}
