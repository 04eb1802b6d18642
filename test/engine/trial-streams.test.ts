// The in-place trial streams against the reference: seedrandom's alea under the same string keys.
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { TrialStreams } from "../../src/engine/rng.ts";

const draws = (rng: () => number, k: number): number[] => Array.from({ length: k }, () => rng());

describe("TrialStreams", () => {
  const seeds = [0, 1, 7, 42, 2024, 123456789, 2 ** 31 - 1, 2 ** 53 - 1];
  const trials = [0, 1, 9, 10, 99, 100, 101, 999_999, 1_000_000, 4_294_967_296, 2 ** 53 - 1];

  it("re-seeded for a trial, draws exactly seedrandom.alea(`${seed}:${trial}`)", () => {
    for (const seed of seeds) {
      const streams = new TrialStreams(seed);
      for (const trial of trials) {
        const expected = draws(seedrandom.alea(`${seed}:${trial}`), 40);
        expect(draws(streams.shocks(trial), 40), `${seed}:${trial}`).toEqual(expected);
      }
    }
  });

  it("a policy's first draw is seedrandom.alea(`${seed}:${trial}:policy:${id}`)'s first", () => {
    const ids = ["a", "stockpile", "recycling-ga", "ünïcode-策", ""];
    for (const seed of seeds.slice(0, 5)) {
      const streams = new TrialStreams(seed);
      for (const trial of trials) {
        for (const id of ids) {
          const expected = seedrandom.alea(`${seed}:${trial}:policy:${id}`)();
          expect(streams.policyDraw(trial, id), `${seed}:${trial}:${id}`).toBe(expected);
        }
      }
    }
  });

  it("interleaving policy draws and re-seeding leaves each trial's shock stream unchanged", () => {
    const streams = new TrialStreams(3);
    for (let trial = 0; trial < 2000; trial += 37) {
      streams.policyDraw(trial, "p");
      const rng = streams.shocks(trial);
      rng();
      expect(streams.shocks(trial)()).toBe(seedrandom.alea(`3:${trial}`)());
    }
  });

  it("refuses a trial that is not a whole number", () => {
    const streams = new TrialStreams(1);
    expect(() => streams.shocks(1.5)).toThrow(/whole number/);
    expect(() => streams.shocks(-1)).toThrow(/whole number/);
  });
});
