// A profiling driver: runs trials of one synthetic size in-thread, for `node --cpu-prof`.
//   npx tsx bench/profile.ts [small|medium|large] [trials=300] [all|baseline]
// See bench/RESULTS.md ("Profile") for the esbuild + --cpu-prof recipe that gives line-level profiles.
import { optionsOf, prepareRun, runTrials } from "../src/engine/run.ts";
import { type SizeName, syntheticScenario } from "./synthetic.ts";

const [sizeArg, trialsArg, which] = process.argv.slice(2);
const size = (sizeArg ?? "large") as SizeName;
const trials = Number(trialsArg ?? 300);
const { scenario } = syntheticScenario(size);
const prepared = prepareRun(scenario, which === "all" ? {} : { options: optionsOf(scenario, []).slice(0, 1) });
runTrials(prepared, 1_000_000, Math.max(1, Math.ceil(trials / 10))); // warm-up
const c0 = process.cpuUsage();
const t0 = performance.now();
runTrials(prepared, 0, trials);
const wall = (performance.now() - t0) / 1000;
const c = process.cpuUsage(c0);
const cpu = (c.user + c.system) / 1e6;
const flowPeriods = trials * scenario.horizon * prepared.networks.reduce((s, n) => s + n.nFlows, 0);
console.log(
  `${size}, ${prepared.options.length} option(s), ${trials} trials: wall ${wall.toFixed(2)} s, cpu ${cpu.toFixed(2)} s, ` +
    `${(flowPeriods / wall / 1e6).toFixed(1)}M flow-periods/s (wall), ${(flowPeriods / cpu / 1e6).toFixed(1)}M per CPU-second`,
);
