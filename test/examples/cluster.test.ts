// The cluster recipes in examples/ run as documented, without a cluster: the Slurm array script
// is run once per task with the variables Slurm would set, then the merge script; the Kubernetes
// Indexed Job's container arguments are run once per completion index. Both merged outputs must be
// byte-identical to the same sweep run unsharded. submit.sh is run against a stand-in `sbatch`
// that records its arguments, so the log folder and the dependency chain are checked too.
import { execFile } from "node:child_process";
import { chmod, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot } from "../helpers/cli.ts";

const exec = promisify(execFile);
const SHARDS = 4;
// the sources under test, not a possibly stale dist/
const CHOKEPOINT = `node --import tsx ${path.join(repoRoot, "src/cli/main.ts")}`;
let dir = "";
let whole = "";

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "chokepoint-cluster-"));
  for (const entry of ["scenarios", "fixtures", "examples", "node_modules"]) await symlink(path.join(repoRoot, entry), path.join(dir, entry));
  const sweep = ["sweep", "scenarios/gallium-germanium-2023.yaml", "--file", "examples/sweeps/gallium.yaml", "--out", "whole.csv"];
  await exec("node", ["--import", "tsx", path.join(repoRoot, "src/cli/main.ts"), ...sweep], { cwd: dir });
  whole = await readFile(path.join(dir, "whole.csv"), "utf8");
}, 300_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("examples/slurm", () => {
  it("the array script, run per task, and the merge script give the unsharded sweep byte for byte", async () => {
    const script = path.join(repoRoot, "examples/slurm/sweep.sbatch");
    const slurm = { SLURM_SUBMIT_DIR: dir, SLURM_ARRAY_TASK_MIN: "0", SLURM_ARRAY_TASK_COUNT: String(SHARDS), SLURM_CPUS_PER_TASK: "1" };
    for (let task = 0; task < SHARDS; task++) {
      await exec("bash", [script], { cwd: dir, env: { ...process.env, ...slurm, SLURM_ARRAY_TASK_ID: String(task), CHOKEPOINT } });
    }
    const merged = await exec("bash", [path.join(repoRoot, "examples/slurm/merge.sbatch")], { cwd: dir, env: { ...process.env, SLURM_SUBMIT_DIR: dir, CHOKEPOINT } });
    // 3 probabilities × 4 stockpile sizes = 12 points, × 3 options (baseline, the two named)
    expect(merged.stdout).toContain("merged 36 rows");
    expect(whole.trim().split("\n").length).toBe(1 + 36);
    expect(await readFile(path.join(dir, "results/gallium.csv"), "utf8")).toBe(whole);
  }, 300_000);

  it("submit.sh creates the log folder and submits the merge after the array", async () => {
    const bin = path.join(dir, "fake-bin");
    await exec("mkdir", ["-p", bin]);
    // a stand-in sbatch: records its arguments, answers a job id as --parsable does
    await writeFile(path.join(bin, "sbatch"), '#!/bin/bash\necho "$*" >> "$SBATCH_LOG"\necho $((1000 + $(wc -l < "$SBATCH_LOG")))\n');
    await chmod(path.join(bin, "sbatch"), 0o755);
    const work = path.join(dir, "submit");
    await exec("mkdir", ["-p", work]);
    const log = path.join(work, "sbatch.log");
    const out = await exec("bash", [path.join(repoRoot, "examples/slurm/submit.sh")], {
      cwd: work,
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, SBATCH_LOG: log },
    });
    const calls = (await readFile(log, "utf8")).trim().split("\n");
    expect(calls[0]).toMatch(/^--parsable .*examples\/slurm\/sweep\.sbatch$/);
    expect(calls[1]).toMatch(/^--parsable --dependency=afterok:1001 .*examples\/slurm\/merge\.sbatch$/);
    expect(out.stdout).toContain("sweep array 1001, merge 1002");
    await expect(exec("test", ["-d", path.join(work, "logs")])).resolves.toBeDefined();
  });

  it("the array size in the #SBATCH header matches the shards the examples are tested with", async () => {
    const script = await readFile(path.join(repoRoot, "examples/slurm/sweep.sbatch"), "utf8");
    expect(script).toContain(`#SBATCH --array=0-${SHARDS - 1}`);
  });
});

describe("examples/kubernetes", () => {
  it("the Indexed Job's arguments, run per completion index, and the merge job give the unsharded sweep", async () => {
    const job = parse(await readFile(path.join(repoRoot, "examples/kubernetes/sweep-job.yaml"), "utf8"));
    const completions: number = job.spec.completions;
    const args: string[] = job.spec.template.spec.containers[0].args;
    expect(args[args.indexOf("--shards") + 1]).toBe(String(completions));
    const results = path.join(dir, "k8s");
    await exec("mkdir", ["-p", results]);
    const local = args.map((a) => a.replace("/results/", `${results}/`));
    for (let index = 0; index < completions; index++) {
      await exec("node", ["--import", "tsx", path.join(repoRoot, "src/cli/main.ts"), ...local], {
        cwd: dir,
        env: { ...process.env, JOB_COMPLETION_INDEX: String(index) },
      });
    }
    const merge = parse(await readFile(path.join(repoRoot, "examples/kubernetes/merge-job.yaml"), "utf8"));
    const command: string = merge.spec.template.spec.containers[0].command[2];
    const shell = command.replaceAll("/results/", `${results}/`).replace("node /app/bin/chokepoint.js", CHOKEPOINT);
    await exec("sh", ["-c", shell], { cwd: dir });
    expect(await readFile(path.join(results, "gallium.csv"), "utf8")).toBe(whole);
  }, 300_000);
});
