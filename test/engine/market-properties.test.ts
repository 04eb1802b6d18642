// Properties of the market mechanisms on random small worlds (fast-check): supply response and
// refill only add supply, so they never raise the home's mean unmet share; the price index is
// never below 1 (so ≥ 1 whenever the world is short) and is exactly 1 without shocks; bands are
// ordered p5 ≤ p50 ≤ p95.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prepareRun, runTrials } from "../../src/engine/run.ts";
import { traceTrials } from "../../src/engine/trace.ts";
import type { NetworkInput, ScenarioInput, ShockInput } from "../../src/scenario/schema.ts";
import { bandsOf } from "../../src/stats/bands.ts";
import { scenarioOf } from "./builders.ts";
import { networkOf, shockArb, uniqueIds, world } from "./random-world.ts";

type Market = NonNullable<ScenarioInput["markets"]>[string];
const TRIALS = 8;
const HORIZON = 8;

function meanUnmet(network: NetworkInput, shocks: ShockInput[], market?: Market): number {
  const scenario = scenarioOf(network, { home: "H", horizon: HORIZON, shocks, ...(market ? { markets: { x: market } } : {}) });
  const [base] = runTrials(prepareRun(scenario), 0, TRIALS);
  return base!.unmet.reduce((a, b) => a + b, 0) / TRIALS;
}

const supplyArb = fc.record({
  supplyLag: fc.integer({ min: 0, max: 3 }),
  supplyRate: fc.double({ min: 0.01, max: 0.5, noNaN: true }),
  supplyCeiling: fc.double({ min: 0.01, max: 1, noNaN: true }),
});

describe("market properties", () => {
  it("supply response never raises the home's mean unmet share (home the only consumer)", () => {
    // With a second short consumer, more spare can lower the home's share of one rationing round
    // (properties.test.ts, regression); with the home alone, more spare only adds.
    fc.assert(
      fc.property(world, fc.array(shockArb, { maxLength: 3 }), supplyArb, (w, shocks, market) => {
        const net = networkOf({ ...w, other: w.other.map(() => 0) });
        const s = uniqueIds(shocks);
        expect(meanUnmet(net, s, market)).toBeLessThanOrEqual(meanUnmet(net, s) + 1e-12);
      }),
      { numRuns: 60 },
    );
  });

  it("stock refill never raises the home's mean unmet share", () => {
    fc.assert(
      fc.property(world, fc.array(shockArb, { maxLength: 3 }), fc.integer({ min: 1, max: 4 }), (w, shocks, refillPeriods) => {
        const net = networkOf(w);
        const s = uniqueIds(shocks);
        expect(meanUnmet(net, s, { refillPeriods })).toBeLessThanOrEqual(meanUnmet(net, s) + 1e-12);
      }),
      { numRuns: 60 },
    );
  });

  const priceArb = fc.record({
    priceElasticity: fc.double({ min: 0.05, max: 3, noNaN: true }),
    priceCap: fc.double({ min: 1, max: 20, noNaN: true }),
    priceAdjust: fc.double({ min: 0.05, max: 1, noNaN: true }),
    demandElasticity: fc.double({ min: 0, max: 1, noNaN: true }),
  });

  it("the price index is ≥ 1 in every period, and exactly 1 without shocks", () => {
    fc.assert(
      fc.property(world, fc.array(shockArb, { maxLength: 3 }), priceArb, (w, shocks, market) => {
        const price = (s: ShockInput[]) => {
          const scenario = scenarioOf(networkOf(w), { home: "H", horizon: HORIZON, shocks: s, markets: { x: market } });
          return traceTrials(prepareRun(scenario), [{ measure: "price", good: "x" }], 0, TRIALS).values;
        };
        for (const p of price(uniqueIds(shocks))) expect(p).toBeGreaterThanOrEqual(1);
        for (const p of price([])) expect(p).toBe(1);
      }),
      { numRuns: 40 },
    );
  });

  it("bands are ordered p5 ≤ p50 ≤ p95 and lie within the sample's range", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.float({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 480, maxLength: 480 }),
        (count, nSeries, horizon, pool) => {
          const values = Float32Array.from(pool.slice(0, count * nSeries * horizon));
          for (const row of bandsOf(values, { count, nSeries, horizon })) {
            for (const b of row) {
              expect(b.p5).toBeLessThanOrEqual(b.p50);
              expect(b.p50).toBeLessThanOrEqual(b.p95);
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
