// Reduces per-trial results of every option to the scores of MODEL §5: autonomy, risk (CVaR95),
// expected shortfall, paired differences from baseline, and per-good summaries.
import { type Interval, normalInterval, Z95 } from "./normal-ci.ts";
import { pairedTailStdError, TailKeeper, tailStdError } from "./tail.ts";
import { Welford } from "./welford.ts";
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
 * intervals need {@link MIN_TAIL_TRIALS} tail trials. The same numbers as {@link TrialScorer} fed
 * the trials in any blocks.
 */
export function scoreOptions(options: readonly OptionTrials[], scoredGoods: readonly string[]): OptionScore[] {
  const base = options[0];
  if (base === undefined) return [];
  const scorer = new TrialScorer(options, scoredGoods.length, base.unmet.length);
  scorer.add(options);
  return scorer.finish(scoredGoods);
}

/** One block of rows of every option, in option order (the rows of the next trials). */
export type TrialRows = readonly { unmet: Float64Array; unmetGood: Float64Array; ttr: Float64Array }[];

/** What one option's scores accumulate, row by row in trial order. */
class OptionStream {
  readonly mean = new Welford();
  /** U − U_baseline on the same trial */
  readonly diff = new Welford();
  readonly tail: TailKeeper;
  readonly goodSum: Float64Array;
  readonly goodOver: Float64Array;
  readonly goodShort: Float64Array;
  readonly goodTtr: Float64Array;
  constructor(n: number, nScored: number) {
    this.tail = new TailKeeper(n, TAIL);
    this.goodSum = new Float64Array(nScored);
    this.goodOver = new Float64Array(nScored);
    this.goodShort = new Float64Array(nScored);
    this.goodTtr = new Float64Array(nScored);
  }
}

/**
 * The scores of MODEL §5 from trials streamed in blocks (trial order), in memory that does not
 * grow with the trial count except for the CVaR tail (p·N losses per option): running means and
 * paired differences (Welford), per-good counts, and {@link TailKeeper}. Bit for bit the numbers
 * that the whole-array estimators (meanCi, cvar, pairedMeanDiff, pairedCvarDiff) give.
 */
export class TrialScorer {
  private readonly options: readonly { id: string; cost: number }[];
  private readonly nScored: number;
  private readonly total: number;
  private readonly streams: OptionStream[];
  private rows = 0;

  /** `options[0]` is the baseline; `total` trials will be added. */
  constructor(options: readonly { id: string; cost: number }[], nScored: number, total: number) {
    this.options = options.map((o) => ({ id: o.id, cost: o.cost }));
    this.nScored = nScored;
    this.total = total;
    this.streams = options.map(() => new OptionStream(total, nScored));
  }

  /** Adds the next rows of every option (option order as in the constructor). */
  add(block: TrialRows): void {
    const base = block[0];
    if (base === undefined || block.length !== this.streams.length) throw new Error(`internal: expected rows of ${this.streams.length} options`);
    const n = base.unmet.length;
    if (this.rows + n > this.total) throw new Error(`internal: more than the ${this.total} trials announced`);
    const nS = this.nScored;
    block.forEach((o, k) => {
      const st = this.streams[k]!;
      for (let i = 0; i < n; i++) {
        const u = o.unmet[i]!;
        st.mean.push(u);
        st.diff.push(u - base.unmet[i]!);
        st.tail.push(u);
      }
      for (let h = 0; h < nS; h++) {
        for (let i = 0; i < n; i++) {
          const u = o.unmetGood[i * nS + h]!;
          st.goodSum[h]! += u;
          if (u > 0.1) st.goodOver[h]!++;
          const t = o.ttr[i * nS + h]!;
          if (!Number.isNaN(t)) {
            st.goodShort[h]!++;
            st.goodTtr[h]! += t;
          }
        }
      }
    });
    this.rows += n;
  }

  /** The scores, once every announced trial was added. */
  finish(scoredGoods: readonly string[]): OptionScore[] {
    if (this.rows !== this.total) throw new Error(`internal: ${this.rows} of ${this.total} trials were scored`);
    const n = this.total;
    const tailOk = TAIL * n >= MIN_TAIL_TRIALS;
    const tails = this.streams.map((st) => st.tail.finish());
    const baseTail = tails[0]!;
    return this.options.map((o, k) => {
      const st = this.streams[k]!;
      const t = tails[k]!;
      const m = estimate(st.mean.mean, st.mean.stdError());
      const r = estimate(t.tail.value, tailStdError(t));
      const dMean = estimate(st.diff.mean, st.diff.stdError());
      const dRisk = estimate(t.tail.value - baseTail.tail.value, pairedTailStdError(t, baseTail));
      const expected = pctInterval(m.ci95);
      const expectedDiff = pctInterval(dMean.ci95, DIFF);
      return {
        id: o.id,
        cost: o.cost,
        autonomy: { mean: 100 - pct(m.value), ci95: [100 - expected[1], 100 - expected[0]] },
        risk: { value: pct(r.value), ci95: tailOk ? pctInterval(r.ci95) : NO_INTERVAL },
        expected: { value: pct(m.value), ci95: expected },
        vsBaseline: {
          autonomy: { diff: -pct(dMean.value), ci95: [-expectedDiff[1], -expectedDiff[0]] },
          risk: { diff: pct(dRisk.value), ci95: tailOk ? pctInterval(dRisk.ci95, DIFF) : NO_INTERVAL },
          expected: { diff: pct(dMean.value), ci95: expectedDiff },
        },
        goods: this.goods(st, scoredGoods),
        perCost: o.cost > 0 ? -pct(dRisk.value) / o.cost : null,
      };
    });
  }

  private goods(st: OptionStream, scoredGoods: readonly string[]): Record<string, GoodScore> {
    const n = this.total;
    const out: Record<string, GoodScore> = {};
    scoredGoods.forEach((id, h) => {
      const short = st.goodShort[h]!;
      const w = wilson(st.goodOver[h]!, n);
      out[id] = {
        unmet: n > 0 ? st.goodSum[h]! / n : Number.NaN,
        pShortfall10: w.p,
        pShortfall10Ci95: w.ci95,
        ttr: short > 0 ? st.goodTtr[h]! / short : null,
        pShort: n > 0 ? short / n : Number.NaN,
      };
    });
    return out;
  }
}

/** An estimate with its normal 95% interval, as the whole-array estimators build it. */
function estimate(value: number, se: number): { value: number; ci95: Interval } {
  return { value, ci95: normalInterval(value, se, Z95) };
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
