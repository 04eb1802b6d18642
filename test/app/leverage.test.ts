// `leverage` on the hand-built three-country network (test/app/three-country.ts): the damage
// matrix computed by hand, and on the bundled critical-minerals network the threats to Japan.
import { describe, expect, it } from "vitest";
import { leverage } from "../../src/app/leverage.ts";
import { loadInput } from "../../src/io/load.ts";
import { repoRoot } from "../helpers/cli.ts";
import { threeCountryInput } from "./three-country.ts";

// Each control: full, periods 0–3 (duration 4), horizon 10; the target alone is cut off.
// Shipping pairs (coercer, good, target): (B, x, A) 10/period, (C, y, A) 4, (C, y, B) 2, (A, y, B) 1.
// (B, x, A): bx → A cut, cx's spare 3 still serves A: lost 8 x (see the stress test) = 80;
//   U_A = 80/1200 = 1/15; B's cost 10 × price 10 × 4 = 400; damage/cost 0.2.
// (C, y, A): cy → A cut, ay has no spare: inventory 4 covers t0, t1–t3 r = 0: lost 12 y = 60;
//   U_A = 0.05; C's cost 4 × 5 × 4 = 80; damage/cost 0.75.
// (C, y, B): cy → B cut (2 of B's 3), nobody has spare; inventory 3: t0 2 (1 left), t1 has 1 + 1,
//   t2, t3 have 1: lost 1 + 2 + 2 = 5 y = 25; U_B = 25/150 = 1/6; C's cost 2 × 5 × 4 = 40.
// (A, y, B): ay → B cut (1 of 3), cy has no spare; inventory 3 covers t0–t2, t3 has 2 of 3:
//   lost 1 y = 5; U_B = 5/150 = 1/30; A's cost 1 × 5 × 4 = 20.
const matrix = [
  { coercer: "A", good: "y", target: "B", unmet: 1 / 30, valueLost: 5, coercerCost: 20 },
  { coercer: "B", good: "x", target: "A", unmet: 1 / 15, valueLost: 80, coercerCost: 400 },
  { coercer: "C", good: "y", target: "A", unmet: 0.05, valueLost: 60, coercerCost: 80 },
  { coercer: "C", good: "y", target: "B", unmet: 1 / 6, valueLost: 25, coercerCost: 40 },
];

describe("leverage on a hand-built network", () => {
  it("reproduces the damage matrix computed by hand", async () => {
    const report = await leverage(threeCountryInput(), { duration: 4, horizon: 10, workers: 1 });
    expect(report.home).toBeNull();
    expect(report.cells.map((c) => `${c.coercer} ${c.good} ${c.target}`)).toEqual(matrix.map((c) => `${c.coercer} ${c.good} ${c.target}`));
    report.cells.forEach((cell, i) => {
      const want = matrix[i]!;
      expect(cell.unmet, `${cell.coercer} ${cell.good} ${cell.target}`).toBeCloseTo(want.unmet, 12);
      expect(cell.valueLost).toBeCloseTo(want.valueLost, 9);
      expect(cell.coercerCost).toBeCloseTo(want.coercerCost, 9);
    });
    // summed over goods: C against A is its y control alone; C's two targets stay apart
    expect(report.summed.map((s) => [s.coercer, s.target, Number(s.valueLost.toFixed(9))])).toEqual([
      ["A", "B", 5],
      ["B", "A", 80],
      ["C", "A", 60],
      ["C", "B", 25],
    ]);
  });

  it("ranks the home's threats by damage per unit of the coercer's cost, and finds its counter-leverage", async () => {
    const report = await leverage(threeCountryInput(), { home: "A", duration: 4, horizon: 10, workers: 1 });
    // C's y: 60 / 80 = 0.75 before B's x: 80 / 400 = 0.2
    expect(report.threats.map((c) => [c.coercer, c.good, c.damagePerCost])).toEqual([
      ["C", "y", 0.75],
      ["B", "x", 0.2],
    ]);
    // A ships y to B (a coercer) and nothing to C
    expect(report.counter.map((c) => [c.target, c.good])).toEqual([["B", "y"]]);
    expect(report.counter[0]!.unmet).toBeCloseTo(1 / 30, 12);
  });

  it("on the critical-minerals network, China is among Japan's top three threats, gallium cell non-zero", async () => {
    const input = await loadInput("fixtures/critical-minerals.yaml", { cwd: repoRoot });
    const report = await leverage(input, { home: "JP", workers: 1 });
    expect(report.threats.slice(0, 3).map((c) => c.coercer)).toContain("CN");
    const gallium = report.cells.find((c) => c.coercer === "CN" && c.good === "gallium" && c.target === "JP");
    expect(gallium?.unmet).toBeGreaterThan(0);
  });
});
