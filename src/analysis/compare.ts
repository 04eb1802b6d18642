// Compares policy options on one set of trials: ranking by the objective, paired significance
// against baseline and against the option ranked just above, the cost–risk efficient frontier,
// cost-effectiveness and a plain-language summary.
import type { Interval } from "../stats/normal-ci.ts";
import { type DiffEstimate, pairedCvarDiff, pairedMeanDiff } from "../stats/paired-diff.ts";
import { type OptionScore, type OptionTrials, scoreOptions, TAIL } from "../stats/score-options.ts";

export type Objective = "risk" | "expected";

export interface ComparedOption extends OptionScore {
  /** 1 = best by the objective */
  rank: number;
  /** not dominated on (cost, objective) */
  frontier: boolean;
  /** objective points (risk or expected, by the comparison's objective) removed per unit of cost */
  significant: {
    /** the paired difference from baseline excludes 0 at 95% */
    vsBaseline: boolean;
    /** the paired difference from the option ranked just above excludes 0 (null for rank 1) */
    vsAbove: boolean | null;
    /** the paired objective difference from the option ranked just above */
    aboveDiff: { id: string; diff: number; ci95: Interval } | null;
  };
}

export interface Comparison {
  objective: Objective;
  options: ComparedOption[];
  /** ids on the efficient frontier, by increasing cost */
  frontier: string[];
  summary: string;
}

/** The option's objective value (lower is better) and its paired difference from baseline. */
export function objectiveOf(o: OptionScore, objective: Objective): { value: number; diff: { diff: number; ci95: Interval } } {
  return objective === "risk"
    ? { value: o.risk.value, diff: o.vsBaseline.risk }
    : { value: o.expected.value, diff: o.vsBaseline.expected };
}

/** Paired objective difference a − b on the same trials, as a fraction (not points), with its standard error. */
export function pairedObjectiveEstimate(a: { unmet: Float64Array }, b: { unmet: Float64Array }, objective: Objective): DiffEstimate {
  return objective === "risk" ? pairedCvarDiff(a.unmet, b.unmet, TAIL) : pairedMeanDiff(a.unmet, b.unmet);
}

/** Paired objective difference a − b on the same trials, in points. */
export function pairedObjectiveDiff(
  a: { unmet: Float64Array },
  b: { unmet: Float64Array },
  objective: Objective,
): { diff: number; ci95: Interval } {
  const d = pairedObjectiveEstimate(a, b, objective);
  return { diff: 100 * d.diff, ci95: [100 * d.ci95[0], 100 * d.ci95[1]] };
}

const excludesZero = (ci: Interval): boolean => ci[0] > 0 || ci[1] < 0;

/** Compares options; `trials[0]` is the baseline. */
export function rankOptions(
  trials: readonly OptionTrials[],
  scoredGoods: readonly string[],
  objective: Objective,
  currency = "",
): Comparison {
  const scores = scoreOptions(trials, scoredGoods);
  const order = scores
    .map((s, i) => ({ i, value: objectiveOf(s, objective).value, cost: s.cost }))
    .sort((a, b) => a.value - b.value || a.cost - b.cost || a.i - b.i);
  const rankOf = new Map(order.map((o, r) => [o.i, r + 1]));
  const frontier = efficientFrontier(scores.map((s) => ({ id: s.id, cost: s.cost, value: objectiveOf(s, objective).value })));
  const options: ComparedOption[] = scores.map((s, i) => {
    const rank = rankOf.get(i)!;
    const { diff } = objectiveOf(s, objective);
    const aboveIndex = rank > 1 ? order[rank - 2]!.i : -1;
    const aboveDiff =
      aboveIndex >= 0
        ? { id: scores[aboveIndex]!.id, ...pairedObjectiveDiff(trials[i]!, trials[aboveIndex]!, objective) }
        : null;
    return {
      ...s,
      rank,
      frontier: frontier.includes(s.id),
      perCost: s.cost > 0 ? -diff.diff / s.cost : null,
      significant: {
        vsBaseline: i === 0 ? false : excludesZero(diff.ci95),
        vsAbove: aboveDiff === null ? null : excludesZero(aboveDiff.ci95),
        aboveDiff,
      },
    };
  });
  const ranked = [...options].sort((a, b) => a.rank - b.rank);
  return { objective, options: ranked, frontier, summary: summarise(ranked, objective, currency) };
}

/**
 * Options not dominated on (cost, value): none other costs no more and scores no worse, with one
 * of the two strictly better. Returned by increasing cost.
 */
export function efficientFrontier(points: readonly { id: string; cost: number; value: number }[]): string[] {
  const kept = points.filter(
    (p) =>
      !points.some((q) => q !== p && q.cost <= p.cost && q.value <= p.value && (q.cost < p.cost || q.value < p.value)),
  );
  return kept.sort((a, b) => a.cost - b.cost || a.value - b.value).map((p) => p.id);
}

function fmt(x: number): string {
  return x.toFixed(1);
}

/** One plain sentence per option, best first: what it buys, how sure, for how much. */
export function summarise(ranked: readonly ComparedOption[], objective: Objective, currency: string): string {
  const what = objective === "risk" ? "tail risk" : "expected shortfall";
  const parts: string[] = [];
  const vague: string[] = [];
  for (const o of ranked) {
    if (o.id === "baseline") continue;
    const d = objective === "risk" ? o.vsBaseline.risk : o.vsBaseline.expected;
    if (!o.significant.vsBaseline) {
      vague.push(o.id);
      continue;
    }
    const verb = d.diff < 0 ? "cuts" : "raises";
    const [lo, hi] = [Math.abs(d.ci95[1]), Math.abs(d.ci95[0])].sort((a, b) => a - b) as [number, number];
    const cost = o.cost > 0 ? ` for ${o.cost}${currency ? ` ${currency}` : ""}` : " at no cost";
    parts.push(`${o.id} ${verb} ${what} by ${fmt(Math.abs(d.diff))} points (95% CI ${fmt(lo)}–${fmt(hi)})${cost}`);
  }
  if (vague.length > 0) {
    parts.push(`${vague.join(", ")} ${vague.length === 1 ? "is" : "are"} not distinguishable from baseline`);
  }
  return parts.length > 0 ? `${parts.join("; ")}.` : "No option to compare: the scenario defines none.";
}
