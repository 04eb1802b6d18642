// Benchmarks of the trial loop on synthetic scenarios (bench/synthetic.ts), one core, in-thread.
//
//   npm run bench                          three sizes: throughput, peak memory, speed-up over the reference
//   npm run bench -- --sizes small,medium  a subset of the sizes
//   npm run bench -- --seconds 2           time budget per throughput measurement (default 4)
//   npm run bench -- --million             1,000,000 trials through runParallel (see bench/million.ts)
//
// Each measurement runs in a fresh child process so its peak RSS is its own. Throughput is timed
// after a warm-up, in chunks, until the time budget is spent; the speed-up times the same fixed
// trials of the compiled engine and of bench/reference.ts back to back in one process.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { optionsOf, prepareRun, runTrials } from "../src/engine/run.ts";
import { prepareReference, runReference } from "./reference.ts";
import { SIZES, type SizeName, syntheticScenario } from "./synthetic.ts";

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

/** Trials of the speed-up comparison per size (the reference is slow). */
const RATIO_TRIALS: Record<SizeName, number> = { small: 200, medium: 30, large: 6 };

interface Timing {
  trials: number;
  wall: number;
  cpu: number;
}

interface EngineFigures {
  size: SizeName;
  stats: ReturnType<typeof syntheticScenario>["stats"];
  horizon: number;
  options: number;
  /** compiled flows summed over options, and of the baseline alone */
  flowsAllOptions: number;
  flowsBaseline: number;
  prepareSeconds: number;
  all: Timing;
  baseline: Timing;
  peakRssMiB: number;
  peakHeapUsedMiB: number;
}

interface RatioFigures {
  size: SizeName;
  trials: number;
  options: number;
  engine: Timing;
  reference: Timing;
  maxAbsDiffU: number;
}

const mib = (bytes: number): number => bytes / 1024 / 1024;

/** Runs trials (far from the timed ones) for at least 0.5 s so the JIT has settled. */
function warmUp(step: (first: number, n: number) => void, chunk: number): void {
  const t0 = performance.now();
  for (let first = 2_000_000; performance.now() - t0 < 500; first += chunk) step(first, chunk);
}

/** Runs `step(n)` in chunks until `seconds` of wall time are spent (after a warm-up). */
function timeChunks(step: (first: number, n: number) => void, chunk: number, seconds: number, onChunk: () => void): Timing {
  warmUp((first, n) => step(first, n), Math.max(1, Math.ceil(chunk / 4)));
  onChunk();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let trials = 0;
  while (performance.now() - t0 < seconds * 1000 || trials === 0) {
    step(1_000_000 + trials, chunk);
    trials += chunk;
    onChunk();
  }
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { trials, wall, cpu: (c.user + c.system) / 1e6 };
}

function engineChild(size: SizeName, seconds: number): EngineFigures {
  const { scenario, stats } = syntheticScenario(size);
  let peakHeap = process.memoryUsage().heapUsed;
  const sampleHeap = () => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  };
  const t0 = performance.now();
  const prepared = prepareRun(scenario);
  const prepareSeconds = (performance.now() - t0) / 1000;
  const baseOnly = prepareRun(scenario, { options: optionsOf(scenario, []).slice(0, 1) });
  const chunk = size === "large" ? 20 : size === "medium" ? 100 : 500;
  const all = timeChunks((first, n) => void runTrials(prepared, first, n), chunk, seconds, sampleHeap);
  const baseline = timeChunks((first, n) => void runTrials(baseOnly, first, n), chunk * 4, seconds * 0.75, sampleHeap);
  return {
    size,
    stats,
    horizon: scenario.horizon,
    options: prepared.options.length,
    flowsAllOptions: prepared.networks.reduce((s, n) => s + n.nFlows, 0),
    flowsBaseline: prepared.networks[0]!.nFlows,
    prepareSeconds,
    all,
    baseline,
    // getrusage high-water mark, in KiB on Linux
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    peakHeapUsedMiB: mib(peakHeap),
  };
}

function ratioChild(size: SizeName): RatioFigures {
  const { scenario } = syntheticScenario(size);
  const options = optionsOf(scenario);
  const prepared = prepareRun(scenario, { options });
  const ref = prepareReference(scenario, options);
  const n = RATIO_TRIALS[size];
  const timed = <T>(fn: () => T): [T, Timing] => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const out = fn();
    const c = process.cpuUsage(c0);
    return [out, { trials: n, wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 }];
  };
  // warm both up on other trials first; the engine's time is the median of repeated runs of the
  // same trials (one run is a fraction of a second), the reference's one run
  warmUp((first, k) => void runTrials(prepared, first, k), Math.max(2, Math.ceil(n / 4)));
  runReference(ref, 10_000, Math.max(1, Math.ceil(n / 10)));
  const runs: Timing[] = [];
  let e = runTrials(prepared, 0, n);
  for (let spent = 0; runs.length < 5 || spent < 2; ) {
    const [out, t] = timed(() => runTrials(prepared, 0, n));
    e = out;
    runs.push(t);
    spent += t.wall;
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const engine: Timing = { trials: n, wall: median(runs.map((t) => t.wall)), cpu: median(runs.map((t) => t.cpu)) };
  const [r, reference] = timed(() => runReference(ref, 0, n));
  let maxAbsDiffU = 0;
  e.forEach((res, o) => {
    for (let k = 0; k < n; k++) maxAbsDiffU = Math.max(maxAbsDiffU, Math.abs(res.unmet[k]! - r[o]!.unmet[k]!));
  });
  return { size, trials: n, options: options.length, engine, reference, maxAbsDiffU };
}

/** Runs this file as a child process in one mode and parses its JSON answer. */
function inChild<T>(mode: string[]): T {
  const self = fileURLToPath(import.meta.url);
  const out = spawnSync(process.execPath, ["--import", "tsx", self, "--child", ...mode], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (out.status !== 0) throw new Error(`bench child ${mode.join(" ")} failed (exit ${out.status})`);
  return JSON.parse(out.stdout) as T;
}

function machine(): string {
  let cpu = "unknown CPU";
  try {
    const info = readFileSync("/proc/cpuinfo", "utf8");
    const field = (name: string) => info.match(new RegExp(`^${name}\\s*:\\s*(.*)$`, "m"))?.[1]?.trim();
    cpu = `${field("model name") ?? "?"} (family ${field("cpu family") ?? "?"}, model ${field("model") ?? "?"}, ${field("cpu MHz") ?? "?"} MHz, cache ${field("cache size") ?? "?"})`;
  } catch {
    cpu = os.cpus()[0]?.model ?? cpu;
  }
  return `${os.availableParallelism()} CPUs, ${cpu}, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

const fmt = (x: number, digits = 0): string =>
  x >= 1e6 ? `${(x / 1e6).toFixed(2)}M` : x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

function main(): void {
  const child = flag("--child");
  if (child !== undefined) {
    const size = args[args.indexOf("--child") + 2] as SizeName;
    const seconds = Number(flag("--seconds") ?? 4);
    const result = child === "engine" ? engineChild(size, seconds) : ratioChild(size);
    process.stdout.write(JSON.stringify(result));
    return;
  }
  const sizes = (flag("--sizes") ?? Object.keys(SIZES).join(",")).split(",") as SizeName[];
  const seconds = flag("--seconds") ?? "4";
  const load0 = os.loadavg();
  const started = performance.now();
  process.stderr.write(`chokepoint bench: ${machine()}\nload average at start ${load0.map((x) => x.toFixed(2)).join(" ")}\n`);
  if (load0[0]! > os.availableParallelism() - 0.5) {
    process.stderr.write("warning: the machine is busy (1-min load ≥ CPUs): timings will be low and noisy\n");
  }
  const engine: EngineFigures[] = [];
  const ratio: RatioFigures[] = [];
  for (const size of sizes) {
    process.stderr.write(`  ${size}: engine…`);
    engine.push(inChild<EngineFigures>(["engine", size, "--seconds", seconds]));
    process.stderr.write(" reference…");
    ratio.push(inChild<RatioFigures>(["ratio", size]));
    process.stderr.write(" done\n");
  }
  const load1 = os.loadavg();

  const lines: string[] = [];
  lines.push(`Machine: ${machine()}`);
  lines.push(
    `Load average (1/5/15 min) at start ${load0.map((x) => x.toFixed(2)).join(" / ")}, at end ${load1.map((x) => x.toFixed(2)).join(" / ")}; wall ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  lines.push("");
  lines.push("| size | countries | goods | producers | flows | horizon | options | compile (s) |");
  lines.push("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const e of engine) {
    lines.push(
      `| ${e.size} | ${e.stats.countries} | ${e.stats.goods} | ${e.stats.producers} | ${e.stats.flows} | ${e.horizon} | ${e.options} | ${e.prepareSeconds.toFixed(3)} |`,
    );
  }
  lines.push("");
  lines.push("Engine, one core, in-thread `runTrials` (a trial runs every option; flow-periods = option-trials × horizon × compiled flows):");
  lines.push("");
  lines.push(
    "| size | trials/s (all options) | option-trials/s | flow-periods/s (all options) | trials/s (baseline only) | flow-periods/s (baseline only) | flow-periods per CPU-second (baseline only) | cpu/wall | peak RSS (MiB) | peak heapUsed (MiB) |",
  );
  lines.push("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const e of engine) {
    const tAll = e.all.trials / e.all.wall;
    const tBase = e.baseline.trials / e.baseline.wall;
    const perCpu = (e.baseline.trials / e.baseline.cpu) * e.horizon * e.flowsBaseline;
    lines.push(
      `| ${e.size} | ${fmt(tAll, 1)} | ${fmt(tAll * e.options)} | ${fmt(tAll * e.horizon * e.flowsAllOptions)} | ${fmt(tBase, 1)} | ${fmt(tBase * e.horizon * e.flowsBaseline)} | ${fmt(perCpu)} | ${(e.baseline.cpu / e.baseline.wall).toFixed(2)} | ${e.peakRssMiB.toFixed(0)} | ${e.peakHeapUsedMiB.toFixed(0)} |`,
    );
  }
  lines.push("");
  lines.push("cpu/wall below ~0.95 means other processes took this core part of the time: the wall-clock rates are then low.");
  lines.push("");
  lines.push("Compiled engine vs the graph-walking reference (bench/reference.ts), same trials, same process (engine: median of repeated runs):");
  lines.push("");
  lines.push("| size | trials × options | engine (s) | reference (s) | speed-up (wall) | speed-up (cpu) | max abs ΔU |");
  lines.push("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of ratio) {
    lines.push(
      `| ${r.size} | ${r.trials} × ${r.options} | ${r.engine.wall.toFixed(3)} | ${r.reference.wall.toFixed(2)} | ${(r.reference.wall / r.engine.wall).toFixed(1)}× | ${(r.reference.cpu / r.engine.cpu).toFixed(1)}× | ${r.maxAbsDiffU.toExponential(1)} |`,
    );
  }
  const large = engine.find((e) => e.size === "large");
  if (large !== undefined) {
    const fp = (large.baseline.trials / large.baseline.wall) * large.horizon * large.flowsBaseline;
    lines.push("");
    lines.push(`Target: ≥ 3×10⁷ flow-periods/s on one core for the largest size; measured ${(fp / 1e7).toFixed(2)}×10⁷ (baseline only), ${((large.all.trials / large.all.wall) * large.horizon * large.flowsAllOptions / 1e7).toFixed(2)}×10⁷ (all options).`);
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}

if (args.includes("--million")) {
  await import("./million.ts");
} else {
  main();
}
