// The library face: the package imports by its own name, and the engine runs without the CLI.
import { describe, expect, it } from "vitest";
import { buildModel, inspect, loadScenario, optionsOf, optionTrialsOf, prepareRun, runTrials, scoreOptions } from "chokepoint";
import { repoRoot } from "./helpers/cli.ts";

describe('import … from "chokepoint"', () => {
  it("loads, models, inspects and scores a bundled scenario", async () => {
    const scenario = await loadScenario("scenarios/gallium-germanium-2023.yaml", { cwd: repoRoot });
    const graph = buildModel(scenario.network);
    expect(graph.order).toBeGreaterThan(0);
    const report = inspect(scenario.network, scenario.home);
    expect(report.goods.map((g) => g.good)).toContain("gallium");
    const prepared = prepareRun(scenario, { options: optionsOf(scenario) });
    const scores = scoreOptions(optionTrialsOf(prepared.options, runTrials(prepared, 0, 100)), prepared.scoredGoods);
    expect(scores[0]!.id).toBe("baseline");
    expect(scores[0]!.autonomy.mean).toBeLessThanOrEqual(100);
  });
});
