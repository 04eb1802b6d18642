// Stochastic behaviour with closed forms, reproducibility and common random numbers.
import { describe, expect, it } from "vitest";
import { optionsOf, prepareRun, runTrials } from "../../src/engine/run.ts";
import { runParallel } from "../../src/io/pool.ts";
import { rngFor } from "../../src/engine/rng.ts";
import { makeShockSampler, newShockDraws, sampleShocks } from "../../src/engine/sample.ts";
import { type NetworkInput, shockSchema } from "../../src/scenario/schema.ts";
import { optionTrialsOf, scoreOptions } from "../../src/stats/score-options.ts";
import { scenarioOf, twoSupplierNetwork } from "./builders.ts";

/** JP uses 100: 70 from CN, 30 from AU; nobody has spare capacity and there are no stocks. */
const noBuffers: NetworkInput = {
  countries: [
    { id: "JP", name: "Japan" },
    { id: "CN", name: "China" },
    { id: "AU", name: "Australia" },
  ],
  goods: [{ id: "x", name: "X", unit: "t", price: 3 }],
  producers: [
    { id: "cn-x", country: "CN", good: "x", capacity: 70 },
    { id: "au-x", country: "AU", good: "x", capacity: 30 },
  ],
  flows: [
    { from: "cn-x", to: "JP", volume: 70 },
    { from: "au-x", to: "JP", volume: 30 },
  ],
  demand: [{ country: "JP", good: "x", volume: 100 }],
};

describe("closed form: a 70% supplier cut entirely with probability 0.3", () => {
  // U = 0.7 in a trial where the control occurs (all periods lose 70 of 100), else 0.
  // mean U = 0.3 × 0.7 = 0.21 → autonomy 79; the worst 5% of trials all have U = 0.7 → risk 70.
  for (const seed of [1, 2, 3]) {
    it(`the 95% CIs contain the analytic values (seed ${seed})`, () => {
      const scenario = scenarioOf(noBuffers, {
        home: "JP",
        horizon: 6,
        seed,
        shocks: [{ id: "ec", type: "export_control", imposer: "CN", goods: ["x"], targets: ["JP"], probability: 0.3 }],
      });
      const prepared = prepareRun(scenario);
      const results = runTrials(prepared, 0, 4000);
      const [base] = scoreOptions(optionTrialsOf(prepared.options, results), prepared.scoredGoods);
      expect(base!.autonomy.ci95[0]).toBeLessThanOrEqual(79);
      expect(base!.autonomy.ci95[1]).toBeGreaterThanOrEqual(79);
      expect(base!.risk.value).toBeCloseTo(70, 9);
      expect(base!.risk.ci95[0]).toBeLessThanOrEqual(70 + 1e-9);
      expect(base!.risk.ci95[1]).toBeGreaterThanOrEqual(70 - 1e-9);
      // about 30% of trials lose; a binomial count of 4000 stays within ±4.5 sd of 1200
      const losing = results[0]!.unmet.filter((u) => u > 0).length;
      expect(Math.abs(losing - 1200)).toBeLessThan(4.5 * Math.sqrt(4000 * 0.3 * 0.7));
    });
  }
});

const stochastic = () =>
  scenarioOf(twoSupplierNetwork({ inventoryPeriods: 1, switchPeriods: 2 }), {
    home: "JP",
    horizon: 12,
    seed: 7,
    shocks: [
      {
        id: "ec",
        type: "export_control",
        imposer: "CN",
        goods: ["x"],
        targets: ["likeminded"],
        probability: 0.5,
        start: { dist: "uniform", min: 0, max: 6 },
        duration: { dist: "triangular", min: 1, mode: 3, max: 9 },
        severity: { dist: "normal", mean: 0.7, sd: 0.2, min: 0, max: 1 },
      },
      { id: "retaliation", type: "outage", producers: ["au-x"], probability: 0.5, after: { shock: "ec", lag: 2 }, severity: 0.5 },
    ],
    policies: [
      { id: "sp", type: "stockpile", country: "JP", good: "x", periods: 2, cost: 10 },
      { id: "sub", type: "substitution", country: "JP", good: "x", share: 0.3, successProbability: 0.5, cost: 5 },
    ],
    options: { stock: ["sp"], sub: ["sub"] },
  });

describe("reproducibility", () => {
  it("gives bit-identical results for 1 and 2 worker threads", async () => {
    const scenario = stochastic();
    const options = optionsOf(scenario);
    const one = await runParallel(scenario, { trials: 1200, seed: 3, options, workers: 1 });
    const two = await runParallel(scenario, { trials: 1200, seed: 3, options, workers: 2 });
    for (let o = 0; o < options.length; o++) {
      expect(Buffer.from(two.results[o]!.unmet.buffer)).toEqual(Buffer.from(one.results[o]!.unmet.buffer));
      expect(Buffer.from(two.results[o]!.ttr.buffer)).toEqual(Buffer.from(one.results[o]!.ttr.buffer));
    }
    expect(one.results[0]!.unmet.some((u) => u > 0)).toBe(true);
  });

  it("draws trial i the same whichever range it is run in", () => {
    const prepared = prepareRun(stochastic());
    const whole = runTrials(prepared, 0, 50);
    const tail = runTrials(prepared, 30, 20);
    expect(Array.from(tail[1]!.unmet)).toEqual(Array.from(whole[1]!.unmet.slice(30)));
  });

  it("leaves every other option's numbers unchanged when an option is added", () => {
    const scenario = stochastic();
    const few = prepareRun(scenario, { options: optionsOf(scenario, ["stock"]) });
    const all = prepareRun(scenario);
    const a = runTrials(few, 0, 300);
    const b = runTrials(all, 0, 300);
    expect(Array.from(a[0]!.unmet)).toEqual(Array.from(b[0]!.unmet));
    expect(Array.from(a[1]!.unmet)).toEqual(Array.from(b[1]!.unmet));
    // and the substitution option, drawn from its own stream, differs from the baseline
    expect(Array.from(b[2]!.unmet)).not.toEqual(Array.from(b[0]!.unmet));
  });

  it("keeps every other shock's draws when one shock's parameters change or a shock is added", () => {
    const s1 = stochastic();
    const s2 = stochastic();
    s2.shocks[1] = { ...s2.shocks[1]!, severity: { dist: "uniform", min: 0.1, max: 0.9 } } as (typeof s2.shocks)[number];
    s2.shocks.push(shockSchema.parse({ id: "extra", type: "blockade", country: "AU", probability: 0.4 }));
    const d1 = newShockDraws(2);
    const d2 = newShockDraws(3);
    const sampler1 = makeShockSampler(s1.shocks, s1.horizon, () => -1);
    const sampler2 = makeShockSampler(s2.shocks, s2.horizon, () => -1);
    for (let trial = 0; trial < 100; trial++) {
      sampleShocks(sampler1, rngFor(5, trial), d1);
      sampleShocks(sampler2, rngFor(5, trial), d2);
      // the export control (shock 0) is drawn identically; the retaliation keeps its timing
      expect([d2.occurs[0], d2.start[0], d2.end[0], d2.severity[0]]).toEqual([d1.occurs[0], d1.start[0], d1.end[0], d1.severity[0]]);
      expect([d2.occurs[1], d2.start[1], d2.end[1]]).toEqual([d1.occurs[1], d1.start[1], d1.end[1]]);
    }
  });

  it("starts a triggered shock lag periods after its trigger, only where the trigger occurred", () => {
    const s = stochastic();
    const sampler = makeShockSampler(s.shocks, s.horizon, () => -1);
    const d = newShockDraws(2);
    let both = 0;
    for (let trial = 0; trial < 400; trial++) {
      sampleShocks(sampler, rngFor(9, trial), d);
      if (d.occurs[1]) {
        expect(d.occurs[0]).toBe(1);
        expect(d.start[1]).toBe(Math.min(d.start[0]! + 2, s.horizon));
        both++;
      }
    }
    // P(trigger) × P(own) = 0.5 × 0.5: about 100 of 400, well inside 60..140
    expect(both).toBeGreaterThan(60);
    expect(both).toBeLessThan(140);
  });
});
