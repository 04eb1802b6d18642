// Which shard of an array job this process is: `--shard k/N` (1-based k), or `--shard auto/N` /
// `--shards N` with the index from the cluster's environment (Kubernetes Indexed Job, Slurm).
// Reference: docs/sweep.md ("Sharding").
import { UsageError } from "../errors.ts";
import type { Shard } from "./design.ts";

type Env = Readonly<Record<string, string | undefined>>;

/** The shard named by the flags, or undefined for the whole sweep. */
export function resolveShard(flags: { shard?: string; shards?: number }, env: Env): Shard | undefined {
  if (flags.shard !== undefined && flags.shards !== undefined) {
    throw new UsageError("give either --shard k/N or --shards N, not both");
  }
  if (flags.shards !== undefined) return { index: indexFromEnv(env, flags.shards), of: flags.shards };
  if (flags.shard === undefined) return undefined;
  const m = /^\s*(\d+|auto)\s*\/\s*(\d+)\s*$/.exec(flags.shard);
  if (m === null) throw new UsageError(`--shard must be k/N (e.g. 2/8) or auto/N, got '${flags.shard}'`);
  const of = Number(m[2]);
  if (!Number.isInteger(of) || of < 1) throw new UsageError(`--shard ${flags.shard}: N must be at least 1`);
  if (m[1] === "auto") return { index: indexFromEnv(env, of), of };
  const index = Number(m[1]);
  if (index < 1 || index > of) {
    throw new UsageError(`--shard ${flags.shard}: k counts from 1 and must be at most N (${of})`);
  }
  return { index, of };
}

/**
 * The 1-based shard index from the environment: `JOB_COMPLETION_INDEX` (Kubernetes Indexed Job,
 * 0-based), else `SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN` (so `--array=0-7` and `--array=1-8`
 * both work).
 */
function indexFromEnv(env: Env, of: number): number {
  const k8s = env.JOB_COMPLETION_INDEX;
  const slurm = env.SLURM_ARRAY_TASK_ID;
  let zeroBased: number;
  let source: string;
  if (k8s !== undefined && k8s !== "") {
    zeroBased = wholeNumber(k8s, "JOB_COMPLETION_INDEX");
    source = `JOB_COMPLETION_INDEX=${k8s}`;
  } else if (slurm !== undefined && slurm !== "") {
    const min = env.SLURM_ARRAY_TASK_MIN;
    const offset = min === undefined || min === "" ? 0 : wholeNumber(min, "SLURM_ARRAY_TASK_MIN");
    zeroBased = wholeNumber(slurm, "SLURM_ARRAY_TASK_ID") - offset;
    source = `SLURM_ARRAY_TASK_ID=${slurm}${min === undefined ? "" : ` (SLURM_ARRAY_TASK_MIN=${min})`}`;
  } else {
    throw new UsageError(
      "the shard index comes from JOB_COMPLETION_INDEX (Kubernetes Indexed Job) or SLURM_ARRAY_TASK_ID (Slurm array), and neither is set; use --shard k/N",
    );
  }
  if (zeroBased < 0 || zeroBased >= of) {
    throw new UsageError(`${source} gives shard ${zeroBased + 1} of ${of}: the job has more tasks than --shards/--shard N`);
  }
  return zeroBased + 1;
}

function wholeNumber(text: string, name: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} must be a whole number, got '${text}'`);
  return n;
}
