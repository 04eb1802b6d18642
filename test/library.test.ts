// The library face: the package imports by its own name, and the engine runs without the CLI.
import { describe, expect, it } from "vitest";
import {
  buildModel,
  compareOptions,
  inspect,
  loadScenario,
  optionsOf,
  optionTrialsOf,
  prepareRun,
  renderRunTable,
  runScenario,
  runTrials,
  scoreOptions,
} from "chokepoint";
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

  it("runs the use cases the README shows, with the scenario's seed by default", async () => {
    const scenario = await loadScenario("scenarios/gallium-germanium-2023.yaml", { cwd: repoRoot });
    const run = await runScenario(scenario, { trials: 300, workers: 1 });
    expect(run.seed).toBe(scenario.seed);
    expect(run.trials).toBe(300);
    // the same numbers as the engine's own loop at that seed
    const prepared = prepareRun(scenario, { options: optionsOf(scenario), seed: scenario.seed });
    const direct = scoreOptions(optionTrialsOf(prepared.options, runTrials(prepared, 0, 300)), prepared.scoredGoods);
    expect(JSON.stringify(run.options)).toBe(JSON.stringify(direct));
    expect(renderRunTable(run)).toContain(`${run.trials} trials · seed ${scenario.seed}`);
    const compared = await compareOptions(scenario, { trials: 300, workers: 1 });
    expect(compared.options.map((o) => o.rank)).toEqual(compared.options.map((_, i) => i + 1));
    expect(compared.objective).toBe(scenario.objective);
  });
});
