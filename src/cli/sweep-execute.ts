// Runs a planned sweep for the `sweep` command: checks every point first, streams rows as points
// finish (in point order), draws one progress bar over all points × trials, stops cleanly on
// SIGINT/SIGTERM, resumes from an existing file, and prints the summary.
import { optionsOf } from "../engine/run.ts";
import { type InputIssue, InputError, InterruptedError, formatPath } from "../errors.ts";
import { type RowSink, openFileSink, putInCanonicalOrder, resolveTarget, stdoutSink } from "../io/sweep-output.ts";
import { type PointTask, runPoints } from "../io/sweep-pool.ts";
import type { Scenario } from "../scenario/schema.ts";
import { optionTrialsOf, scoreOptions } from "../stats/score-options.ts";
import { type Shard, shardPoints } from "../sweep/design.ts";
import type { ResumeCheck } from "../sweep/output-text.ts";
import { withValues } from "../sweep/paths.ts";
import type { SweepPlan } from "../sweep/plan.ts";
import { type SweepFormat, type SweepRow, csvHeader, formatRow, rowsOfPoint } from "../sweep/rows.ts";
import { renderSweepSummary } from "../sweep/summary.ts";
import type { CliIo } from "./context.ts";
import { startProgress } from "./progress.ts";

export interface SweepRunOptions {
  format: SweepFormat;
  out?: string;
  resume: boolean;
  shard?: Shard;
  workers: number;
  /** Where the parameters came from, to place a point that breaks the scenario. */
  origin: string;
}

/** At most this many invalid points are listed. */
const MAX_POINT_ISSUES = 10;

export async function executeSweep(io: CliIo, scenario: Scenario, plan: SweepPlan, opts: SweepRunOptions): Promise<void> {
  const { design } = plan;
  const names = design.parameters.map((p) => p.path.text);
  const optionIds = plan.options.map((o) => o.id);
  const ids = shardPoints(design.count, opts.shard);
  const check: ResumeCheck = {
    format: opts.format,
    parameters: names,
    options: optionIds,
    count: design.count,
    valuesOf: (id) => design.pointAt(id).values,
    trials: plan.trials,
    seed: plan.seed,
  };

  let sink: RowSink;
  let previous: SweepRow[] = [];
  let done = new Set<number>();
  const target = opts.out === undefined ? undefined : resolveTarget(io, opts.out);
  const initial = opts.format === "csv" ? csvHeader(names) : "";

  // check every point this run will compute before writing anything
  const pointIssues: InputIssue[] = [];
  let invalid = 0;
  const taskOf = (id: number): PointTask | InputIssue[] => {
    const point = design.pointAt(id);
    const result = withValues(scenario, point.assignments);
    if ("issues" in result) {
      const setting = point.assignments.map((a) => `${a.path.text} = ${a.value}`).join(", ");
      return result.issues.map((issue) => ({
        file: opts.origin,
        path: `point ${id}`,
        message: `${setting} makes the scenario invalid: ${formatPath(issue.path)} ${issue.message}`,
      }));
    }
    return { id, scenario: result.scenario, options: optionsOf(result.scenario, optionIds) };
  };
  const checkPoints = (list: readonly number[]): void => {
    for (const id of list) {
      const task = taskOf(id);
      if (Array.isArray(task)) {
        invalid++;
        if (pointIssues.length < MAX_POINT_ISSUES) pointIssues.push(...task);
      }
    }
    if (invalid > 0) {
      if (invalid > MAX_POINT_ISSUES) {
        pointIssues.push({ file: opts.origin, path: "", message: `… ${invalid} points in all make the scenario invalid` });
      }
      throw new InputError(pointIssues);
    }
  };

  if (target === undefined) {
    checkPoints(ids);
    sink = stdoutSink(io);
    sink.write(initial);
  } else {
    if (!opts.resume) checkPoints(ids);
    const opened = await openFileSink(target, { resume: opts.resume, check, initial });
    sink = opened.sink;
    if (opened.state !== undefined) {
      previous = opened.state.rows;
      done = opened.state.complete;
      const mine = ids.filter((id) => done.has(id)).length;
      const dropped = opened.state.dropped.length === 0 ? "" : `; dropped ${opened.state.dropped.join(" and ")}`;
      io.stderr.write(`resuming ${opts.out}: ${mine} of ${ids.length} points already complete${dropped}\n`);
    }
    if (opts.resume) {
      try {
        checkPoints(ids.filter((id) => !done.has(id)));
      } catch (err) {
        sink.close();
        throw err;
      }
    }
  }
  const todo = ids.filter((id) => !done.has(id));

  const progress = startProgress(io, todo.length * plan.trials, "sweep");
  const rows: SweepRow[] = [...previous];
  let finished = 0;
  try {
    await runPoints(
      todo,
      (id) => {
        const task = taskOf(id);
        if (Array.isArray(task)) throw new InputError(task);
        return task;
      },
      { trials: plan.trials, seed: plan.seed, workers: opts.workers, onProgress: (n) => progress.tick(n), ...(io.signal ? { signal: io.signal } : {}) },
      (task, results, scoredGoods) => {
        const scores = scoreOptions(optionTrialsOf(task.options, results), scoredGoods);
        const pointRows = rowsOfPoint(task.id, design.pointAt(task.id).values, scores, { trials: plan.trials, seed: plan.seed });
        // one write per row, each a whole line: a kill leaves no torn row mid-file
        for (const row of pointRows) sink.write(formatRow(row, names, opts.format));
        rows.push(...pointRows);
        finished++;
      },
    );
  } catch (err) {
    if (err instanceof InterruptedError) {
      const where = opts.out === undefined ? "were written" : `are in ${opts.out}; run the same command with --resume to finish`;
      throw new InterruptedError(`interrupted after ${finished} of ${todo.length} points; the rows of finished points ${where}`);
    }
    throw err;
  } finally {
    progress.stop();
    sink.close();
  }
  if (target !== undefined && opts.resume) await putInCanonicalOrder(target, opts.format);

  const summary = renderSweepSummary({
    design: design.design,
    parameters: names,
    rows,
    totalPoints: design.count,
    variedOf: (id) => design.pointAt(id).varied,
    ...(opts.shard === undefined ? {} : { shard: opts.shard }),
  });
  (target === undefined ? io.stderr : io.stdout).write(summary);
}
