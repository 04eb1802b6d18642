// Worker threads share one compilation: the main thread compiles each option's program onto
// shared memory once, and a thread given those programs compiles nothing and runs the same trials.
import { describe, expect, it } from "vitest";
import { shareProgram } from "../../src/engine/program.ts";
import { optionsOf, prepareRun, runTrials } from "../../src/engine/run.ts";
import { loadScenario } from "../../src/io/load.ts";
import { repoRoot } from "../helpers/cli.ts";

const typedArrays = (program: object) => Object.entries(program).filter(([, v]) => ArrayBuffer.isView(v)) as [string, Float64Array][];

describe("a shared program", () => {
  it("holds every typed array on a SharedArrayBuffer, with the same contents and the same other fields", async () => {
    const scenario = await loadScenario("scenarios/gallium-germanium-2023.yaml", { cwd: repoRoot });
    const [own] = prepareRun(scenario).networks;
    const shared = shareProgram(own!);
    expect(typedArrays(own!).length).toBeGreaterThan(20);
    for (const [key, array] of typedArrays(shared)) {
      expect(array.buffer, key).toBeInstanceOf(SharedArrayBuffer);
      expect(array, key).toEqual((own as unknown as Record<string, Float64Array>)[key]);
    }
    expect(typedArrays(own!).every(([, a]) => !(a.buffer instanceof SharedArrayBuffer))).toBe(true);
    expect(Object.keys(shared).sort()).toEqual(Object.keys(own!).sort());
    expect(shared.goodIds).toEqual(own!.goodIds);
    expect(Object.isFrozen(shared)).toBe(true);
    // sharing twice copies nothing more
    const again = shareProgram(shared);
    expect(typedArrays(again).every(([key, a]) => a === (shared as unknown as Record<string, Float64Array>)[key])).toBe(true);
  });

  it("runs, in a run given the programs, the trials of a run that compiles them, without the network", async () => {
    const scenario = await loadScenario("scenarios/gallium-germanium-2023.yaml", { cwd: repoRoot });
    const options = optionsOf(scenario);
    const compiled = prepareRun(scenario, { options, seed: 5, shared: true });
    expect(compiled.networks.every((p) => typedArrays(p).every(([, a]) => a.buffer instanceof SharedArrayBuffer))).toBe(true);
    // what a worker receives: the programs; a network it cannot compile proves it compiles nothing
    const empty = { ...scenario.network, producers: [], flows: [], demand: [] };
    const given = prepareRun({ ...scenario, network: empty }, { options, seed: 5, programs: structuredClone(compiled.networks) });
    const fresh = prepareRun(scenario, { options, seed: 5 });
    expect(given.scoredGoods).toEqual(fresh.scoredGoods);
    const a = runTrials(given, 100, 60);
    const b = runTrials(fresh, 100, 60);
    expect(a.map((r) => Array.from(r.unmet))).toEqual(b.map((r) => Array.from(r.unmet)));
    expect(a.map((r) => Array.from(r.unmetGood))).toEqual(b.map((r) => Array.from(r.unmetGood)));
    // some trial of the flagship falls short: the comparison is not of zeros
    expect(b.some((r) => r.unmet.some((u) => u > 0))).toBe(true);
  });
});
