// Use case `compare`: the options ranked by the objective with paired statistics and the
// frontier; with `precision`, trials are added until every interval is tight enough; with
// `budget`, the best affordable policy mix is searched on the same trials.
import { searchBudget } from "../analysis/budget.ts";
import type { Objective } from "../analysis/compare.ts";
import { type CompareReport, makeCompareReport } from "../analysis/compare-report.ts";
import { nextTrialCount, type PrecisionResult, widestHalfWidth } from "../analysis/precision.ts";
import type { OptionSpec } from "../engine/run.ts";
import { type TrialPool, withPool } from "../io/pool.ts";
import type { Scenario } from "../scenario/schema.ts";
import { appendTrials, scoreOptions } from "../stats/score-options.ts";
import { type ResolvedSpec, type RunSpec, resolveSpec } from "./spec.ts";
import { type Batch, runBatch } from "./trials.ts";

/** The cap on trials of a precision run when none is given. */
export const DEFAULT_MAX_TRIALS = 1_000_000;

export interface CompareSpec extends RunSpec {
  /** Ranking key (default: the scenario's `objective`). */
  objective?: Objective;
  /** Also search the best combination of the scenario's policies costing at most this. */
  budget?: number;
  /** Add trials until every option's CI half-width is at most this many points. */
  precision?: number;
  /** Cap for `precision` (default 1 000 000). */
  maxTrials?: number;
}

/** Compares the scenario's options (and a budget search when asked) on the same trials. */
export async function compareOptions(scenario: Scenario, spec: CompareSpec = {}): Promise<CompareReport> {
  const objective = spec.objective ?? scenario.objective;
  const maxTrials = spec.maxTrials ?? DEFAULT_MAX_TRIALS;
  const s = resolveSpec(scenario, spec, spec.precision === undefined ? undefined : maxTrials);
  return withPool(s.workers, s.signal, (pool) => compareOn(pool, scenario, spec, s, { objective, maxTrials }), s.limits);
}

/** The comparison on a pool: a first batch, more until precise, then the budget search. */
async function compareOn(
  pool: TrialPool,
  scenario: Scenario,
  spec: CompareSpec,
  s: ResolvedSpec,
  { objective, maxTrials }: { objective: Objective; maxTrials: number },
): Promise<CompareReport> {
  const run = (first: number, count: number, options?: OptionSpec[]) =>
    runBatch(pool, scenario, s, { first, count, ...(options === undefined ? {} : { options }) });
  let batch = await run(0, s.trials);
  let precision: PrecisionResult | undefined;
  if (spec.precision !== undefined) ({ batch, precision } = await untilPrecise(batch, spec.precision, { s, objective, maxTrials, run }));
  const total = batch.trials[0]!.unmet.length;
  const report = makeCompareReport(scenario, s.seed, batch, objective, precision);
  if (spec.budget !== undefined) {
    const evaluate = async (specs: OptionSpec[], first: number, count: number) => (await run(first, count, specs)).trials;
    const { screened, ...budget } = await searchBudget(scenario.policies, spec.budget, objective, batch.trials[0]!, evaluate);
    report.budget = budget;
    if (screened !== null) {
      s.log(
        `budget ${spec.budget}: ${budget.evaluated} combinations screened on the first ${screened.prefix} trials, ` +
          `${screened.confirmed} confirmed on all ${total} (chance of dropping the best ≤ ${screened.alpha})`,
      );
    }
  }
  return report;
}

interface Loop {
  s: ResolvedSpec;
  objective: Objective;
  maxTrials: number;
  run: (first: number, count: number) => Promise<Batch>;
}

/** Adds trials (trial i is always the same trial) until the widest half-width is at most `target`. */
async function untilPrecise(batch: Batch, target: number, loop: Loop): Promise<{ batch: Batch; precision: PrecisionResult }> {
  let total = loop.s.trials;
  for (;;) {
    const widest = widestHalfWidth(scoreOptions(batch.trials, batch.scoredGoods), loop.objective);
    if (widest <= target || total >= loop.maxTrials) return { batch, precision: { target, reached: widest <= target, maxHalfWidth: widest } };
    const next = nextTrialCount(total, widest, target, loop.maxTrials);
    const more = await loop.run(total, next - total);
    batch = { trials: appendTrials(batch.trials, more.trials), scoredGoods: batch.scoredGoods };
    total = next;
    loop.s.log(`precision ${target}: widest half-width ${widest.toFixed(3)}, continuing to ${total} trials`);
  }
}
