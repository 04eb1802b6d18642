// Fuzz: thousands of mutated copies of bundled scenario and network files through the CLI entry
// (in-process). Each outcome is exit 0 with finite scores in range, or exit 2 with every message
// located, short and free of control characters; never exit 1, never a stack, never a null score.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { type Document, isMap, isScalar, isSeq, parseDocument, visit } from "yaml";
import { repoRoot, runCli } from "../helpers/cli.ts";

/** The two smallest bundled scenario + network pairs (a mutation costs a parse of each). */
const PAIRS = [
  { scenario: "scenarios/hormuz-closure.yaml", network: "fixtures/energy-japan.yaml" },
  { scenario: "scenarios/gallium-germanium-2023.yaml", network: "fixtures/gallium-germanium.yaml" },
];
const MUTATIONS = 2000;
/** One valid mutated scenario in this many is also run (a few trials), the rest validated. */
const RUN_EVERY = 20;
/** The share of mutations made to the network file rather than the scenario (a network costs more to parse). */
const ON_NETWORK = 0.12;

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

/** Values that broke, or could break, the front door: overflow, signs, types, control characters, size. */
const NASTY: readonly unknown[] = [
  1e308, 1e307, -1e308, 1e20, 1e15, 1e12, 1e9, 100000, -1, -0.5, 0, 0.5, 1, 2, 1.5, 3.7, 1e-300, Number.NaN,
  Number.POSITIVE_INFINITY, "", "x", "J\nP", "\u001b[31mred\u001b[0m", "a\u0000b", "é✓", "x".repeat(5000), null, true, [], {}, [1, 2], { dist: "uniform", min: 0, max: 1e308 },
  { dist: "lognormal", mu: 700, sigma: 1 }, { dist: "choice", values: [] }, "CN", "JP", "baseline",
];

/** One mutation of a YAML text: a value swapped for a nasty one, an entry removed or doubled, or a cut, an alias or a raw byte. */
function mutate(original: Document.Parsed, text: string, rng: Rng): string {
  const kind = rng();
  if (kind < 0.1) {
    // text level: cut the file, drop a line, or insert a control character or a tab
    const lines = text.split("\n");
    const at = Math.floor(rng() * lines.length);
    const r = rng();
    if (r < 0.3) return text.slice(0, Math.floor(rng() * text.length));
    if (r < 0.6) return lines.filter((_, i) => i !== at).join("\n");
    lines[at] = `${lines[at]}${pick(rng, ["\u0007", "\t", " #", ": :", "\u001b[2J", " &a", " *a", "'"])}`;
    return lines.join("\n");
  }
  const doc = original.clone();
  const scalars: { parent: unknown; key: unknown }[] = [];
  const collections: unknown[] = [];
  visit(doc, {
    Pair(_, pair, path) {
      const parent = path[path.length - 1];
      if (isMap(parent)) scalars.push({ parent, key: isScalar(pair.key) ? pair.key.value : pair.key });
    },
    Seq(_, seq) {
      collections.push(seq);
    },
  });
  if (kind < 0.8 && scalars.length > 0) {
    const { parent, key } = pick(rng, scalars);
    if (isMap(parent)) parent.set(key, doc.createNode(pick(rng, NASTY)));
  } else if (kind < 0.9 && scalars.length > 0) {
    const { parent, key } = pick(rng, scalars);
    if (isMap(parent)) parent.delete(key);
  } else if (collections.length > 0) {
    const seq = pick(rng, collections);
    if (isSeq(seq) && seq.items.length > 0) {
      const i = Math.floor(rng() * seq.items.length);
      if (rng() < 0.5) seq.items.splice(i, 1);
      else seq.items.push(seq.items[i]);
    }
  }
  return String(doc);
}

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;
/** A located problem (`file:line:col  path  sentence`, or `file  path  sentence`), a count line, or a usage error. */
const LINE = /^(\S+\.ya?ml(:\d+:\d+)?  \S.*|\d+ problems? (found\.|in \d+ of \d+ files?\.)|error: \S.*)$/;

function checkRejection(stderr: string): void {
  for (const line of stderr.split("\n").filter((l) => l !== "")) {
    expect(line, line.slice(0, 200)).toMatch(LINE);
    expect(line.length).toBeLessThanOrEqual(500);
    expect(CONTROL.test(line)).toBe(false);
  }
  expect(stderr).not.toContain("    at ");
}

const inRange = (x: unknown, lo: number, hi: number): boolean => typeof x === "number" && Number.isFinite(x) && x >= lo - 1e-9 && x <= hi + 1e-9;
const intervalOk = (ci: unknown, lo: number, hi: number): boolean =>
  Array.isArray(ci) && ci.length === 2 && ((ci[0] === null && ci[1] === null) || (inRange(ci[0], lo, hi) && inRange(ci[1], lo, hi) && ci[0] <= ci[1]));

function checkScores(stdout: string): void {
  const report = JSON.parse(stdout) as { options: Record<string, any>[] };
  for (const o of report.options) {
    expect(inRange(o.autonomy.mean, 0, 100), `autonomy of ${o.id}`).toBe(true);
    expect(inRange(o.risk.value, 0, 100), `risk of ${o.id}`).toBe(true);
    expect(intervalOk(o.autonomy.ci95, 0, 100) && intervalOk(o.risk.ci95, 0, 100), `intervals of ${o.id}`).toBe(true);
    expect(intervalOk(o.vs_baseline.risk.ci95, -100, 100), `Δrisk interval of ${o.id}`).toBe(true);
  }
}

describe("fuzzing the bundled files through the CLI", () => {
  it(`gives exit 0 with scores in range or exit 2 with located, short, printable messages for ${MUTATIONS} mutations`, { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-fuzz-"));
    const rng = seedrandom.alea("front-door");
    const texts = PAIRS.map((p) => {
      const scenario = readFileSync(join(repoRoot, p.scenario), "utf8");
      const network = readFileSync(join(repoRoot, p.network), "utf8");
      return { scenario, network, scenarioDoc: parseDocument(scenario), networkDoc: parseDocument(network) };
    });
    const outcomes = { valid: 0, rejected: 0, ran: 0 };
    for (let m = 0; m < MUTATIONS; m++) {
      const pair = texts[m % texts.length]!;
      // the scenario names its network beside it
      const onNetwork = rng() < ON_NETWORK;
      const scenario = (onNetwork ? pair.scenario : mutate(pair.scenarioDoc, pair.scenario, rng)).replace(/^network: .*$/m, "network: network.yaml");
      writeFileSync(join(dir, "scenario.yaml"), scenario);
      writeFileSync(join(dir, "network.yaml"), onNetwork ? mutate(pair.networkDoc, pair.network, rng) : pair.network);
      const checked = await runCli(["validate", "scenario.yaml"], dir);
      expect([0, 2], `mutation ${m}: ${checked.stderr.slice(0, 300)}`).toContain(checked.code);
      if (checked.code === 2) {
        outcomes.rejected++;
        checkRejection(checked.stderr);
        continue;
      }
      outcomes.valid++;
      if (m % RUN_EVERY !== 0) continue;
      const r = await runCli(["run", "scenario.yaml", "--trials", "30", "--workers", "1", "--max-horizon", "200", "--format", "json"], dir);
      expect([0, 2], `mutation ${m} run: ${r.stderr.slice(0, 300)}`).toContain(r.code);
      if (r.code === 0) {
        outcomes.ran++;
        checkScores(r.stdout);
      } else checkRejection(r.stderr);
    }
    // the mutator reaches both outcomes
    expect(outcomes.rejected).toBeGreaterThan(MUTATIONS / 10);
    expect(outcomes.valid).toBeGreaterThan(MUTATIONS / 10);
    expect(outcomes.ran).toBeGreaterThan(20);
    // measured: 37 s for the 2 000 mutations at a load average of 10 on 2 cores (bench/RESULTS.md)
  });
});
