// A million trials of a bundled-size scenario through the worker-thread runner (runParallel in src/io/pool.ts),
// per-trial results kept only in the runner's typed arrays; reports throughput and peak RSS.
//
//   npm run bench -- --million [--trials 1000000] [--size small] [--workers 2]
//                              [--options stockpile,friendshore,everything | all] [--via parallel|chunks]
//
// `--via chunks` runs runTrials in-thread in chunks of 10,000 into the same typed arrays instead.
import os from "node:os";
import { optionsOf, prepareRun, runTrials } from "../src/engine/run.ts";
import { newTrialResults, placeResults, type TrialResults } from "../src/engine/simulate.ts";
import { runParallel } from "../src/io/pool.ts";
import { type SizeName, syntheticScenario } from "./synthetic.ts";

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const trials = Number(flag("--trials") ?? 1_000_000);
const size = (flag("--size") ?? "small") as SizeName;
const workers = Number(flag("--workers") ?? os.availableParallelism());
const via = flag("--via") ?? "parallel";
const only = flag("--options") ?? "stockpile,friendshore,everything";

const { scenario, stats } = syntheticScenario(size);
const options = optionsOf(scenario, only === "all" ? undefined : only.split(","));
const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);

let peakHeap = process.memoryUsage().heapUsed;
const sampler = setInterval(() => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}, 100);
sampler.unref();

process.stderr.write(
  `million: ${trials.toLocaleString("en-US")} trials of synthetic ${size} (${stats.countries} countries, ${stats.goods} goods, ${stats.flows} flows), ` +
    `options ${options.map((o) => o.id).join(", ")}, ${via === "parallel" ? `runParallel with ${workers} worker(s)` : "runTrials in chunks"}\n`,
);
const c0 = process.cpuUsage();
const t0 = performance.now();
let done = 0;
let lastReport = t0;
const progress = (n: number) => {
  done += n;
  if (performance.now() - lastReport > 10_000) {
    lastReport = performance.now();
    process.stderr.write(`  ${done.toLocaleString("en-US")} trials, ${((done / (lastReport - t0)) * 1000).toFixed(0)} trials/s\n`);
  }
};
let results: TrialResults[];
let scoredGoods: string[];
if (via === "parallel") {
  ({ results, scoredGoods } = await runParallel(scenario, { trials, seed: scenario.seed, options, workers, onProgress: progress }));
} else {
  const prepared = prepareRun(scenario, { options });
  scoredGoods = prepared.scoredGoods;
  results = options.map(() => newTrialResults(0, trials, scoredGoods.length));
  for (let first = 0; first < trials; first += 10_000) {
    const n = Math.min(10_000, trials - first);
    runTrials(prepared, first, n).forEach((part, o) => placeResults(results[o]!, part));
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    progress(n);
  }
}
const wall = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(c0);
peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);

// the results are real: mean U per option, and the first trials match an in-thread rerun bit for bit
const check = runTrials(prepareRun(scenario, { options }), 0, 100);
const identical = check.every((part, o) => part.unmet.every((u, k) => Object.is(u, results[o]!.unmet[k])));
const bytes = results.reduce((s, r) => s + r.unmet.byteLength + r.unmetGood.byteLength + r.ttr.byteLength, 0);
const lines = [
  `| size | trials | options | scored goods | via | workers | wall (s) | trials/s | option-trials/s | cpu/wall | results in typed arrays (MiB) | peak RSS (MiB) | peak heapUsed, main thread (MiB) |`,
  `| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
  `| ${size} | ${trials.toLocaleString("en-US")} | ${options.length} | ${scoredGoods.length} | ${via} | ${via === "parallel" ? workers : 1} | ${wall.toFixed(1)} | ${(trials / wall).toFixed(0)} | ${((trials * options.length) / wall).toFixed(0)} | ${((cpu.user + cpu.system) / 1e6 / wall).toFixed(2)} | ${mib(bytes)} | ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} | ${mib(peakHeap)} |`,
  "",
  `mean U: ${options.map((o, i) => `${o.id} ${(results[i]!.unmet.reduce((s, u) => s + u, 0) / trials).toFixed(5)}`).join(", ")}`,
  `first 100 trials identical to an in-thread run: ${identical ? "yes" : "NO"}; load average at end ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}`,
];
process.stdout.write(`${lines.join("\n")}\n`);
