// Addressable random streams: trial i of seed s always draws the same numbers, whatever runs it.
// Reference: seedrandom's `alea` (Baagøe), seeded by a string key; never Math.random.
import seedrandom from "seedrandom";

/** A source of uniforms in [0, 1). */
export type Rng = () => number;

/** The shock stream of trial `trial` under `seed` (MODEL §6). */
export function rngFor(seed: number, trial: number): Rng {
  return seedrandom.alea(`${seed}:${trial}`);
}

/**
 * The stream of one policy's own uncertainty in one trial. Keyed by the policy id, so adding or
 * removing any policy never shifts the shock draws or another policy's draws.
 */
export function policyRngFor(seed: number, trial: number, policyId: string): Rng {
  return seedrandom.alea(`${seed}:${trial}:policy:${policyId}`);
}

const TWO_M32 = 2.3283064365386963e-10; // 2^-32

/** One step of Baagøe's Mash over a UTF-16 code unit: the same arithmetic as seedrandom's. */
function mashStep(n: number, code: number): number {
  n += code;
  let h = 0.02519603282416938 * n;
  n = h >>> 0;
  h -= n;
  h *= n;
  n = h >>> 0;
  h -= n;
  return n + h * 0x100000000;
}

function mashText(n: number, text: string): number {
  for (let i = 0; i < text.length; i++) n = mashStep(n, text.charCodeAt(i));
  return n;
}

function wholeTrial(trial: number): void {
  if (!Number.isSafeInteger(trial) || trial < 0) throw new Error(`internal: trial ${trial} is not a whole number`);
}

const DIGITS = new Uint8Array(16);

/** Folds the decimal digits of a whole number 0 ≤ x < 2^53, as `String(x)` spells them. */
function mashDigits(n: number, x: number): number {
  let len = 0;
  do {
    const digit = x % 10;
    DIGITS[len++] = digit;
    x = (x - digit) / 10;
  } while (x > 0);
  while (len > 0) n = mashStep(n, 48 + DIGITS[--len]!);
  return n;
}

// Alea's seeding hashes " " three times before the key; that prefix never depends on the key.
const SPACE = { n: 0, s: [0, 0, 0] };
{
  let n = 0xefc8249d;
  for (let i = 0; i < 3; i++) {
    n = mashStep(n, 32);
    SPACE.s[i] = (n >>> 0) * TWO_M32;
  }
  SPACE.n = n;
}

/**
 * The streams of `rngFor` and `policyRngFor`, drawn without allocating: one generator re-seeded in
 * place for each trial, bit for bit the numbers of seedrandom's `alea` under the same keys. The
 * trial loop re-seeds millions of times; a fresh seedrandom generator per trial allocated a few
 * closures each time, garbage that grew the heap over long runs.
 */
export class TrialStreams {
  private readonly prefix: string;
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private c = 1;
  /** The shock stream of the trial last passed to `shocks` (one function, reused). */
  readonly next: Rng = () => {
    const t = 2091639 * this.s0 + this.c * TWO_M32;
    this.s0 = this.s1;
    this.s1 = this.s2;
    return (this.s2 = t - (this.c = t | 0));
  };

  constructor(seed: number) {
    this.prefix = `${seed}:`;
  }

  /** Re-seeds to `rngFor(seed, trial)` and returns the stream. `trial` is a whole number ≥ 0. */
  shocks(trial: number): Rng {
    wholeTrial(trial);
    this.seedWith(trial, "", "");
    return this.next;
  }

  /** The first uniform of `policyRngFor(seed, trial, policyId)`. Leaves the shock stream re-seeded. */
  policyDraw(trial: number, policyId: string): number {
    wholeTrial(trial);
    this.seedWith(trial, ":policy:", policyId);
    return this.next();
  }

  /** Alea's seeding with key `${seed}:${trial}${infix}${tail}`, hashed three times in a row. */
  private seedWith(trial: number, infix: string, tail: string): void {
    let n = SPACE.n;
    let s0 = SPACE.s[0]!;
    let s1 = SPACE.s[1]!;
    let s2 = SPACE.s[2]!;
    for (let k = 0; k < 3; k++) {
      n = mashText(n, this.prefix);
      n = mashDigits(n, trial);
      n = mashText(mashText(n, infix), tail);
      const m = (n >>> 0) * TWO_M32;
      if (k === 0) s0 -= m;
      else if (k === 1) s1 -= m;
      else s2 -= m;
    }
    this.s0 = s0 < 0 ? s0 + 1 : s0;
    this.s1 = s1 < 0 ? s1 + 1 : s1;
    this.s2 = s2 < 0 ? s2 + 1 : s2;
    this.c = 1;
  }
}
