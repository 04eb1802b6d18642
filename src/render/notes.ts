// The words around a table of scores, shared by run and compare: the legend, the per-cost
// header, the options with no effect at all, the summary one sentence per line.
import { MIN_TAIL_TRIALS, type OptionScore, TAIL } from "../stats/score-options.ts";

/** The three-line legend under every table of scores: what autonomy, the objective and points per cost mean. */
export function legendLines(objective: "risk" | "expected", currency: string): string[] {
  const money = currency === "units" || currency === "" ? "unit of cost" : currency;
  return [
    "autonomy = 100 × (1 − mean unmet share of the home's demand); higher is better",
    objective === "risk"
      ? "risk (CVaR95) = 100 × mean unmet share, worst 5% of trials; lower is better"
      : "expected = 100 × mean unmet share over all trials; lower is better",
    `points/${currency === "units" || currency === "" ? "cost" : currency} = ${objective === "risk" ? "risk" : "expected"} points removed vs baseline per ${money} spent`,
  ];
}

/** The header of a per-cost column: `points/USD million`, or `points/cost` without a currency. */
export const perCostHeader = (currency: string): string => `points/${currency === "units" || currency === "" ? "cost" : currency}`;

/** An option that scores exactly as baseline in every trial: its paired difference is 0 with zero spread. */
export const noEffect = (o: OptionScore): boolean =>
  o.id !== "baseline" && o.vsBaseline.expected.diff === 0 && o.vsBaseline.expected.ci95[0] === 0 && o.vsBaseline.expected.ci95[1] === 0;

/** The note naming the options with no effect at all, and why: which goods never fell short. */
export function noEffectNote(options: readonly OptionScore[]): string | undefined {
  const none = options.filter(noEffect).map((o) => o.id);
  const base = options.find((o) => o.id === "baseline");
  if (none.length === 0 || base === undefined) return undefined;
  const calm = Object.entries(base.goods).filter(([, g]) => g.pShort === 0).map(([id]) => id);
  const why =
    calm.length === 0
      ? "the shocks never reach what they change"
      : `under baseline ${calm.join(", ")} never fell short in any trial, so a policy that protects only ${calm.length === 1 ? "it" : "them"} cannot help`;
  return `no effect: ${none.join(", ")} score exactly as baseline in every trial; ${why}`;
}

/** A plain-language summary, one sentence per line. */
export function summaryLines(summary: string): string[] {
  return summary
    .split("; ")
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map((s) => (/[.!?]$/.test(s) ? s : `${s}.`));
}

/** The small-N note: with fewer than 20 trials in the 5% tail, risk intervals are left out. */
export function smallSampleNote(trials: number): string | undefined {
  if (TAIL * trials >= MIN_TAIL_TRIALS) return undefined;
  return `risk intervals n/a: ${trials} trials leave fewer than ${MIN_TAIL_TRIALS} in the worst 5%, too few for the normal approximation (${MIN_TAIL_TRIALS / TAIL} trials at least)`;
}
