import { spawn } from "node:child_process";
import { appendFile, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/program.ts";
import { splitCsvLine } from "../../src/render/sweep-rows.ts";
import { repoRoot, runCli } from "../helpers/cli.ts";

class Capture extends Writable {
  text = "";
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** Like runCli, with an environment (shard indices of array jobs). */
async function runWithEnv(argv: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await run(argv, { stdout, stderr, env, cwd: repoRoot });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const tempDir = () => mkdtemp(path.join(tmpdir(), "chokepoint-sweep-"));

/** CSV text as records keyed by header. */
function parseCsv(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trimEnd().split("\n");
  const names = splitCsvLine(header!);
  return lines.map((line) => Object.fromEntries(splitCsvLine(line).map((v, i) => [names[i]!, v])));
}

const SCENARIO = "test/data/sweep/scenario.yaml";
const GRID = ["--set", "shocks.ban.probability=0.2,0.5,0.8", "--range", "network.producers.au-x.capacity=10:20:3"];

describe("chokepoint sweep: a grid", () => {
  it("writes 9 points × 3 options rows equal to `chokepoint run` on the scenario edited by hand", async () => {
    const { code, stdout, stderr } = await runCli(["sweep", SCENARIO, ...GRID, "--trials", "400"]);
    expect(code).toBe(0);
    const rows = parseCsv(stdout);
    expect(rows).toHaveLength(9 * 3);
    expect(Object.keys(rows[0]!)).toEqual([
      "point",
      "shocks.ban.probability",
      "network.producers.au-x.capacity",
      "option",
      "trials",
      "seed",
      "cost",
      "autonomy",
      "autonomy_lo",
      "autonomy_hi",
      "risk",
      "risk_lo",
      "risk_hi",
      "risk_diff",
      "risk_diff_lo",
      "risk_diff_hi",
      "expected",
      "expected_lo",
      "expected_hi",
    ]);
    expect(stderr).toContain("standardized rank regression coefficients (SRRC)");
    // every row records the run's trials (--trials) and seed (the scenario's, 11)
    expect(stdout.split("\n", 1)[0]).toBe("point,shocks.ban.probability,network.producers.au-x.capacity,option,trials,seed,cost,autonomy,autonomy_lo,autonomy_hi,risk,risk_lo,risk_hi,risk_diff,risk_diff_lo,risk_diff_hi,expected,expected_lo,expected_hi");
    expect(new Set(rows.map((r) => `${r.trials}/${r.seed}`))).toEqual(new Set(["400/11"]));

    // point 2 = (probability 0.2, capacity 20); point 6 = (0.8, 10): first parameter varies slowest
    const scenarioText = await readFile(path.join(repoRoot, SCENARIO), "utf8");
    const networkText = await readFile(path.join(repoRoot, "test/data/sweep/network.yaml"), "utf8");
    for (const [point, probability, capacity] of [
      [2, 0.2, 20],
      [6, 0.8, 10],
    ] as const) {
      const dir = await tempDir();
      // the ban's probability is the first `probability: 0.5` in the file
      await writeFile(path.join(dir, "scenario.yaml"), scenarioText.replace("probability: 0.5", `probability: ${probability}`));
      await writeFile(path.join(dir, "network.yaml"), networkText.replace("{id: au-x, country: AU, good: x, capacity: 15}", `{id: au-x, country: AU, good: x, capacity: ${capacity}}`));
      const byHand = await runCli(["run", "scenario.yaml", "--trials", "400", "--format", "json"], dir);
      expect(byHand.code).toBe(0);
      const report = JSON.parse(byHand.stdout) as {
        options: {
          id: string;
          cost: number;
          autonomy: { mean: number; ci95: [number, number] };
          risk: { value: number; ci95: [number, number] };
          expected: { value: number; ci95: [number, number] };
          vs_baseline: { risk: { diff: number; ci95: [number, number] } };
        }[];
      };
      const mine = rows.filter((r) => r.point === String(point));
      expect(mine.map((r) => [r["shocks.ban.probability"], r["network.producers.au-x.capacity"]])).toEqual(
        Array(3).fill([String(probability), String(capacity)]),
      );
      expect(mine.map((r) => r.option)).toEqual(report.options.map((o) => o.id));
      mine.forEach((r, i) => {
        const o = report.options[i]!;
        expect([r.cost, r.autonomy, r.autonomy_lo, r.autonomy_hi, r.risk, r.risk_lo, r.risk_hi, r.risk_diff, r.risk_diff_lo, r.risk_diff_hi, r.expected, r.expected_lo, r.expected_hi].map(Number)).toEqual([
          o.cost,
          o.autonomy.mean,
          ...o.autonomy.ci95,
          o.risk.value,
          ...o.risk.ci95,
          o.vs_baseline.risk.diff,
          ...o.vs_baseline.risk.ci95,
          o.expected.value,
          ...o.expected.ci95,
        ]);
      });
    }
  });

  it("gives the same rows for 1 and 2 worker threads, and as JSON Lines", async () => {
    const one = await runCli(["sweep", SCENARIO, "--file", "test/data/sweep/grid.yaml", "--workers", "1"]);
    const two = await runCli(["sweep", SCENARIO, "--file", "test/data/sweep/grid.yaml", "--workers", "2"]);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const jsonl = await runCli(["sweep", SCENARIO, "--file", "test/data/sweep/grid.yaml", "--format", "jsonl"]);
    const records = jsonl.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(Object.keys(records[0]!).slice(0, 6)).toEqual(["point", "shocks.ban.probability", "network.producers.au-x.capacity", "option", "trials", "seed"]);
    expect(records.every((r) => r.trials === 200 && r.seed === 11)).toBe(true);
    expect(records.map((r) => [r.point, r.option, r.risk])).toEqual(parseCsv(one.stdout).map((r) => [Number(r.point), r.option, Number(r.risk)]));
  });
});

describe("chokepoint sweep --design lhs", () => {
  it("runs N stratified points and names the parameter that explains most of each option's risk", async () => {
    const args = ["sweep", SCENARIO, "--design", "lhs", "--samples", "6", "--lhs-seed", "2", "--range", "shocks.ban.probability=0.1:0.9", "--range", "network.producers.au-x.capacity=10:20", "--trials", "100"];
    const { code, stdout, stderr } = await runCli(args);
    expect(code).toBe(0);
    const rows = parseCsv(stdout);
    expect(rows).toHaveLength(6 * 3);
    const probabilities = [...new Set(rows.map((r) => Number(r["shocks.ban.probability"])))];
    // one value in each sixth of [0.1, 0.9]
    expect(probabilities.map((p) => Math.floor(((p - 0.1) / 0.8) * 6)).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(stderr).toContain("sweep summary: 6 of 6 points × 3 options, Latin hypercube");
    expect(stderr).toMatch(/explains most of the variance of risk, per option:\n {2}baseline: \S+ \(SRRC -?\d\.\d{3}\)/);
    expect((await runCli(args)).stdout).toBe(stdout);
    expect(await runCli(["sweep", SCENARIO, "--design", "lhs", "--range", "horizon=6:12"])).toMatchObject({
      code: 2,
      stderr: "error: --design lhs needs --samples N (or samples: in the sweep file)\n",
    });
  });

  it("lists the parameter paths of a scenario", async () => {
    const { code, stdout } = await runCli(["sweep", SCENARIO, "--list-paths"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^shocks\.ban\.duration +\(distribution\) *$/m);
    expect(stdout).toMatch(/^network\.flows\[1\]\.volume +10 *$/m);
  });
});

describe("chokepoint sweep --design oat", () => {
  it("prints a tornado table led by the parameter a hand check predicts", async () => {
    // Hand check (test/data/sweep/tornado.yaml): Japan uses 80/period, 70 from China and 10 from
    // Australia (capacity 15, so 5 spare); China cuts its flow by severity s for all 10 periods, in
    // every trial, so risk = 100 × unmet share of any trial. Missing per period = 70 s − spare.
    //   base s = 0.5, spare 5:              35 − 5 = 30 → 30/80 = 37.5
    //   severity 0.2 / 0.8:                 14 − 5 = 9 → 11.25;  56 − 5 = 51 → 63.75   swing 52.5
    //   Australia's capacity 10 / 20:       spare 0: 35 → 43.75; spare 10: 25 → 31.25  swing 12.5
    //   inventoryPeriods 0 / 2:             0 → 37.5; 2 × 80 = 160 units cover 160 of the
    //                                       10 × 30 = 300 missing → 140/800 → 17.5    swing 20
    //   a policy's cost 0 / 100:            no effect on the baseline                  swing 0
    // So the order is severity, inventory, capacity, cost.
    const { code, stdout, stderr } = await runCli([
      "sweep",
      "test/data/sweep/tornado.yaml",
      "--file",
      "test/data/sweep/tornado-sweep.yaml",
      "--option",
      "baseline",
    ]);
    expect(code).toBe(0);
    expect(parseCsv(stdout)).toHaveLength(1 + 2 * 4);
    expect(stderr).toMatchInlineSnapshot(`
      "sweep summary: 9 of 9 points × 1 option, one at a time

      tornado: each option's risk (100 × CVaR95) with one parameter at its low and its high value,
      the others at the scenario's base; swing = |risk@high − risk@low|, widest first
      option    parameter                         low  high  risk@low  risk@base  risk@high  swing
      --------  --------------------------------  ---  ----  --------  ---------  ---------  -----
      baseline  shocks.ban.severity               0.2   0.8     11.25      37.50      63.75  52.50
      baseline  network.goods.x.inventoryPeriods    0     2     37.50      37.50      17.50  20.00
      baseline  network.producers.au-x.capacity    10    20     43.75      37.50      31.25  12.50
      baseline  policies.stock.cost                 0   100     37.50      37.50      37.50   0.00

      best option (lowest risk): baseline at 9 of 9 points
      the best option is the same at every point
      "
    `);
  });
});

describe("chokepoint sweep --shard and chokepoint merge", () => {
  it("two shards merged equal the unsharded output, and so do three (CSV and JSON Lines)", async () => {
    const dir = await tempDir();
    const base = ["sweep", SCENARIO, ...GRID, "--trials", "100"];
    const out = (name: string) => path.join(dir, name);
    for (const format of ["csv", "jsonl"] as const) {
      expect((await runCli([...base, "--format", format, "--out", out(`full.${format}`)])).code).toBe(0);
      const full = await readFile(out(`full.${format}`), "utf8");
      expect(full.trimEnd().split("\n")).toHaveLength((format === "csv" ? 1 : 0) + 27);

      // 2 shards by hand: k/N with k from 1
      for (const k of [1, 2]) {
        expect((await runCli([...base, "--format", format, "--shard", `${k}/2`, "--out", out(`two-{shard}.${format}`)])).code).toBe(0);
      }
      // 3 shards of an array job: the index from the environment
      const envs = [{ JOB_COMPLETION_INDEX: "0" }, { SLURM_ARRAY_TASK_ID: "2", SLURM_ARRAY_TASK_MIN: "1" }, { JOB_COMPLETION_INDEX: "2" }];
      for (const env of envs) {
        expect((await runWithEnv([...base, "--format", format, "--shards", "3", "--out", out(`three-{shard}.${format}`)], env)).code).toBe(0);
      }
      // shard 2 of 3 holds points 1, 4, 7
      const shard2 = await readFile(out(`three-2.${format}`), "utf8");
      const points = new Set(shard2.trimEnd().split("\n").slice(format === "csv" ? 1 : 0).map((l) => l.startsWith("{") ? (JSON.parse(l) as { point: number }).point : Number(l.split(",")[0])));
      expect([...points]).toEqual([1, 4, 7]);

      const two = await runCli(["merge", out(`two-2.${format}`), out(`two-1.${format}`)]);
      expect(two).toEqual({ code: 0, stdout: full, stderr: "" });
      const three = await runCli(["merge", out(`three-3.${format}`), out(`three-1.${format}`), out(`three-2.${format}`), "--out", out(`merged.${format}`)]);
      expect(three.code).toBe(0);
      expect(await readFile(out(`merged.${format}`), "utf8")).toBe(full);
    }
  });

  it("refuses to merge shards run with different --trials", async () => {
    const dir = await tempDir();
    const base = ["sweep", SCENARIO, "--set", "shocks.ban.probability=0.2,0.5", "--option", "baseline"];
    const one = path.join(dir, "one.csv");
    const two = path.join(dir, "two.csv");
    expect((await runCli([...base, "--trials", "20", "--shard", "1/2", "--out", one])).code).toBe(0);
    expect((await runCli([...base, "--trials", "30", "--shard", "2/2", "--out", two])).code).toBe(0);
    const merged = await runCli(["merge", one, two, "--out", path.join(dir, "merged.csv")]);
    expect(merged.code).toBe(2);
    expect(merged.stdout).toBe("");
    expect(merged.stderr).toBe(
      `${two}:2:1  (document)  its rows were made with trials 30 and seed 11, but the rows of ${one} were made with trials 20 and seed 11: merge only shards of one sweep run with the same --trials and --seed\n1 problem found.\n`,
    );
    await expect(readFile(path.join(dir, "merged.csv"), "utf8")).rejects.toThrow(/ENOENT/);
  });
});

describe("chokepoint sweep --resume", () => {
  it("finishes a sweep killed midway (SIGTERM) into the file an uninterrupted run writes", async () => {
    const dir = await tempDir();
    const args = ["sweep", SCENARIO, "--range", "shocks.ban.probability=0.1:0.9:6", "--range", "network.producers.au-x.capacity=10:20:5", "--trials", "500"];
    const killed = path.join(dir, "killed.csv");
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args, "--out", killed], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
    let childErr = "";
    child.stderr.on("data", (d: Buffer) => {
      childErr += d.toString();
    });
    let running = true;
    const exited = new Promise<number | null>((resolve) =>
      child.on("exit", (code) => {
        running = false;
        resolve(code);
      }),
    );
    // wait for a few rows (two points and a bit), then stop it
    while (running) {
      const text = await readFile(killed, "utf8").catch(() => "");
      if (text.split("\n").length > 1 + 7) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill("SIGTERM");
    expect(await exited).toBe(130);
    expect(childErr).toMatch(/interrupted after \d+ of 30 points; .*--resume/);
    const partial = await readFile(killed, "utf8");
    const written = partial.trimEnd().split("\n").length - 1;
    expect(written).toBeGreaterThan(6);
    expect(written).toBeLessThan(30 * 3);
    expect(partial.endsWith("\n")).toBe(true);
    // as if a harder kill had torn the last row mid-write
    await appendFile(killed, "29,0.9,20,basel");

    const resumed = await runCli([...args, "--out", killed, "--resume"]);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(/^resuming .*killed\.csv: \d+ of 30 points already complete; dropped an incomplete last line/);
    const uninterrupted = await runCli([...args, "--out", path.join(dir, "full.csv")]);
    expect(uninterrupted.code).toBe(0);
    expect(await readFile(killed, "utf8")).toBe(await readFile(path.join(dir, "full.csv"), "utf8"));
    // the summary covers every point, resumed or not
    expect(resumed.stdout).toBe(uninterrupted.stdout);

    // resuming a finished sweep runs nothing and prints the summary again
    const again = await runCli([...args, "--out", killed, "--resume"]);
    expect(again.stderr).toMatch(/30 of 30 points already complete/);
    expect(again.stdout).toBe(uninterrupted.stdout);
  }, 60_000);
});

describe("chokepoint sweep --resume with other trials or another seed", () => {
  it("refuses with exit 2, names the file's and the command's values, and leaves the file alone", async () => {
    const dir = await tempDir();
    const out = path.join(dir, "out.csv");
    const args = ["sweep", SCENARIO, "--set", "shocks.ban.probability=0.2,0.5", "--option", "baseline", "--trials", "20", "--out", out];
    expect((await runCli(args)).code).toBe(0);
    const before = await readFile(out, "utf8");
    const resumed = await runCli([...args, "--seed", "5", "--resume"]);
    expect(resumed).toEqual({
      code: 2,
      stdout: "",
      stderr:
        `${out}:2:1  seed  cannot resume: the rows in this file were made with trials 20 and seed 11, but this command runs trials 20 and seed 5; ` +
        "their results are not comparable. Resume with --trials 20 --seed 11, or run without --resume to start the file afresh\n1 problem found.\n",
    });
    expect(await readFile(out, "utf8")).toBe(before);
    // the same trials and seed given explicitly resume as before
    expect((await runCli([...args, "--seed", "11", "--resume"])).stderr).toMatch(/2 of 2 points already complete/);
  });
});

describe("chokepoint sweep: input errors", () => {
  it("places a wrong path, a range with min > max and a non-numeric value in the sweep file", async () => {
    const wrong = await runCli(["sweep", SCENARIO, "--file", "test/data/sweep/wrong-path.yaml"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toBe("");
    expect(wrong.stderr).toMatchInlineSnapshot(`
      "test/data/sweep/wrong-path.yaml:4:11  parameters[1].path  unknown parameter path 'network.producers.au.capacity'; nearest valid paths: network.producers.au-x.capacity, network.producers.cn-x.capacity, network.producers.kr-x.capacity, network.goods.x.price, network.goods.x.weight (chokepoint sweep SCENARIO --list-paths lists them all)
      1 problem found.
      "
    `);
    const numbers = await runCli(["sweep", SCENARIO, "--file", "test/data/sweep/bad-numbers.yaml"]);
    expect(numbers.code).toBe(2);
    expect(numbers.stderr).toMatchInlineSnapshot(`
      "test/data/sweep/bad-numbers.yaml:3:18  parameters[0].range.min  min 20 must not exceed max 10
      test/data/sweep/bad-numbers.yaml:5:19  parameters[1].values[1]  must be a number, got 'abc'
      2 problems found.
      "
    `);
  });

  it("names the flag for the same mistakes on the command line", async () => {
    const { code, stdout, stderr } = await runCli([
      "sweep",
      SCENARIO,
      "--set",
      "shocks.ban.sevrity=0.2,0.4",
      "--range",
      "network.producers.au-x.capacity=20:10:3",
      "--set",
      "shocks.ban.probability=0.2,abc",
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatchInlineSnapshot(`
      "--set  shocks.ban.sevrity  unknown parameter path 'shocks.ban.sevrity'; nearest valid paths: shocks.ban.severity, shocks.ban.start, shocks.ban.severity.min, shocks.ban.severity.max, shocks.storm.severity (chokepoint sweep SCENARIO --list-paths lists them all)
      --range  network.producers.au-x.capacity  min 20 exceeds max 10 (in '20:10:3')
      --set  shocks.ban.probability  'abc' is not a number (in '0.2,abc')
      3 problems found.
      "
    `);
  });

  it("places a value that makes the scenario invalid, before anything runs", async () => {
    const inFile = await runCli(["sweep", SCENARIO, "--file", "test/data/sweep/invalid-value.yaml"]);
    expect(inFile).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "test/data/sweep/invalid-value.yaml:3:19  parameters[0].values[1]  shocks.storm.severity = 1.4 makes the scenario invalid: shocks[1].severity must be between 0 and 1, got 1.4\n1 problem found.\n",
    });
    const flag = await runCli(["sweep", SCENARIO, "--set", "network.producers.au-x.capacity=5,20"]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/^--set {2}network\.producers\.au-x\.capacity {2}network\.producers\.au-x\.capacity = 5 makes the scenario invalid: network\.producers\[1\]\.capacity /);
  });

  it("names a point whose combination of values breaks the scenario, though each value alone is fine", async () => {
    // min 4 with the base mode 4 is fine, mode 3 with the base min 2 is fine; together min > mode
    const { code, stderr } = await runCli(["sweep", SCENARIO, "--set", "shocks.ban.duration.min=2,4", "--set", "shocks.ban.duration.mode=3,5"]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      "--set  point 2  shocks.ban.duration.min = 4, shocks.ban.duration.mode = 3 makes the scenario invalid: shocks[0].duration.mode needs min ≤ mode ≤ max\n1 problem found.\n",
    );
  });

  it("rejects --resume without --out and trials or seed as a parameter", async () => {
    expect(await runCli(["sweep", SCENARIO, ...GRID, "--resume"])).toMatchObject({
      code: 2,
      stderr: "error: --resume needs --out FILE: it continues the rows already in that file\n",
    });
    const trials = await runCli(["sweep", SCENARIO, "--set", "trials=100,200"]);
    expect(trials.code).toBe(2);
    expect(trials.stderr).toContain("trials is a sweep-level setting");
  });
});

describe("chokepoint sweep on the bundled flagship scenario", () => {
  it("writes 9 points × 8 options; two points equal `run` on copies of the scenario edited by hand", async () => {
    const flagship = "scenarios/gallium-germanium-2023.yaml";
    const grid = [
      "--set",
      "shocks.cn-ga-licensing.severity=0.5,0.7,0.9",
      "--set",
      "policies.ga-stock-60d.periods=1,2,4",
      "--option",
      "stockpile-60d,package",
    ];
    const { code, stdout } = await runCli(["sweep", flagship, ...grid, "--trials", "400"]);
    expect(code).toBe(0);
    const rows = parseCsv(stdout);
    // 9 points × (baseline + 2 chosen options)
    expect(rows).toHaveLength(9 * 3);
    const text = await readFile(path.join(repoRoot, flagship), "utf8");
    // first parameter varies slowest: point 1 = (0.5, 2), point 8 = (0.9, 4)
    for (const [point, severity, periods] of [
      [1, 0.5, 2],
      [8, 0.9, 4],
    ] as const) {
      const dir = await tempDir();
      const edited = text
        .replace("severity: {dist: uniform, min: 0.2, max: 0.5}", `severity: ${severity}`)
        .replace("good: gallium, periods: 2, cost: 3.5}", `good: gallium, periods: ${periods}, cost: 3.5}`)
        .replace("network: ../fixtures/gallium-germanium.yaml", `network: ${path.join(repoRoot, "fixtures/gallium-germanium.yaml")}`);
      // each replacement must have hit (the licensing friction's severity, the 60-day gallium stock)
      expect(edited.includes("severity: {dist: uniform, min: 0.2, max: 0.5}")).toBe(false);
      expect(edited).toContain(`good: gallium, periods: ${periods}, cost: 3.5}`);
      await writeFile(path.join(dir, "scenario.yaml"), edited);
      const byHand = await runCli(
        ["run", "scenario.yaml", "--trials", "400", "--format", "json", "--option", "stockpile-60d", "--option", "package"],
        dir,
      );
      expect(byHand.code).toBe(0);
      const report = JSON.parse(byHand.stdout) as {
        options: { id: string; autonomy: { mean: number }; risk: { value: number; ci95: [number, number] } }[];
      };
      const mine = rows.filter((r) => r.point === String(point));
      expect(mine.map((r) => r.option)).toEqual(report.options.map((o) => o.id));
      mine.forEach((r, i) => {
        const o = report.options[i]!;
        expect([Number(r.autonomy), Number(r.risk), Number(r.risk_lo), Number(r.risk_hi)]).toEqual([
          o.autonomy.mean,
          o.risk.value,
          ...o.risk.ci95,
        ]);
      });
    }
  });
});
