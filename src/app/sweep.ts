// Use case `sweep`: runs a planned sweep's points on the pool, checking every point first,
// streaming rows in point order as points finish (to stdout or a file, resumable), and returns
// what the summary is made of. Trial i of every point uses the same seed stream (common random
// numbers across points), so a point's rows do not depend on the worker count.
import { type SweepRow, rowsOfPoint } from "../analysis/sweep-rows.ts";
import { optionsOf } from "../engine/run.ts";
import { type InputIssue, InputError, InterruptedError, formatPath } from "../errors.ts";
import { resolveTarget } from "../io/output.ts";
import { type TrialPool, type TaskResults, type TrialTask, withPool } from "../io/pool.ts";
import type { Io } from "../io/streams.ts";
import { discardSink, type RowSink, openFileSink, putInCanonicalOrder, stdoutSink } from "../io/sweep-output.ts";
import type { ResumeCheck } from "../io/sweep-text.ts";
import { type SweepFormat, csvHeader, formatRow } from "../render/sweep-rows.ts";
import type { SummaryInput } from "../render/sweep-summary.ts";
import type { Scenario } from "../scenario/schema.ts";
import { optionTrialsOf, scoreOptions } from "../stats/score-options.ts";
import { type Shard, shardPoints } from "../sweep/design.ts";
import { withValues } from "../sweep/paths.ts";
import type { SweepPlan } from "../sweep/plan.ts";
import { noProgress, type RunSpec, workersFor } from "./spec.ts";
import { checkFinite } from "./trials.ts";

export interface SweepSpec extends Pick<RunSpec, "workers" | "signal" | "progress" | "log" | "limits"> {
  plan: SweepPlan;
  format: SweepFormat;
  /** Append rows to this file (else they go to stdout). */
  out?: string;
  /** Keep the points already complete in `out` and append the rest. */
  resume: boolean;
  shard?: Shard;
  /** Without `out`, keep the rows in memory only (the page made from them goes to stdout). */
  keepRowsOnly?: boolean;
  /** Where the parameters came from, to place a point that breaks the scenario. */
  origin: string;
}

/** At most this many invalid points are listed. */
const MAX_POINT_ISSUES = 10;

interface Point extends TrialTask {
  id: number;
}

/** Runs the sweep; rows go to `out` or `io.stdout` as points finish. */
export async function sweep(scenario: Scenario, spec: SweepSpec, io: Pick<Io, "stdout" | "cwd">): Promise<SummaryInput> {
  const { plan } = spec;
  const { design } = plan;
  const names = design.parameters.map((p) => p.path.text);
  const optionIds = plan.options.map((o) => o.id);
  const ids = shardPoints(design.count, spec.shard);
  const log = spec.log ?? (() => {});
  const pointOf = (id: number): Point | InputIssue[] => {
    const point = design.pointAt(id);
    const result = withValues(scenario, point.assignments);
    if ("issues" in result) {
      const setting = point.assignments.map((a) => `${a.path.text} = ${a.value}`).join(", ");
      return result.issues.map((issue) => ({
        file: spec.origin,
        path: `point ${id}`,
        message: `${setting} makes the scenario invalid: ${formatPath(issue.path)} ${issue.message}`,
      }));
    }
    return { id, scenario: result.scenario, options: optionsOf(result.scenario, optionIds), seed: plan.seed };
  };
  // check every point this run will compute before writing anything
  const checkPoints = (list: readonly number[]): void => {
    const issues = list.map(pointOf).filter((p): p is InputIssue[] => Array.isArray(p));
    if (issues.length === 0) return;
    const listed: InputIssue[] = [];
    for (const point of issues) if (listed.length < MAX_POINT_ISSUES) listed.push(...point);
    if (issues.length > MAX_POINT_ISSUES) {
      listed.push({ file: spec.origin, path: "", message: `… ${issues.length} points in all make the scenario invalid` });
    }
    throw new InputError(listed);
  };

  const check: ResumeCheck = {
    format: spec.format,
    parameters: names,
    options: optionIds,
    count: design.count,
    valuesOf: (id) => design.pointAt(id).values,
    trials: plan.trials,
    seed: plan.seed,
  };
  const target = spec.out === undefined ? undefined : resolveTarget(io, spec.out);
  const initial = spec.format === "csv" ? csvHeader(names) : "";
  let sink: RowSink;
  let previous: SweepRow[] = [];
  let done = new Set<number>();
  if (target === undefined) {
    checkPoints(ids);
    sink = spec.keepRowsOnly === true ? discardSink : stdoutSink(io);
    sink.write(initial);
  } else {
    if (!spec.resume) checkPoints(ids);
    const opened = await openFileSink(target, { resume: spec.resume, check, initial });
    sink = opened.sink;
    if (opened.state !== undefined) {
      previous = opened.state.rows;
      done = opened.state.complete;
      const mine = ids.filter((id) => done.has(id)).length;
      const dropped = opened.state.dropped.length === 0 ? "" : `; dropped ${opened.state.dropped.join(" and ")}`;
      log(`resuming ${spec.out}: ${mine} of ${ids.length} points already complete${dropped}`);
    }
    if (spec.resume) {
      try {
        checkPoints(ids.filter((id) => !done.has(id)));
      } catch (err) {
        sink.close();
        throw err;
      }
    }
  }
  const todo = ids.filter((id) => !done.has(id));

  const progress = (spec.progress ?? (() => noProgress))("sweep", todo.length * plan.trials);
  const rows: SweepRow[] = [...previous];
  let finished = 0;
  const workers = workersFor(spec.workers, ids.length * plan.trials);
  try {
    await withPool(workers, spec.signal, (pool) =>
      runPoints(pool, todo, pointOf, plan.trials, (n) => progress.tick(n), (point, { results, scoredGoods }) => {
        const trials = optionTrialsOf(point.options, results);
        checkFinite(trials, plan.seed, 0);
        const scores = scoreOptions(trials, scoredGoods);
        const pointRows = rowsOfPoint(point.id, design.pointAt(point.id).values, scores, { trials: plan.trials, seed: plan.seed });
        // one write per row, each a whole line: a kill leaves no torn row mid-file
        for (const row of pointRows) sink.write(formatRow(row, names, spec.format));
        rows.push(...pointRows);
        finished++;
      }),
      spec.limits,
    );
  } catch (err) {
    if (err instanceof InterruptedError) {
      const where = spec.out === undefined ? "were written" : `are in ${spec.out}; run the same command with --resume to finish`;
      throw new InterruptedError(`interrupted after ${finished} of ${todo.length} points; the rows of finished points ${where}`);
    }
    throw err;
  } finally {
    progress.stop();
    sink.close();
  }
  if (target !== undefined && spec.resume) await putInCanonicalOrder(target, spec.format);
  return {
    design: design.design,
    parameters: names,
    rows,
    totalPoints: design.count,
    variedOf: (id) => design.pointAt(id).varied,
    ...(spec.shard === undefined ? {} : { shard: spec.shard }),
  };
}

/**
 * Runs the points on the pool, a few ahead of the one being handed back so every worker stays
 * busy, and calls `onPoint` in point order.
 */
async function runPoints(
  pool: TrialPool,
  ids: readonly number[],
  pointOf: (id: number) => Point | InputIssue[],
  trials: number,
  onTick: (n: number) => void,
  onPoint: (point: Point, results: TaskResults) => void,
): Promise<void> {
  // points started but not yet handed back; a slow early point must not let memory grow unbounded
  const lookahead = pool.size > 1 ? 2 * pool.size : 1;
  const started: { point: Point; run: Promise<TaskResults> }[] = [];
  for (let next = 0; next < ids.length || started.length > 0; ) {
    while (next < ids.length && started.length < lookahead) {
      const point = pointOf(ids[next++]!);
      if (Array.isArray(point)) throw new InputError(point);
      const run = pool.run(point, 0, trials, onTick);
      // handled where it is awaited; this keeps a failure of a later point from going unobserved
      run.catch(() => {});
      started.push({ point, run });
    }
    const head = started.shift()!;
    onPoint(head.point, await head.run);
  }
}
