// The speed table of bench/RESULTS.md in one run: this tree's engine and, with --prev <checkout>,
// another checkout's compiled engine (its dist/, e.g. a git worktree of the previous commit) on
// the same scenarios, alternated, each figure per CPU second and per wall second.
//
//   npx tsx bench/speed.ts                       this tree only
//   npx tsx bench/speed.ts --prev ../chokepoint-prev --rounds 3
//   npx tsx bench/speed.ts --prev ../chokepoint-prev --only mixed    one case (name contains the text)
//
// Cases: the flagship scenario (8 options, in-thread), and the large synthetic network with its
// mixed shocks, with an outage on every producer (every good short in most periods), the same
// stepped in full every period (tracing: no shortcut, the kernel alone), and with 5 % of the
// goods controlled. A flow-period is one compiled flow of one option in one period of one trial.
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { SIZES, syntheticScenario } from "./synthetic.ts";
import type { Scenario } from "../src/scenario/schema.ts";

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const prevRoot = flag("--prev");
const rounds = Number(flag("--rounds") ?? 2);
const seconds = Number(flag("--seconds") ?? 3);
/** only the cases whose name contains this text (e.g. --only mixed) */
const only = flag("--only");

interface Engine {
  label: string;
  prepareRun: (s: Scenario) => { networks: { nFlows: number }[]; simulators: { setTracing(on: boolean): void }[] };
  runTrials: (p: unknown, first: number, n: number) => unknown;
  loadScenario: (file: string) => Promise<Scenario>;
}

async function engineAt(root: string, label: string): Promise<Engine> {
  const dist = (p: string) => pathToFileURL(path.join(root, "dist", p)).href;
  const run = await import(dist("engine/run.js"));
  const lib = await import(dist("index.js"));
  return { label, prepareRun: run.prepareRun, runTrials: run.runTrials, loadScenario: lib.loadScenario };
}

interface Case {
  name: string;
  scenario: Scenario;
  trace?: boolean;
}

interface Figure {
  trials: number;
  cpu: number;
  wall: number;
  flowPeriods: number;
}

/** Runs chunks of trials for `seconds` of wall time after a 0.5 s warm-up. */
function measure(engine: Engine, c: Case): Figure {
  const prepared = engine.prepareRun(c.scenario);
  if (c.trace === true) for (const s of prepared.simulators) s.setTracing(true);
  const flows = prepared.networks.reduce((s, n) => s + n.nFlows, 0);
  const chunk = 50;
  const w0 = performance.now();
  for (let first = 5_000_000; performance.now() - w0 < 500; first += chunk) engine.runTrials(prepared, first, chunk);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let trials = 0;
  while (performance.now() - t0 < seconds * 1000) {
    engine.runTrials(prepared, trials, chunk);
    trials += chunk;
  }
  const wall = (performance.now() - t0) / 1000;
  const u = process.cpuUsage(c0);
  return { trials, cpu: (u.user + u.system) / 1e6, wall, flowPeriods: trials * c.scenario.horizon * flows };
}

const engines = [await engineAt(here, "this tree")];
if (prevRoot !== undefined) engines.unshift(await engineAt(path.resolve(prevRoot), "previous"));
const flagship = await engines[engines.length - 1]!.loadScenario(path.join(here, "scenarios/gallium-germanium-2023.yaml"));
const allCases: Case[] = [
  { name: "flagship gallium-germanium-2023 (8 options)", scenario: flagship },
  { name: "large synthetic, mixed shocks (9 options)", scenario: syntheticScenario("large").scenario },
  { name: "large synthetic, every producer out (9 options)", scenario: syntheticScenario({ ...SIZES.large, shockMix: "every-good" }).scenario },
  { name: "  the same, every period stepped in full (tracing)", scenario: syntheticScenario({ ...SIZES.large, shockMix: "every-good" }).scenario, trace: true },
  { name: "large synthetic, 5 % of goods controlled (9 options)", scenario: syntheticScenario({ ...SIZES.large, shockMix: "few-goods" }).scenario },
];
const cases = allCases.filter((c) => only === undefined || c.name.includes(only));
if (cases.length === 0) throw new Error(`--only ${only}: no case's name contains it (${allCases.map((c) => c.name.trim()).join("; ")})`);

const cpuModel = os.cpus()[0]?.model ?? "?";
console.log(`# ${new Date().toISOString()}  node ${process.version}  ${os.cpus().length} × ${cpuModel}`);
console.log(`# load average at start: ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`);
console.log(`# ${rounds} round(s) of ${seconds} s per engine and case, alternated; best round by CPU rate`);
const best = new Map<string, Figure>();
for (let r = 0; r < rounds; r++) {
  for (const c of cases) {
    for (const e of engines) {
      const f = measure(e, c);
      const key = `${c.name}|${e.label}`;
      const prev = best.get(key);
      if (prev === undefined || f.trials / f.cpu > prev.trials / prev.cpu) best.set(key, f);
    }
  }
}
console.log("| case | engine | µs CPU per trial | trials per CPU s | trials per wall s | flow-periods per CPU s | cpu/wall | × previous (CPU) |");
console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const c of cases) {
  const before = best.get(`${c.name}|previous`);
  for (const e of engines) {
    const f = best.get(`${c.name}|${e.label}`)!;
    const ratio = before !== undefined && e.label !== "previous" ? `${(before.cpu / before.trials / (f.cpu / f.trials)).toFixed(2)}×` : "";
    console.log(
      `| ${c.name} | ${e.label} | ${((1e6 * f.cpu) / f.trials).toFixed(1)} | ${Math.round(f.trials / f.cpu).toLocaleString("en")} | ${Math.round(f.trials / f.wall).toLocaleString("en")} | ${(f.flowPeriods / f.cpu / 1e6).toFixed(1)}M | ${(f.cpu / f.wall).toFixed(2)} | ${ratio} |`,
    );
  }
}
