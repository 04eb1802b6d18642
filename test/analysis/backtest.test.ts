// Back-test scoring by hand: the observed index, band coverage, median error and timings.
import { describe, expect, it } from "vitest";
import { observedIndex, scoreSeries, timings } from "../../src/analysis/backtest.ts";
import { episodeSchema } from "../../src/scenario/episode.ts";

const seriesOf = (over: Record<string, unknown>) =>
  episodeSchema.parse({ name: "e", scenario: "s.yaml", start: "2020-01", series: [{ id: "a", measure: "imports", good: "g", country: "KR", source: "test", ...over }] }).series[0]!;

describe("backtest scoring", () => {
  it("turns raw observations into an index on the mean of the baseline months, which are not scored", () => {
    // baseline mean (4034 + 3989) / 2 = 4011.5; 190 → 190 / 40.115 = 4.7364…
    const s = seriesOf({ unit: "t", baseline: { from: "2019-10", to: "2019-12" }, points: { "2019-10": 4034, "2019-12": 3989, "2020-01": 190 } });
    const index = observedIndex(s);
    expect([...index.keys()]).toEqual(["2020-01"]);
    expect(index.get("2020-01")).toBeCloseTo(19000 / 4011.5, 10);
  });

  it("counts points inside the 5–95 % band and the median's mean distance", () => {
    // period 0: 10 in [5, 20] (p50 12: |12 − 10| = 2); period 2: 80 outside [30, 60] (p50 40: 40).
    // coverage 1/2; median error (2 + 40) / 2 = 21. Month 2020-05 is beyond the 3 periods: skipped.
    const band = (p5: number, p50: number, p95: number) => ({ mean: p50, p5, p50, p95 });
    const s = seriesOf({ points: { "2020-01": 10, "2020-03": 80, "2020-05": 50 } });
    const scored = scoreSeries(s, "2020-01", [band(5, 12, 20), band(40, 45, 50), band(30, 40, 60)]);
    expect(scored.inside).toBe(1);
    expect(scored.coverage).toBe(0.5);
    expect(scored.medianError).toBe(21);
    expect(scored.skipped).toEqual(["2020-05"]);
  });

  it("brackets sparse observed timings: the onset lies after the point before it", () => {
    // observed at periods 1 (80) and 4 (30): the onset (first < 50) is somewhere in periods 2–4.
    const obs = timings([{ at: 1, value: 80 }, { at: 4, value: 30 }, { at: 9, value: 95 }], false);
    expect(obs.onset).toEqual({ at: 4, earliest: 2 });
    expect(obs.trough).toEqual({ at: 4, earliest: 4 });
    expect(obs.recovery).toEqual({ at: 9, earliest: 5 });
    // a price path is read as 10 000 / index: 250 → 40, an onset; 105 → 95.2, a recovery
    const price = timings([{ at: 0, value: 250 }, { at: 1, value: 105 }], true);
    expect(price.onset?.at).toBe(0);
    expect(price.recovery?.at).toBe(1);
  });
});
