// Reduces per-trial results of every option to the scores of MODEL §5: autonomy, risk (CVaR95),
// expected shortfall, paired differences from baseline, and per-good summaries.
import { cvar } from "./cvar.ts";
import type { Interval } from "./normal-ci.ts";
import { pairedCvarDiff, pairedMeanDiff } from "./paired-diff.ts";
import { meanCi } from "./welford.ts";
import { wilson } from "./wilson.ts";

/** Per-trial results of one option over all trials (row i = trial i). */
export interface OptionTrials {
  id: string;
  cost: number;
  unmet: Float64Array;
  /** [i * nScored + h] */
  unmetGood: Float64Array;
  /** [i * nScored + h]; NaN where the good never fell short */
  ttr: Float64Array;
}

export interface GoodScore {
  /** mean U_g */
  unmet: number;
  /** P(U_g > 0.1) */
  pShortfall10: number;
  pShortfall10Ci95: Interval;
  /** mean time to recover over trials in which the good fell short; null if it never did */
  ttr: number | null;
  /** share of trials in which the good fell short at all */
  pShort: number;
}

export interface OptionScore {
  id: string;
  cost: number;
  /** 100 × (1 − mean U) */
  autonomy: { mean: number; ci95: Interval };
  /** 100 × CVaR95(U) */
  risk: { value: number; ci95: Interval };
  /** 100 × mean U */
  expected: { value: number; ci95: Interval };
  /** option − baseline on the same trials (common random numbers) */
  vsBaseline: {
    autonomy: { diff: number; ci95: Interval };
    risk: { diff: number; ci95: Interval };
    expected: { diff: number; ci95: Interval };
  };
  goods: Record<string, GoodScore>;
  /** risk points removed per unit of cost (−Δrisk / cost); null for a free option */
  perCost: number | null;
}

/** Pairs each option's id and cost with its per-trial results (same order). */
export function optionTrialsOf(
  options: readonly { id: string; cost: number }[],
  results: readonly { unmet: Float64Array; unmetGood: Float64Array; ttr: Float64Array }[],
): OptionTrials[] {
  return options.map((o, i) => {
    const r = results[i];
    if (r === undefined) throw new Error(`no results for option '${o.id}'`);
    return { id: o.id, cost: o.cost, unmet: r.unmet, unmetGood: r.unmetGood, ttr: r.ttr };
  });
}

/** CVaR tail probability of the risk score. */
export const TAIL = 0.05;

/**
 * The small-N rule: fewer than this many trials in the 5% tail (N < 400) and the normal
 * approximation of CVaR's interval is not trusted, so risk intervals are left out (NaN; `n/a` in
 * tables, null in JSON). Reference: Manistre & Hancock 2005 (the influence-function interval is
 * asymptotic in the tail count).
 */
export const MIN_TAIL_TRIALS = 20;

const pct = (x: number): number => 100 * x;
/** An interval of shares in points, clipped to the possible range [lo, hi] of the score. */
const pctInterval = ([lo, hi]: Interval, range: Interval = [0, 100]): Interval => [clip(100 * lo, range), clip(100 * hi, range)];
const clip = (x: number, [lo, hi]: Interval): number => (x < lo ? lo : x > hi ? hi : x);
/** A difference of two scores in [0, 100] lies in [−100, 100]. */
const DIFF: Interval = [-100, 100];
const NO_INTERVAL: Interval = [Number.NaN, Number.NaN];

/**
 * Scores every option; `options[0]` must be the baseline. Every interval is clipped to the range
 * its score can take (autonomy, risk and expected in [0, 100], differences in [−100, 100]); risk
 * intervals need {@link MIN_TAIL_TRIALS} tail trials.
 */
export function scoreOptions(options: readonly OptionTrials[], scoredGoods: readonly string[]): OptionScore[] {
  const base = options[0];
  if (base === undefined) return [];
  const tailOk = TAIL * base.unmet.length >= MIN_TAIL_TRIALS;
  return options.map((o) => {
    const m = meanCi(o.unmet);
    const r = cvar(o.unmet, TAIL);
    const dMean = pairedMeanDiff(o.unmet, base.unmet);
    const dRisk = pairedCvarDiff(o.unmet, base.unmet, TAIL);
    const expected = pctInterval(m.ci95);
    const expectedDiff = pctInterval(dMean.ci95, DIFF);
    return {
      id: o.id,
      cost: o.cost,
      autonomy: { mean: 100 - pct(m.mean), ci95: [100 - expected[1], 100 - expected[0]] },
      risk: { value: pct(r.value), ci95: tailOk ? pctInterval(r.ci95) : NO_INTERVAL },
      expected: { value: pct(m.mean), ci95: expected },
      vsBaseline: {
        autonomy: { diff: -pct(dMean.diff), ci95: [-expectedDiff[1], -expectedDiff[0]] },
        risk: { diff: pct(dRisk.diff), ci95: tailOk ? pctInterval(dRisk.ci95, DIFF) : NO_INTERVAL },
        expected: { diff: pct(dMean.diff), ci95: expectedDiff },
      },
      goods: scoreGoods(o, scoredGoods),
      perCost: o.cost > 0 ? -pct(dRisk.diff) / o.cost : null,
    };
  });
}

function scoreGoods(o: OptionTrials, scoredGoods: readonly string[]): Record<string, GoodScore> {
  const n = o.unmet.length;
  const nS = scoredGoods.length;
  const out: Record<string, GoodScore> = {};
  scoredGoods.forEach((id, h) => {
    let sum = 0;
    let over = 0;
    let short = 0;
    let ttrSum = 0;
    for (let i = 0; i < n; i++) {
      const u = o.unmetGood[i * nS + h]!;
      sum += u;
      if (u > 0.1) over++;
      const t = o.ttr[i * nS + h]!;
      if (!Number.isNaN(t)) {
        short++;
        ttrSum += t;
      }
    }
    const w = wilson(over, n);
    out[id] = {
      unmet: n > 0 ? sum / n : Number.NaN,
      pShortfall10: w.p,
      pShortfall10Ci95: w.ci95,
      ttr: short > 0 ? ttrSum / short : null,
      pShort: n > 0 ? short / n : Number.NaN,
    };
  });
  return out;
}

/** Appends the trials of `more` (the next trial range) to `into`, option by option. */
export function appendTrials(into: readonly OptionTrials[], more: readonly OptionTrials[]): OptionTrials[] {
  const cat = (a: Float64Array, b: Float64Array) => {
    const out = new Float64Array(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return out;
  };
  return into.map((o, i) => {
    const m = more[i]!;
    return { ...o, unmet: cat(o.unmet, m.unmet), unmetGood: cat(o.unmetGood, m.unmetGood), ttr: cat(o.ttr, m.ttr) };
  });
}
