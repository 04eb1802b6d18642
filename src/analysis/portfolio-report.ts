// The result of `chokepoint portfolio`: the chosen set, the frontier, the marginal value of budget
// and the best single policy per unit cost, each with its paired difference from doing nothing per
// threat and over all threats, and a plain-language summary.
import type { Objective } from "./compare.ts";
import { type Diff, nationalDiff, type PortfolioSearch, perCost, type ScoredSet, type SearchMethod } from "./portfolio.ts";

/** A set of candidates as reported: national score and per-threat scores, each with its difference from doing nothing. */
export interface PortfolioSet {
  ids: string[];
  cost: number;
  /** Σ weight × the threat's score, in points */
  value: number;
  vsNothing: Diff;
  threats: { file: string; value: number; vsNothing: Diff }[];
}

export interface PortfolioReport {
  name: string;
  home: string;
  objective: Objective;
  currency: string;
  budget: number | null;
  method: SearchMethod;
  /** candidate sets scored by the search */
  evaluated: number;
  threats: { file: string; name: string; weight: number; trials: number; seed: number }[];
  candidates: { id: string; cost: number; policies: string[] }[];
  nothing: PortfolioSet;
  chosen: PortfolioSet | null;
  frontier: PortfolioSet[];
  marginal: { perUnit: number; nextCost: number; nextValue: number; next: string[] } | null;
  singles: Array<PortfolioSet & { perCost: Diff | null }>;
  /** the single candidate that removes the most national score per unit cost */
  bestPerCost: { id: string; cost: number; perCost: Diff; vsNothing: Diff } | null;
  summary: string;
}

/** Per threat, a set's score and its paired difference from doing nothing (computed by the caller on common random numbers). */
export type ThreatScores = (members: readonly number[]) => { value: number; vsNothing: Diff }[];

export interface PortfolioContext {
  name: string;
  home: string;
  objective: Objective;
  currency: string;
  budget: number | null;
  threats: PortfolioReport["threats"];
  candidates: PortfolioReport["candidates"];
}

/** Assembles the report from the search and the detailed scores of the sets it names. */
export function makePortfolioReport(ctx: PortfolioContext, search: PortfolioSearch, scores: ThreatScores): PortfolioReport {
  const set = (s: ScoredSet): PortfolioSet => {
    const perThreat = scores(s.members);
    return {
      ids: s.members.map((m) => ctx.candidates[m]!.id),
      cost: s.cost,
      value: s.value,
      vsNothing: nationalDiff(perThreat.map((t, i) => ({ weight: ctx.threats[i]!.weight, diff: t.vsNothing }))),
      threats: perThreat.map((t, i) => ({ file: ctx.threats[i]!.file, ...t })),
    };
  };
  const singles = ctx.candidates.map((c, i) => {
    const s = set({ members: [i], cost: c.cost, value: weighted(ctx, scores([i])) });
    return { ...s, perCost: perCost(s.vsNothing, c.cost) };
  });
  const ranked = singles.filter((s) => s.perCost !== null).sort((a, b) => b.perCost!.diff - a.perCost!.diff);
  const top = ranked[0];
  const report: Omit<PortfolioReport, "summary"> = {
    ...ctx,
    method: search.method,
    evaluated: search.evaluated,
    nothing: set(search.baseline),
    chosen: search.best === null ? null : set(search.best),
    frontier: search.frontier.map(set),
    marginal: search.marginal === null ? null : { ...search.marginal, next: search.marginal.next.map((m) => ctx.candidates[m]!.id) },
    singles,
    bestPerCost: top === undefined ? null : { id: top.ids[0]!, cost: top.cost, perCost: top.perCost!, vsNothing: top.vsNothing },
  };
  return { ...report, summary: summarisePortfolio(report) };
}

function weighted(ctx: PortfolioContext, perThreat: readonly { value: number }[]): number {
  return perThreat.reduce((s, t, i) => s + ctx.threats[i]!.weight * t.value, 0);
}

const f1 = (x: number): string => x.toFixed(2);
const interval = (d: Diff): string => `95% CI ${f1(-d.ci95[1])} to ${f1(-d.ci95[0])}`;

/** Plain sentences: what the budget buys, how sure, what the next unit of budget would buy, and the best buy per unit cost. */
export function summarisePortfolio(r: Omit<PortfolioReport, "summary">): string {
  const money = (x: number): string => `${x}${r.currency === "units" ? "" : ` ${r.currency}`}`;
  const what = r.objective === "risk" ? "weighted tail risk" : "weighted expected shortfall";
  const parts = [`Doing nothing, the ${what} over ${r.threats.length} threats is ${f1(r.nothing.value)} points.`];
  if (r.chosen !== null && r.budget !== null) {
    const c = r.chosen;
    parts.push(
      c.ids.length === 0
        ? `Within a budget of ${money(r.budget)} no set of policies lowers it.`
        : `Within a budget of ${money(r.budget)} the best set is ${c.ids.join(" + ")} (${money(c.cost)}): ${f1(c.value)} points, ${f1(-c.vsNothing.diff)} fewer than doing nothing (${interval(c.vsNothing)}).`,
    );
    parts.push(
      r.marginal === null
        ? "More budget buys nothing more among these candidates."
        : `The next step on the frontier costs ${money(r.marginal.nextCost)} (${r.marginal.next.join(" + ")}) and removes ${r.marginal.perUnit.toPrecision(3)} points per unit of extra budget.`,
    );
  }
  const b = r.bestPerCost;
  if (b !== null) parts.push(`The single policy that buys the most per unit cost is ${b.id}: ${b.perCost.diff.toPrecision(3)} points per unit (${f1(-b.vsNothing.diff)} points for ${money(b.cost)}, ${interval(b.vsNothing)}).`);
  return parts.join(" ");
}
