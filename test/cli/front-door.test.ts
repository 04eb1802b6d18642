// The front door (issue "A hardened front door"): one test per finding, each on the input that
// used to give a silent wrong number, a stack trace, a lost result, a raw echo, an impossible
// interval or a flag trap, asserting the located sentence and exit code that replace it.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Writable } from "node:stream";
import { checkFinite } from "../../src/app/trials.ts";
import { handleError } from "../../src/cli/program.ts";
import { TrialError } from "../../src/errors.ts";
import { scoreOptions } from "../../src/stats/score-options.ts";
import { repoRoot, runCli } from "../helpers/cli.ts";

const network = readFileSync(join(repoRoot, "test/data/run/network.yaml"), "utf8");
const scenario = readFileSync(join(repoRoot, "test/data/run/scenario.yaml"), "utf8");

/** A folder holding the test scenario and its network, each with `edit` applied. */
function files(edit: { network?: (t: string) => string; scenario?: (t: string) => string } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "chokepoint-door-"));
  writeFileSync(join(dir, "network.yaml"), (edit.network ?? ((t) => t))(network));
  writeFileSync(join(dir, "scenario.yaml"), (edit.scenario ?? ((t) => t))(scenario));
  return dir;
}

/** Every stderr line is short and printable, and no stack is shown. */
function plain(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at /);
  for (const line of stderr.split("\n")) {
    expect(line.length).toBeLessThanOrEqual(400);
    expect(/[\u0000-\u0008\u000b-\u001f\u007f]/.test(line)).toBe(false);
  }
}

describe("1. no silent wrong number", () => {
  it.each([
    ["a price of 1e307", (t: string) => t.replace("price: 580", "price: 1e307"), "goods[0].price", "6:"],
    ["a weight of 1e307", (t: string) => t.replace("price: 580,", "price: 580, weight: 1e307,"), "goods[0].weight", "6:"],
    ["a capacity of 1e308", (t: string) => t.replace("capacity: 100}", "capacity: 1e308}"), "producers[0].capacity", "8:"],
  ])("%s is refused at its line with exit 2 (it used to print autonomy: null)", async (_name, edit, path, line) => {
    const dir = files({ network: edit });
    const r = await runCli(["run", "scenario.yaml", "--trials", "50", "--format", "json"], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`network.yaml:${line}`);
    expect(r.stderr).toContain(`${path}  must be at most`);
    plain(r.stderr);
  });

  it("a non-finite trial is an internal error naming its seed, trial and option", () => {
    const ok = { id: "baseline", unmet: Float64Array.of(0.1, 0.2), unmetGood: Float64Array.of(0.1, 0.2) };
    const bad = { id: "stock", unmet: Float64Array.of(0.1, Number.NaN), unmetGood: Float64Array.of(0.1, 0) };
    expect(() => checkFinite([ok], 7, 100)).not.toThrow();
    let error: unknown;
    try {
      checkFinite([ok, bad], 7, 100);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(TrialError);
    // row 1 of a batch starting at trial 100
    expect((error as TrialError).place).toEqual({ seed: 7, trial: 101, option: "stock" });
  });
});

describe("2. --out is checked before any trial", () => {
  it.each([
    ["a missing folder", "/nonexistent/dir/x.json", "the folder '/nonexistent/dir' does not exist"],
    ["a folder", "/tmp", "it is a folder; give a file name inside it"],
  ])("run --out %s: exit 2, one sentence, no stack, before the work limit is even looked at", async (_name, out, why) => {
    // 10^9 trials would be refused by the work limit: the --out sentence shows it came first
    const r = await runCli(["run", "test/data/run/scenario.yaml", "--trials", "1000000000", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: option --out: cannot write '${out}': ${why}\n`);
  });

  it("sweep --out into a missing folder: exit 2 before any point runs", async () => {
    const r = await runCli(["sweep", "test/data/run/scenario.yaml", "--set", "horizon=12,24", "--out", "/nonexistent/s.csv"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("option --out: cannot write '/nonexistent/s.csv'");
    plain(r.stderr);
  });
});

describe("2b. an internal error is one sentence", () => {
  it("shows its stack only with CHOKEPOINT_DEBUG", () => {
    const print = (env: NodeJS.ProcessEnv) => {
      let text = "";
      const stderr = new Writable({
        write(chunk, _enc, done) {
          text += String(chunk);
          done();
        },
      });
      const code = handleError(new Error("cannot write /x/out.json: no space left on the device"), { stdout: stderr, stderr, env, cwd: repoRoot });
      return { code, text };
    };
    expect(print({})).toEqual({ code: 1, text: "internal error: cannot write /x/out.json: no space left on the device\n" });
    expect(print({ CHOKEPOINT_DEBUG: "1" }).text).toMatch(/\n\s+at /);
  });
});

describe("3. YAML anchors and aliases", () => {
  it("150 uses of one anchor validate (100 used to fail with 'Excessive alias count')", async () => {
    const countries = Array.from({ length: 150 }, (_, i) => `  - {id: X${i}, name: *nm}`).join("\n");
    const dir = files({
      network: (t) => t.replace("  - {id: JP, name: Japan,", "  - {id: JP, name: &nm Japan,").replace("goods:", `${countries}\ngoods:`),
    });
    const r = await runCli(["validate", "scenario.yaml"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("beyond 10 000 uses of an anchor, the parser's own limit is a located problem, exit 2", async () => {
    // 10 001 uses of a scalar anchor: 10 001 alias uses > 10 000, yet only ~10 000 values expanded
    const uses = Array.from({ length: 10_001 }, () => "*n").join(", ");
    const dir = files({ scenario: (t) => `extra: [&n 1, ${uses}]\n${t}` });
    const r = await runCli(["validate", "scenario.yaml"], dir);
    expect(r.code).toBe(2);
    // the first alias follows `extra: [&n 1, ` (14 characters): line 1, column 15
    expect(r.stderr).toContain("scenario.yaml:1:15  (document)  cannot expand the document's aliases: more than 10000 alias uses, the limit");
    plain(r.stderr);
  });

  it("a billion-laughs alias bomb (10^9 values) is refused at its first alias, exit 2", async () => {
    const levels = ["  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
    for (let i = 1; i <= 9; i++) levels.push(`  l${i}: &l${i} [${Array.from({ length: 10 }, () => `*l${i - 1}`).join(", ")}]`);
    const dir = files({ scenario: (t) => `bomb:\n${levels.join("\n")}\n${t}` });
    const r = await runCli(["run", "scenario.yaml"], dir);
    expect(r.code).toBe(2);
    // the first alias is on line 3, column 12: `  l1: &l1 [` is 11 characters, then `*l0`
    expect(r.stderr).toContain("scenario.yaml:3:12  (document)  through its aliases the document expands to more than 1000000 values");
    plain(r.stderr);
  });
});

describe("4. runs that can be stopped, and sizes refused before running", () => {
  it("horizon 100000 is refused with the limit and the flag that raises it", async () => {
    const dir = files({ scenario: (t) => t.replace("horizon: 24", "horizon: 100000") });
    const r = await runCli(["run", "scenario.yaml", "--trials", "10"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: scenario.yaml: horizon 100000 is above the limit of 10000 periods; raise it deliberately with --max-horizon 100000\n");
  });

  it("horizon 1e9 is refused by the file format itself, located", async () => {
    const dir = files({ scenario: (t) => t.replace("horizon: 24", "horizon: 1e9") });
    const r = await runCli(["validate", "scenario.yaml"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("scenario.yaml:4:10  horizon  must be at most 1000000, got 1000000000");
  });

  it("work and memory beyond their limits are refused, naming --max-work and --max-memory", async () => {
    // 10^9 trials × 24 periods × (2 flows + 2 producers + 1 good) × 4 options = 4.8 × 10^11 units
    const work = await runCli(["run", "test/data/run/scenario.yaml", "--trials", "1000000000"]);
    expect(work.code).toBe(2);
    expect(work.stderr).toContain("= 4.80e+11 work units, above the limit of 1.00e+11");
    expect(work.stderr).toContain("--max-work 480000000000");
    // 100 000 trials × 4 options × (1 + 2 × 1 good) × 8 bytes = 9.6 MB = 9.16 MiB, above 1
    const memory = await runCli(["run", "test/data/run/scenario.yaml", "--trials", "100000", "--max-memory", "1"]);
    expect(memory.code).toBe(2);
    expect(memory.stderr).toContain("need 10 MB, above the limit of 1 MB");
  });
});

describe("5. a network path must be a network file", () => {
  it("network: /etc/passwd is one short located sentence without the file's content", async () => {
    const dir = files({ scenario: (t) => t.replace("network: network.yaml", "network: /etc/passwd") });
    const r = await runCli(["validate", "scenario.yaml"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "scenario.yaml:2:10  network  must name a network file (.yaml, .yml or .json)\n1 problem in 1 of 1 file.\n",
    );
  });

  it("a network file holding a text is refused without quoting it", async () => {
    const dir = files({ network: () => "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon\n" });
    const r = await runCli(["validate", "scenario.yaml"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("network.yaml:1:1  (document)  is not a network file: the document is a text, not a map of fields");
    expect(r.stderr).not.toContain("root:x");
  });

  it("control characters are escaped and a long value is cut to a short excerpt", async () => {
    const dir = files({ scenario: (t) => t.replace("home: JP", `home: "J\\nP\\e[31m"\nname2: "${"x".repeat(50_000)}"`) });
    const r = await runCli(["validate", "scenario.yaml"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("home  unknown country 'J\\nP\\x1b[31m'");
    plain(r.stderr);
    expect(r.stderr.length).toBeLessThan(1000);
  });
});

describe("6. intervals within the possible range", () => {
  it("at 50 trials no autonomy interval passes 100 and risk intervals are left out, with the rule said", async () => {
    const json = await runCli(["run", "scenarios/rare-earth-magnets-2025.yaml", "--trials", "50", "--format", "json"]);
    expect(json.code).toBe(0);
    for (const o of JSON.parse(json.stdout).options) {
      expect(o.autonomy.ci95[1]).toBeLessThanOrEqual(100);
      expect(o.autonomy.ci95[0]).toBeGreaterThanOrEqual(0);
      // 50 × 5% = 2.5 tail trials < 20
      expect(o.risk.ci95).toEqual([null, null]);
    }
    const table = await runCli(["run", "scenarios/rare-earth-magnets-2025.yaml", "--trials", "50"]);
    expect(table.stdout).toContain("risk intervals n/a: 50 trials leave fewer than 20 in the worst 5%");
  });

  it("clips a mean interval that the normal approximation puts below 0", () => {
    // one loss of 0.5 in 20 trials: mean 0.025, sd = √(0.5² × 19/20 / 19 ... ) gives a lower bound below 0
    const unmet = new Float64Array(20);
    unmet[0] = 0.5;
    const trials = [{ id: "baseline", cost: 0, unmet, unmetGood: unmet.slice(), ttr: new Float64Array(20).fill(Number.NaN) }];
    const [s] = scoreOptions(trials, ["g"]);
    // mean 2.5 points; half-width 1.96 × sd/√20 with sd = √(20 × 0.025 × 0.475 / 19) = 0.1118 → 4.9 points > 2.5
    expect(s!.expected.value).toBeCloseTo(2.5, 10);
    expect(s!.expected.ci95[0]).toBe(0);
    expect(s!.expected.ci95[1]).toBeCloseTo(2.5 + 1.959963984540054 * 11.18033988749895 / Math.sqrt(20), 6);
    expect(s!.autonomy.ci95[1]).toBe(100);
  });
});

describe("7. flags without traps", () => {
  it("--option before the file no longer swallows it; a comma list and a repeated flag are the same", async () => {
    const before = await runCli(["run", "--option", "stockpile", "test/data/run/scenario.yaml", "--trials", "100", "--format", "json"]);
    expect(before.code).toBe(0);
    const ids = (r: { stdout: string }) => JSON.parse(r.stdout).options.map((o: { id: string }) => o.id);
    expect(ids(before)).toEqual(["baseline", "stockpile"]);
    const comma = await runCli(["run", "test/data/run/scenario.yaml", "--option", "stockpile,both", "--trials", "100", "--format", "json"]);
    const repeated = await runCli(["run", "test/data/run/scenario.yaml", "--option", "stockpile", "--option", "both", "--trials", "100", "--format", "json"]);
    expect(ids(comma)).toEqual(["baseline", "stockpile", "both"]);
    expect(repeated.stdout).toBe(comma.stdout);
  });

  it("-o is --out on run and inspect", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-o-"));
    const r = await runCli(["run", join(repoRoot, "test/data/run/scenario.yaml"), "--trials", "50", "-o", "out.json", "--format", "json"], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "out.json"), "utf8")).trials).toBe(50);
    const i = await runCli(["inspect", join(repoRoot, "test/data/run/network.yaml"), "--home", "JP", "-o", "inspect.txt"], dir);
    expect(i.code).toBe(0);
    expect(i.stdout).toBe("");
    expect(readdirSync(dir).sort()).toEqual(["inspect.txt", "out.json"]);
  });

  it("labels flag errors 'option --name', including an unknown option id", async () => {
    const r = await runCli(["run", "test/data/run/scenario.yaml", "--option", "nuclear"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: option --option: unknown option 'nuclear'; valid: baseline, stockpile, friendshore, both\n");
  });

  it("--max-trials without --precision is an error", async () => {
    const r = await runCli(["compare", "test/data/run/scenario.yaml", "--max-trials", "5000"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: option --max-trials: needs --precision: it caps the trials --precision adds\n");
  });

  it("an unknown subcommand exits 2 with the nearest name, even with --help", async () => {
    const help = await runCli(["forecast", "--help"]);
    expect(help.code).toBe(2);
    expect(help.stdout).toBe("");
    expect(help.stderr).toContain("error: unknown command 'forecast'; the commands are validate, schema, run, compare");
    const typo = await runCli(["compaer", "x.yaml"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("did you mean 'compare'?");
  });

  it("a large seed gets a true sentence: 1e20 is whole but above 2^53 − 1", async () => {
    const dir = files({ scenario: (t) => t.replace("seed: 42", "seed: 1e20") });
    const file = await runCli(["validate", "scenario.yaml"], dir);
    expect(file.stderr).toContain("seed  must be at most 9007199254740991 (2^53 − 1), got 100000000000000000000");
    const flag = await runCli(["run", "test/data/run/scenario.yaml", "--seed", "1e20"]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("option --seed: must be at most 9007199254740991");
    // the largest accepted seed runs
    const big = await runCli(["run", "test/data/run/scenario.yaml", "--seed", "9007199254740991", "--trials", "20"]);
    expect(big.code).toBe(0);
  });
});
