// The pool's stream: blocks reach the consumer in trial order whichever thread finished first,
// hold exactly the rows a whole run gives, and reuse a fixed set of buffers (two per thread), so
// memory does not grow with the trial count.
import { describe, expect, it } from "vitest";
import { optionsOf, prepareRun, runTrials } from "../../src/engine/run.ts";
import { TrialPool } from "../../src/io/pool.ts";
import { loadScenario } from "../../src/io/load.ts";

describe("TrialPool.stream", () => {
  it.each([1, 2])("delivers contiguous blocks in trial order with %i thread(s), rows equal to one in-thread run", async (threads) => {
    const scenario = await loadScenario("scenarios/gallium-germanium-2023.yaml");
    const options = optionsOf(scenario);
    const whole = runTrials(prepareRun(scenario, { options, seed: 9 }), 100, 6000);
    const pool = new TrialPool(threads);
    const firsts: number[] = [];
    const buffers = new Set<ArrayBufferLike>();
    let rows = 0;
    try {
      await pool.stream({ scenario, options, seed: 9 }, 100, 6000, (block) => {
        firsts.push(block[0]!.first);
        buffers.add(block[0]!.unmet.buffer);
        block.forEach((b, o) => {
          expect(b.first).toBe(100 + rows);
          expect(Array.from(b.unmet)).toEqual(Array.from(whole[o]!.unmet.subarray(rows, rows + b.count)));
          expect(Array.from(b.ttr)).toEqual(Array.from(whole[o]!.ttr.subarray(rows * b.nScored, (rows + b.count) * b.nScored)));
        });
        rows += block[0]!.count;
      });
    } finally {
      await pool.close();
    }
    expect(rows).toBe(6000);
    // blocks of max(500, ⌈6000 / (4 × threads)⌉) trials: 1500 (one thread) or 750 (two)
    const block = Math.max(500, Math.ceil(6000 / (4 * threads)));
    expect(firsts).toEqual(Array.from({ length: 6000 / block }, (_, i) => 100 + i * block));
    // two buffers per thread at most, although 4 (one thread) or 8 (two) blocks went by
    expect(buffers.size).toBeLessThanOrEqual(2 * threads);
  });
});
