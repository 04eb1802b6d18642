// examples/slurm end to end on a real single-node Slurm cluster on localhost: submit.sh submits
// the array and the dependent merge with sbatch, and the merged file must equal the unsharded
// sweep byte for byte. `.ci/run` installs slurm-wlm and starts the cluster
// (scripts/slurm-local.sh); where no cluster answers, the reason is printed and the test skipped.
import { execFile, execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, symlink } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.ts";

const exec = promisify(execFile);

function clusterProblem(): string | undefined {
  try {
    const ping = execFileSync("scontrol", ["ping"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return /UP/.test(ping) ? undefined : `scontrol ping says: ${ping.trim()}`;
  } catch (err) {
    return `no Slurm cluster answers (${(err as Error).message.split("\n")[0]}); .ci/run starts one with scripts/slurm-local.sh`;
  }
}

const problem = clusterProblem();
if (problem !== undefined) console.warn(`examples/slurm cluster test skipped: ${problem}`);

async function waitFor(file: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!existsSync(file)) {
    if (Date.now() > until) throw new Error(`${file} did not appear within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

describe.skipIf(problem !== undefined)("examples/slurm on a local Slurm cluster", () => {
  it("submit.sh runs the array and the merge, and the merged file equals the unsharded sweep", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "chokepoint-slurm-"));
    try {
      for (const entry of ["scenarios", "fixtures", "examples", "node_modules"]) await symlink(path.join(repoRoot, entry), path.join(dir, entry));
      const cli = ["--import", "tsx", path.join(repoRoot, "src/cli/main.ts")];
      await exec("node", [...cli, "sweep", "scenarios/gallium-germanium-2023.yaml", "--file", "examples/sweeps/gallium.yaml", "--out", "whole.csv"], { cwd: dir });
      // sbatch exports this environment to the jobs: they run the sources under test
      const env = { ...process.env, CHOKEPOINT: `node ${cli.join(" ")}` };
      const submitted = await exec("bash", [path.join(repoRoot, "examples/slurm/submit.sh")], { cwd: dir, env });
      expect(submitted.stdout).toMatch(/^sweep array \d+, merge \d+;/);
      const merge = /merge (\d+)/.exec(submitted.stdout)![1]!;
      await waitFor(path.join(dir, `logs/merge-${merge}.log`), 600_000);
      // the log appears when the merge starts; its last line when it is done
      for (let i = 0; i < 120 && !(await readFile(path.join(dir, `logs/merge-${merge}.log`), "utf8")).includes("merged"); i++) {
        await new Promise((r) => setTimeout(r, 1000));
      }
      expect(await readFile(path.join(dir, "results/gallium.csv"), "utf8")).toBe(await readFile(path.join(dir, "whole.csv"), "utf8"));
      const logs = execFileSync("ls", [path.join(dir, "logs")], { encoding: "utf8" }).trim().split("\n");
      // four array tasks and the merge each wrote their log
      expect(logs.filter((l) => l.startsWith("sweep-")).length).toBe(4);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 900_000);
});
