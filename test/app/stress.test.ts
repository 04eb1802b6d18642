// `stress` on the hand-built three-country network (test/app/three-country.ts): every node's time
// to survive, time to recover, unmet share and value lost, computed by hand below.
import { describe, expect, it } from "vitest";
import { stressTest } from "../../src/app/stress.ts";
import { stockpile } from "../../src/kinds/policies/stockpile.ts";
import { scenarioSchema } from "../../src/scenario/schema.ts";
import { threeCountryInput, threeCountryNetwork } from "./three-country.ts";

// Every shock: full cut (severity 1) in periods 0–3 (duration 4), horizon 10, home A.
//
// x cut with cx's spare 3/period still willing (blockade of B, outage of bx, closure of S):
//   A misses 10, gets 3 from cx, draws 7 from inventory: t0 7 (13 left), t1 7 (6 left),
//   t2 6 → has 9 of 10 (r 0.9: first shortfall, survive = 2), t3 has 3 (r 0.3), t4 shock over.
//   lost 1 + 7 = 8 t × 10 = 80; U = 80 / 1200 = 1/15; recover = 4 − 2 = 2.
// x banned by every producer (B's and C's export controls): cx refuses A, so no replacement:
//   inventory 20 covers t0, t1; t2, t3 r = 0. lost 20 × 10 = 200; U = 1/6; survive 2, recover 2.
// y cut at C (blockade of C, outage of cy): A misses 4, ay has no spare; inventory 4 covers t0;
//   t1–t3 r = 0. lost 12 × 5 = 60; U = 60/1200 = 0.05; survive 1, recover 4 − 1 = 3.
// y banned by every producer (C and A, each against all others): cy → A cut; ay's flow to B is
//   cut, and ay (A's own producer) still serves A its freed 1/period. t0: 1 + 3 from inventory
//   (1 left); t1: 1 + 1 = 2 of 4 (r 0.5, survive 1); t2, t3: 1 of 4. lost 2 + 3 + 3 = 8 × 5 = 40;
//   U = 40/1200 = 1/30; recover 3.
// cx out, ay out: nothing of A's supply changes: U = 0, never short.
const expected: Record<string, { unmet: number; value: number; survive: number | null; recover: number | null; short: string[] }> = {
  "good x": { unmet: 1 / 6, value: 200, survive: 2, recover: 2, short: ["x"] },
  "country B": { unmet: 1 / 15, value: 80, survive: 2, recover: 2, short: ["x"] },
  "producer bx": { unmet: 1 / 15, value: 80, survive: 2, recover: 2, short: ["x"] },
  "chokepoint S": { unmet: 1 / 15, value: 80, survive: 2, recover: 2, short: ["x"] },
  "country C": { unmet: 0.05, value: 60, survive: 1, recover: 3, short: ["y"] },
  "producer cy": { unmet: 0.05, value: 60, survive: 1, recover: 3, short: ["y"] },
  "good y": { unmet: 1 / 30, value: 40, survive: 1, recover: 3, short: ["y"] },
  "producer ay": { unmet: 0, value: 0, survive: null, recover: null, short: [] },
  "producer cx": { unmet: 0, value: 0, survive: null, recover: null, short: [] },
};

describe("stress on a hand-built network", () => {
  it("gives each node the time to survive and recover computed by hand, ranked worst first", async () => {
    const report = await stressTest(threeCountryInput(), { home: "A", duration: 4, horizon: 10, workers: 1 });
    // worst first; ties on loss broken by the sooner shortfall, then country, producer, chokepoint, good
    expect(report.nodes.map((n) => `${n.by} ${n.id}`)).toEqual(Object.keys(expected));
    for (const node of report.nodes) {
      const want = expected[`${node.by} ${node.id}`]!;
      const got = node.options[0]!;
      expect(got.unmet, node.id).toBeCloseTo(want.unmet, 12);
      expect(got.valueLost, node.id).toBeCloseTo(want.value, 9);
      expect(got.timeToSurvive, node.id).toBe(want.survive);
      expect(got.timeToRecover, node.id).toBe(want.recover);
      expect(got.shortGoods.map((g) => g.good), node.id).toEqual(want.short);
    }
  });

  it("gives the same numbers with two worker threads", async () => {
    const one = await stressTest(threeCountryInput(), { home: "A", duration: 4, horizon: 10, workers: 1, by: ["good"] });
    const two = await stressTest(threeCountryInput(), { home: "A", duration: 4, horizon: 10, workers: 2, by: ["good"] });
    expect(two).toEqual(one);
  });

  it("a half-severity closure of S: cx's 3 cover the 5 missing with inventory to spare", async () => {
    // A misses 5 of x per period, gets 3 from cx, draws 2 from inventory 20: never short.
    const report = await stressTest(threeCountryInput(), { home: "A", duration: 4, horizon: 10, severity: 0.5, by: ["chokepoint"] });
    expect(report.nodes[0]!.options[0]!.timeToSurvive).toBeNull();
    expect(report.nodes[0]!.options[0]!.unmet).toBe(0);
  });

  it("stresses a scenario's options: with a stockpile of 8 y, C's blockade leaves A short later and less", async () => {
    // y cut at C: inventory 4 covers t0, the stockpile's 8 cover t1 and t2, t3 has nothing:
    // survive 3, recover 4 − 3 = 1; lost 4 y × 5 = 20, U = 20/1200 = 1/60.
    const network = threeCountryNetwork();
    const file = scenarioSchema.parse({
      name: "three with a stockpile",
      network,
      home: "A",
      horizon: 10,
      policies: [{ id: "sp", type: stockpile.type, country: "A", good: "y", units: 8 }],
      options: { stock: ["sp"] },
    });
    const report = await stressTest({ kind: "scenario", scenario: { ...file, network } }, { duration: 4, by: ["country"], workers: 1 });
    expect(report.options).toEqual(["baseline", "stock"]);
    const c = report.nodes.find((n) => n.id === "C")!;
    expect(c.options[0]).toMatchObject({ timeToSurvive: 1, timeToRecover: 3 });
    expect(c.options[0]!.unmet).toBeCloseTo(0.05, 12);
    expect(c.options[1]).toMatchObject({ option: "stock", timeToSurvive: 3, timeToRecover: 1 });
    expect(c.options[1]!.unmet).toBeCloseTo(1 / 60, 12);
    expect(c.options[1]!.valueLost).toBeCloseTo(20, 9);
  });
});
