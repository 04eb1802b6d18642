// Many small tasks on the one pool (a stress test's nodes, a leverage matrix's cells): every task
// queued at once so each worker stays busy, results handed back in task order.
import { type TaskResults, type TrialPool, type TrialTask } from "../io/pool.ts";
import { type RunSpec, noProgress, workersFor } from "./spec.ts";

/** Runs trials [0, trials) of every task; `onTick` hears of each finished trial. */
export async function runTasks(pool: TrialPool, tasks: readonly TrialTask[], trials: number, onTick: (n: number) => void): Promise<TaskResults[]> {
  const runs = tasks.map((task) => {
    const run = pool.run(task, 0, trials, onTick);
    // awaited below; this keeps a failure of a later task from going unobserved meanwhile
    run.catch(() => {});
    return run;
  });
  const out: TaskResults[] = [];
  for (const run of runs) out.push(await run);
  return out;
}

/**
 * Threads for `tasks` runs of `trials` trials: as for one run of all those trials (every core from
 * 20 000), since a node's single deterministic trial costs less than compiling it twice (here and
 * in the worker) and starting a thread (bench/RESULTS.md, stress).
 */
export function workersForTasks(requested: RunSpec["workers"], tasks: number, trials: number): number {
  return workersFor(requested, tasks * trials);
}

/** The progress display of a spec, or none. */
export const progressOf = (spec: Pick<RunSpec, "progress">) => spec.progress ?? (() => noProgress);
