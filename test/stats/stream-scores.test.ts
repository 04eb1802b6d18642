// The streaming scorer must give bit for bit what the whole-array estimators give (meanCi, cvar,
// pairedMeanDiff, pairedCvarDiff: the independent method, which sorts nothing but selects on a
// full copy), whatever the blocks the trials arrive in, with ties (most trials lose nothing).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cvar } from "../../src/stats/cvar.ts";
import { pairedCvarDiff, pairedMeanDiff } from "../../src/stats/paired-diff.ts";
import { type OptionTrials, TAIL, TrialScorer } from "../../src/stats/score-options.ts";
import { TailKeeper } from "../../src/stats/tail.ts";
import { meanCi } from "../../src/stats/welford.ts";

/** A loss: 0 most of the time, a few repeated values, or a fresh one. */
const loss = fc.oneof(
  { weight: 6, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.constantFrom(0.25, 0.5, 1) },
  { weight: 3, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
);

function optionOf(id: string, unmet: number[]): OptionTrials {
  const n = unmet.length;
  // one scored good equal to U; time to recover NaN where nothing was lost
  return { id, cost: id === "baseline" ? 0 : 2, unmet: Float64Array.from(unmet), unmetGood: Float64Array.from(unmet), ttr: Float64Array.from(unmet, (u) => (u > 0 ? 3 : Number.NaN)).subarray(0, n) };
}

/** Feeds the options to a scorer in blocks of the given sizes (cycled). */
function streamed(options: OptionTrials[], blocks: number[]) {
  const n = options[0]!.unmet.length;
  const scorer = new TrialScorer(options, 1, n);
  let at = 0;
  for (let b = 0; at < n; b++) {
    const size = Math.min(blocks[b % blocks.length]!, n - at);
    scorer.add(options.map((o) => ({ unmet: o.unmet.subarray(at, at + size), unmetGood: o.unmetGood.subarray(at, at + size), ttr: o.ttr.subarray(at, at + size) })));
    at += size;
  }
  return scorer.finish(["x"]);
}

describe("TrialScorer", () => {
  it("equals the whole-array estimators bit for bit, for any blocks", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 900 }).chain((n) => fc.tuple(fc.array(loss, { minLength: n, maxLength: n }), fc.array(loss, { minLength: n, maxLength: n }))),
        fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 5 }),
        ([a, b], blocks) => {
          const base = optionOf("baseline", a);
          const other = optionOf("o", b);
          const [sBase, sOther] = streamed([base, other], blocks);
          const m = meanCi(other.unmet);
          expect(sOther!.expected.value).toBe(100 * m.mean);
          const r = cvar(other.unmet, TAIL);
          expect(sOther!.risk.value).toBe(100 * r.value);
          if (TAIL * a.length >= 20) {
            expect(sOther!.risk.ci95).toEqual([Math.min(100, Math.max(0, 100 * r.ci95[0])), Math.min(100, Math.max(0, 100 * r.ci95[1]))]);
          }
          const dr = pairedCvarDiff(other.unmet, base.unmet, TAIL);
          expect(sOther!.vsBaseline.risk.diff).toBe(100 * dr.diff);
          if (TAIL * a.length >= 20) expect(sOther!.vsBaseline.risk.ci95[0]).toBe(Math.max(-100, 100 * dr.ci95[0]));
          const dm = pairedMeanDiff(other.unmet, base.unmet);
          expect(sOther!.vsBaseline.expected.ci95[1]).toBe(Math.min(100, 100 * dm.ci95[1]));
          expect(sBase!.risk.value).toBe(100 * cvar(base.unmet, TAIL).value);
          // the good's mean of U_g (= U here) in trial order, its shortfall share
          let sum = 0;
          for (const u of b) sum += u;
          expect(sOther!.goods.x!.unmet).toBe(sum / b.length);
          expect(sOther!.goods.x!.pShort).toBe(b.filter((u) => u > 0).length / b.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("holds at most 1.25(⌊pN⌋ + 1) losses whatever N, and still finds the exact CVaR", () => {
    // N = 100 000, p = 0.05: ⌊k⌋ + 1 = 5 001 kept of 100 000 (a 20th)
    const n = 100_000;
    const keeper = new TailKeeper(n, 0.05);
    const values = new Float64Array(n);
    let x = 12345;
    let most = 0;
    for (let i = 0; i < n; i++) {
      x = (x * 1103515245 + 12345) % 2147483648; // a plain LCG, independent of the engine's streams
      values[i] = i % 3 === 0 ? 0 : x / 2147483648;
      keeper.push(values[i]!);
      most = Math.max(most, keeper.held);
    }
    // 5 001 kept plus a quarter of room: 5 001 + 1 250 = 6 251, an eighth of a whole-array copy's 10^5
    expect(most).toBeLessThanOrEqual(5001 + 1250);
    const t = keeper.finish();
    expect(t.tail.value).toBe(cvar(values, 0.05).value);
    expect(t.tail.var).toBe(cvar(values, 0.05).var);
  });

  it("refuses a short or long stream (a lost block would be a silent wrong number)", () => {
    const scorer = new TrialScorer([{ id: "baseline", cost: 0 }], 1, 3);
    scorer.add([{ unmet: Float64Array.of(0, 1), unmetGood: Float64Array.of(0, 1), ttr: Float64Array.of(Number.NaN, 1) }]);
    expect(() => scorer.finish(["x"])).toThrow(/2 of 3 trials/);
    expect(() => scorer.add([{ unmet: Float64Array.of(0, 1), unmetGood: Float64Array.of(0, 1), ttr: Float64Array.of(1, 1) }])).toThrow(/more than the 3/);
  });
});
