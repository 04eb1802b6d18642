// Ctrl-C and SIGTERM stop a run cleanly: exit 130, and no output file, whole or partial.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.ts";

function interrupt(signal: NodeJS.Signals, workers: string): Promise<{ code: number | null; dir: string; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), "chokepoint-int-"));
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "src/cli/main.ts", "run", "test/data/run/scenario.yaml", "--trials", "5000000", "--workers", workers, "--out", join(dir, "out.json")],
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

  it("SIGTERM with worker threads exits 130 and writes nothing", async () => {
    const r = await interrupt("SIGTERM", "2");
    expect(r.code).toBe(130);
    expect(readdirSync(r.dir)).toEqual([]);
  });
});
