// Ctrl-C and SIGTERM stop a run cleanly: exit 130, and no output file, whole or partial.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.ts";

function interrupt(signal: NodeJS.Signals, workers: string, scenario = "test/data/run/scenario.yaml", extra: string[] = []): Promise<{ code: number | null; dir: string; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), "chokepoint-int-"));
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "src/cli/main.ts", "run", scenario, "--trials", "5000000", "--workers", workers, "--out", join(dir, "out.json"), ...extra],
    { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr += String(d);
  });
  // long enough for start-up and some trials, far too short for five million
  setTimeout(() => child.kill(signal), 3000);
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, dir, stderr })));
}

describe("interrupting a run", () => {
  it("SIGINT in one thread exits 130 and writes nothing", async () => {
    const r = await interrupt("SIGINT", "1");
    expect(r.code).toBe(130);
    expect(r.stderr).toContain("interrupted");
    expect(readdirSync(r.dir)).toEqual([]);
  });

  it("SIGINT with one worker stops trials that take about a second each (horizon 10^6): exit 130, nothing written", async () => {
    // the test scenario at a horizon of a million months: 10^6 periods × 5 network entries × 4
    // options = 2 × 10^7 work units a trial; --trials 20 keeps the run under the work limit. A
    // market (stock refill) makes the loop step every good in every period, so that a trial takes
    // a second or more (without one, the event-driven loop skips the calm periods in well under
    // a second and the run would end before the signal)
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-long-"));
    writeFileSync(join(dir, "network.yaml"), readFileSync(join(repoRoot, "test/data/run/network.yaml")));
    const text = readFileSync(join(repoRoot, "test/data/run/scenario.yaml"), "utf8").replace("horizon: 24", "horizon: 1000000");
    writeFileSync(join(dir, "scenario.yaml"), `${text}markets:\n  ga: {refillPeriods: 2}\n`);
    const r = await interrupt("SIGINT", "1", join(dir, "scenario.yaml"), ["--max-horizon", "1000000", "--trials", "20"]);
    expect(r.code).toBe(130);
    expect(r.stderr).toContain("interrupted");
    expect(readdirSync(r.dir)).toEqual([]);
  });

  it("SIGTERM with worker threads exits 130 and writes nothing", async () => {
    const r = await interrupt("SIGTERM", "2");
    expect(r.code).toBe(130);
    expect(readdirSync(r.dir)).toEqual([]);
  });
});
