// CVaR from a stream of losses in bounded memory, exactly as cvar.ts computes it from the whole
// array: only the values that can still be among the worst ⌊k⌋ + 1 are kept, with their trial
// rows, and the standard errors are replayed in trial order from them (every other trial's
// influence value is one constant). Memory is O(p·N) instead of O(N).
import { type CvarTail, influenceAt, tailCount } from "./cvar.ts";
import { selectLargestInPlace } from "./select.ts";
import { Welford } from "./welford.ts";

/** A finished tail: the estimate and the rows (ascending) and values of the losses above VaR. */
export interface StreamTail {
  tail: CvarTail;
  n: number;
  /** rows whose loss exceeds the VaR q, ascending */
  rows: Uint32Array;
  values: Float64Array;
}

/**
 * Keeps the ⌊k⌋ + 1 largest of N losses pushed in row order (k = p·N as in {@link cvarTail}).
 * Why that is enough: q is the (⌊k⌋ + 1)-th largest loss, and every loss above q is among the
 * ⌊k⌋ + 1 largest; which of several losses equal to the threshold is kept changes neither q nor
 * any sum, since equal losses contribute (U − q)⁺ = 0.
 */
export class TailKeeper {
  readonly n: number;
  readonly k: number;
  private readonly keep: number;
  private values: Float64Array;
  /** row numbers below 2^32 (a run is far shorter) */
  private rows: Uint32Array;
  private size = 0;
  private seen = 0;
  private nan = false;
  private finished = false;
  /** once `keep` losses ≥ threshold are held, a loss ≤ threshold can no longer exceed q */
  private threshold = Number.NEGATIVE_INFINITY;

  /** @throws RangeError if p is not in (0, 1]. */
  constructor(n: number, p: number) {
    if (!(p > 0 && p <= 1)) throw new RangeError(`CVaR tail probability must be in (0, 1], got ${p}`);
    this.n = n;
    this.k = tailCount(p, n);
    this.keep = n === 0 ? 0 : Math.min(Math.floor(this.k), n - 1) + 1;
    // room for a quarter more than it keeps: a compaction every keep/4 admissions (about a dozen
    // over a whole run, since only ~keep·ln(N/keep) losses are ever admitted)
    const cap = this.keep + Math.max(this.keep >> 2, 16);
    this.values = new Float64Array(cap);
    this.rows = new Uint32Array(cap);
  }

  /** Losses held now: at most (⌊k⌋ + 1) plus a quarter (16 at least), whatever N. */
  get held(): number {
    return this.size;
  }

  /** The loss of the next row (rows are numbered 0, 1, … in push order). */
  push(x: number): void {
    const row = this.seen++;
    if (Number.isNaN(x)) {
      this.nan = true;
      return;
    }
    if (x <= this.threshold) return;
    if (this.size === this.values.length) {
      this.compact();
      if (x <= this.threshold) return;
    }
    this.values[this.size] = x;
    this.rows[this.size++] = row;
  }

  /**
   * Shrinks the buffer to the `keep` largest, in place (no copy): selection with the rows moved
   * alongside leaves them in the last `keep` places, every value above the keep-th largest among
   * them; they move to the front.
   */
  private compact(): void {
    const n = this.size;
    this.threshold = selectLargestInPlace(this.values.subarray(0, n), this.keep - 1, this.rows.subarray(0, n));
    this.values.copyWithin(0, n - this.keep, n);
    this.rows.copyWithin(0, n - this.keep, n);
    this.size = this.keep;
  }

  /**
   * CVaR_p exactly as {@link cvarTail} gives it for the N losses, with the losses above VaR in row
   * order; the buffer is released, so it is called once. @throws Error if fewer or more than N
   * losses were pushed, or on a second call.
   */
  finish(): StreamTail {
    if (this.seen !== this.n) throw new Error(`internal: the tail expected ${this.n} losses, got ${this.seen}`);
    if (this.finished) throw new Error("internal: a tail is finished once");
    this.finished = true;
    const none = { n: this.n, rows: new Uint32Array(0), values: new Float64Array(0) };
    if (this.n === 0 || this.nan) return { tail: { value: Number.NaN, var: Number.NaN, k: this.k }, ...none };
    const held = this.values;
    const heldRows = this.rows;
    const q = selectLargestInPlace(held.subarray(0, this.size), this.keep - 1, heldRows.subarray(0, this.size));
    // the losses above q move to the front, then into row order through a permutation (typed
    // arrays only: no array of a million boxed numbers at the end of a long run)
    let m = 0;
    for (let i = 0; i < this.size; i++) {
      if (held[i]! - q > 0) {
        held[m] = held[i]!;
        heldRows[m++] = heldRows[i]!;
      }
    }
    const order = new Uint32Array(m);
    for (let i = 0; i < m; i++) order[i] = i;
    order.sort((a, b) => heldRows[a]! - heldRows[b]!);
    const rows = new Uint32Array(m);
    const values = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      rows[i] = heldRows[order[i]!]!;
      values[i] = held[order[i]!]!;
    }
    // the buffer is not needed any more: free it before the next option's tail is finished
    this.values = new Float64Array(0);
    this.rows = new Uint32Array(0);
    this.size = 0;
    // the same additions as cvarTail's loop over every row: the rows at or below q add nothing
    let excess = 0;
    for (let i = 0; i < values.length; i++) excess += values[i]! - q;
    return { tail: { value: q + excess / this.k, var: q, k: this.k }, n: this.n, rows, values };
  }
}

/** The standard error of CVaR, sd(IF(U_i))/√N, replayed in row order as cvar() computes it. */
export function tailStdError(t: StreamTail): number {
  if (!(t.tail.k >= 1)) return Number.NaN;
  const acc = new Welford();
  const rest = influenceAt(t.tail.var, t.tail, t.n);
  let j = 0;
  for (let i = 0; i < t.n; i++) {
    if (j < t.rows.length && t.rows[j] === i) acc.push(influenceAt(t.values[j++]!, t.tail, t.n));
    else acc.push(rest);
  }
  return acc.stdError();
}

/** The paired standard error sd(IF_a(a_i) − IF_b(b_i))/√N of CVaR(a) − CVaR(b), as pairedCvarDiff. */
export function pairedTailStdError(a: StreamTail, b: StreamTail): number {
  if (a.n !== b.n) throw new RangeError(`paired samples differ in length: ${a.n} vs ${b.n}`);
  if (!(a.tail.k >= 1)) return Number.NaN;
  const acc = new Welford();
  const restA = influenceAt(a.tail.var, a.tail, a.n);
  const restB = influenceAt(b.tail.var, b.tail, b.n);
  let ja = 0;
  let jb = 0;
  for (let i = 0; i < a.n; i++) {
    const x = ja < a.rows.length && a.rows[ja] === i ? influenceAt(a.values[ja++]!, a.tail, a.n) : restA;
    const y = jb < b.rows.length && b.rows[jb] === i ? influenceAt(b.values[jb++]!, b.tail, b.n) : restB;
    acc.push(x - y);
  }
  return acc.stdError();
}
