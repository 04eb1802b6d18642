// The budget search with and without its screen, in one process on one thread: CPU time of each,
// the combinations confirmed on all trials, and whether both give the same best and best single.
//
//   npx tsx bench/budget.ts [--scenario FILE --budget B | --synthetic16 --budget B] [--trials N]
//
// Default: the flagship (scenarios/gallium-germanium-2023.yaml) at budget 60 with its 2 000 trials.
// `--synthetic16` is bench/synthetic.ts's small size with 16 policies (default budget 70).
import { type Screen, searchBudget } from "../src/analysis/budget.ts";
import { type OptionSpec, prepareRun, runTrials } from "../src/engine/run.ts";
import { loadScenario } from "../src/io/load.ts";
import { SIZES, syntheticScenario } from "./synthetic.ts";

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const synthetic = args.includes("--synthetic16");
const file = flag("--scenario") ?? "scenarios/gallium-germanium-2023.yaml";
const scenario = synthetic ? syntheticScenario({ ...SIZES.small, name: "small-16", morePolicies: true }).scenario : await loadScenario(file);
const budget = Number(flag("--budget") ?? (synthetic ? 70 : 60));
const trials = Number(flag("--trials") ?? scenario.trials);
const objective = scenario.objective;

let optionTrials = 0;
const evaluate = async (specs: OptionSpec[], first: number, count: number) => {
  optionTrials += specs.length * count;
  return runTrials(prepareRun(scenario, { options: specs }), first, count);
};
const baseline = runTrials(prepareRun(scenario, { options: [{ id: "baseline", policies: [], cost: 0 }] }), 0, trials)[0]!;

async function timed(screen: Screen | null | undefined) {
  optionTrials = 0;
  const c0 = process.cpuUsage();
  const r = await searchBudget(scenario.policies, budget, objective, baseline, evaluate, screen);
  const c = process.cpuUsage(c0);
  return { r, cpu: (c.user + c.system) / 1e6, optionTrials };
}

const name = synthetic ? "synthetic small, 16 policies" : file;
process.stderr.write(`budget: ${name}, budget ${budget}, ${trials} trials, objective ${objective}, ${scenario.policies.length} policies\n`);
const full = await timed(null);
const screened = await timed(undefined);
const same = full.r.best?.id === screened.r.best?.id && full.r.best?.value === screened.r.best?.value && full.r.bestSingle?.id === screened.r.bestSingle?.id;
for (const [label, m] of [
  ["exhaustive, all trials", full],
  ["screened", screened],
] as const) {
  const s = m.r.screened;
  console.log(
    `${label.padEnd(24)} ${m.r.method} ${m.r.evaluated} combinations, ${s ? `${s.confirmed} confirmed on all after ${s.prefix}` : "all on all trials"}; ` +
      `option-trials ${m.optionTrials.toLocaleString("en-US")}; CPU ${m.cpu.toFixed(2)} s; best ${m.r.best?.id} (${m.r.best?.value})`,
  );
}
console.log(`speed-up (CPU) ${(full.cpu / screened.cpu).toFixed(2)}×; same best and best single: ${same}`);
