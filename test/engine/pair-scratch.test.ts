// The simulators of a run share one set of producer → consumer-slot scratch (PairScratch). The
// independent method: the same trials with every simulator on scratch of its own, as before the
// sharing; the two must agree bit for bit, whatever order the options run in.
import { describe, expect, it } from "vitest";
import { syntheticScenario } from "../../bench/synthetic.ts";
import { type PreparedRun, prepareRun, runTrials } from "../../src/engine/run.ts";
import { PairScratch, Simulator, type TrialResults } from "../../src/engine/simulate.ts";
import { loadScenario } from "../../src/io/load.ts";
import type { Scenario } from "../../src/scenario/schema.ts";

/** The prepared run with simulators on scratch of their own (nothing shared). */
function ownScratch(prepared: PreparedRun): PreparedRun {
  const simulators = prepared.networks.map((program) => new Simulator(program));
  return { ...prepared, simulators };
}

function expectSame(a: TrialResults[], b: TrialResults[]): void {
  expect(a.length).toBe(b.length);
  a.forEach((x, o) => {
    for (const key of ["unmet", "unmetGood", "ttr", "firstShort"] as const) {
      for (let i = 0; i < x[key].length; i++) {
        if (!Object.is(x[key][i], b[o]![key][i])) throw new Error(`option ${o}, ${key}[${i}]: ${x[key][i]} (shared) vs ${b[o]![key][i]} (own)`);
      }
    }
  });
}

async function bundled(name: string): Promise<Scenario> {
  return loadScenario(new URL(`../../scenarios/${name}.yaml`, import.meta.url).pathname);
}

describe("pair scratch shared by a run's simulators", () => {
  it("gives the numbers of scratch per simulator on the synthetic medium network (9 options)", () => {
    const { scenario } = syntheticScenario("medium");
    const shared = prepareRun(scenario);
    expect(new Set(shared.simulators.map((s) => (s as unknown as { scratch: PairScratch }).scratch)).size).toBe(1);
    expectSame(runTrials(shared, 0, 30), runTrials(ownScratch(prepareRun(scenario)), 0, 30));
  });

  it.each(["gallium-germanium-2023", "antimony-2024", "neon-2022", "taiwan-strait-blockade"])(
    "gives the numbers of scratch per simulator on %s (markets where the scenario has them)",
    async (name) => {
      const scenario = await bundled(name);
      expectSame(runTrials(prepareRun(scenario), 0, 200), runTrials(ownScratch(prepareRun(scenario)), 0, 200));
    },
  );

  it("gives the same numbers when the options run in reverse order on the shared scratch", async () => {
    const scenario = await bundled("gallium-germanium-2023");
    const forward = prepareRun(scenario);
    const reversed = prepareRun(scenario);
    const backwards: PreparedRun = { ...reversed, networks: [...reversed.networks].reverse(), simulators: [...reversed.simulators].reverse() };
    const a = runTrials(forward, 0, 200);
    const b = runTrials(backwards, 0, 200).reverse();
    expectSame(a, b);
  });

  it("starts the cache afresh when the epoch counter would overflow an Int32", () => {
    const scratch = new PairScratch(4, false);
    scratch.factorEpoch.fill(0x7fffffff);
    (scratch as unknown as { epoch: number }).epoch = 0x7ffffffe;
    expect(scratch.nextEpoch()).toBe(0x7fffffff);
    // an entry made in epoch 2^31 − 1 must not pass for one made in any later epoch
    expect(scratch.nextEpoch()).toBe(1);
    expect(Array.from(scratch.factorEpoch)).toEqual([-1, -1, -1, -1]);
  });

  it("refuses scratch smaller than the program's pairs", () => {
    const prepared = prepareRun(syntheticScenario("small").scenario);
    const program = prepared.networks[0]!;
    expect(program.pairFlow.length).toBeGreaterThan(1);
    expect(() => new Simulator(program, new PairScratch(program.pairFlow.length - 1, program.marketsOn))).toThrow(/smaller/);
  });
});
