// What the run page draws: the per-period availability trace agrees with the unmet share the
// engine scores (an independent sum over the trace), and the bins and bands are computed by hand.
import { describe, expect, it } from "vitest";
import { availabilityBands, unmetDistribution } from "../../src/analysis/run-pictures.ts";
import { prepareRun, runTrials, traceAvailability } from "../../src/engine/run.ts";
import { scenarioOf, twoSupplierNetwork, uncertainControlOnCN } from "../engine/builders.ts";

describe("availability traces", () => {
  it("sum to each trial's unmet share: U = Σ_t (1 − r_t) / H for one good with constant demand", () => {
    const scenario = scenarioOf(twoSupplierNetwork({ inventoryPeriods: 0.5 }), { home: "JP", horizon: 12, seed: 3, shocks: uncertainControlOnCN() });
    const prepared = prepareRun(scenario);
    const [scored] = runTrials(prepared, 0, 60);
    const [trace] = traceAvailability(prepareRun(scenario), 0, 60);
    let someShort = false;
    for (let i = 0; i < 60; i++) {
      let lost = 0;
      for (let t = 0; t < 12; t++) lost += 1 - trace![i * 12 + t]!;
      if (lost > 0) someShort = true;
      expect(lost / 12).toBeCloseTo(scored!.unmet[i]!, 12);
    }
    expect(someShort).toBe(true);
  });
});

describe("run pictures", () => {
  it("bins 100 × U into equal bins up to the largest value, with VaR and CVaR at 5 %", () => {
    // 20 trials: 19 at 0 and one at 0.4 → 100 × U up to 40, 4 bins of 10; k = 0.05 × 20 = 1:
    // the tail is the worst trial alone (last bin); CVaR = its loss, 40; VaR as MODEL §5's
    // estimator takes it, U_(⌊k⌋) worst first = the second worst, 0; mean = 40 / 20 = 2.
    const u = new Float64Array(20);
    u[7] = 0.4;
    const d = unmetDistribution("o", u, 4);
    expect(d.bins.map((b) => [b.from, b.to, b.share, b.tailShare])).toEqual([
      [0, 10, 0.95, 0],
      [10, 20, 0, 0],
      [20, 30, 0, 0],
      [30, 40, 0.05, 0.05],
    ]);
    expect([d.var95, d.cvar95, d.mean]).toEqual([0, 40, 2]);
  });

  it("gives per period the 5 %, 50 % and 95 % quantiles of availability in percent", () => {
    // one good, 2 periods, 5 trials with r in period 0 = 1, 0.8, 0.6, 0.4, 0.2 and 1 in period 1.
    // R-7 quantiles of {20, 40, 60, 80, 100}: p5 at h = 0.2 → 20 + 0.2 × 20 = 24; median 60;
    // p95 at h = 3.8 → 80 + 0.8 × 20 = 96.
    const rs = [1, 0.8, 0.6, 0.4, 0.2];
    const trace = new Float64Array(rs.flatMap((r) => [r, 1]));
    const [t0, t1] = availabilityBands("o", trace, ["x"], 2);
    expect(t0!.p5).toBeCloseTo(24, 12);
    expect(t0!.p50).toBeCloseTo(60, 12);
    expect(t0!.p95).toBeCloseTo(96, 12);
    expect(t0!.mean).toBeCloseTo(60, 12);
    expect([t1!.p5, t1!.p50, t1!.p95]).toEqual([100, 100, 100]);
  });
});
