// An unexpected exception inside a trial names the seed, trial and option that replay it, in the
// error and in what the CLI prints (the fast-check habit), not only a stack.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { handleError } from "../../src/cli/program.ts";
import { type OptionSpec, optionsOf, type PreparedRun, runTrials } from "../../src/engine/run.ts";
import { newTrialResults } from "../../src/engine/simulate.ts";
import { TrialError } from "../../src/errors.ts";
import { loadScenario } from "../../src/io/load.ts";
import { CHUNK, prepareJob, type RangeJob, runRange, type TrialRunner } from "../../src/io/trial-range.ts";
import { repoRoot } from "../helpers/cli.ts";

/** The engine's loop, except that trial 707 throws whenever the toy option `broken` is simulated. */
const failing: TrialRunner = (prepared: PreparedRun, first: number, count: number) => {
  if (prepared.options.some((o) => o.id === "broken") && first <= 707 && 707 < first + count) throw new Error("stock went negative");
  return runTrials(prepared, first, count);
};

async function jobWith(extra: OptionSpec): Promise<{ prepared: PreparedRun; job: RangeJob }> {
  const scenario = await loadScenario("test/data/run/scenario.yaml", { cwd: repoRoot });
  const options = [...optionsOf(scenario), extra];
  const task = { scenario, options, seed: 42 };
  const prepared = prepareJob(task);
  const results = options.map(() => newTrialResults(0, 1000, prepared.scoredGoods.length));
  return { prepared, job: { key: 0, ...task, first: 0, count: 1000, results } };
}

describe("a trial that throws", () => {
  it("becomes a TrialError with the seed, the first failing trial and the option", async () => {
    // a toy option: the baseline's policies under another name, so only the stub tells them apart
    const { prepared, job } = await jobWith({ id: "broken", policies: [], cost: 0 });
    const chunks: number[] = [];
    const err = await runRange(prepared, job, (n) => void chunks.push(n), failing).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TrialError);
    const e = err as TrialError;
    expect(e.place).toEqual({ seed: 42, trial: 707, option: "broken" });
    expect(e.reason).toBe("stock went negative");
    expect(e.message).toBe("stock went negative (in trial 707 of seed 42, option 'broken')");
    // trial 707 is in the second chunk of 500: the first one finished and reported
    expect(chunks).toEqual([CHUNK]);
  });

  it("runs through when nothing throws, filling every row", async () => {
    const { prepared, job } = await jobWith({ id: "fine", policies: [], cost: 0 });
    await runRange(prepared, job, () => {}, failing);
    // `fine` has the baseline's (empty) policies and sees the same draws: identical rows
    expect(job.results.at(-1)!.unmet).toEqual(job.results[0]!.unmet);
    expect(job.results[0]!.unmet.some((u) => u > 0)).toBe(true);
  });

  it("is printed by the CLI with how to replay it, exit 1", () => {
    let text = "";
    const stderr = new Writable({
      write(chunk, _enc, done) {
        text += String(chunk);
        done();
      },
    });
    const code = handleError(new TrialError({ seed: 42, trial: 707, option: "broken" }, "stock went negative"), {
      stdout: stderr,
      stderr,
      env: {},
      cwd: repoRoot,
    });
    expect(code).toBe(1);
    expect(text).toContain("internal error in a trial (seed 42, trial 707, option 'broken'): stock went negative");
    expect(text).toContain("--seed 42 --trials 708");
  });
});

describe("slices of a pool of one", () => {
  it("look at the signal after every trial when trials are slow, and take whole chunks when they are fast", async () => {
    const { prepared, job } = await jobWith({ id: "fine", policies: [], cost: 0 });
    // a clock that advances 2 000 ms per trial run: a 50 ms slice holds one trial
    let now = 0;
    const slow: TrialRunner = (p, first, count) => {
      now += 2000 * count;
      return runTrials(p, first, count);
    };
    const slowChunks: number[] = [];
    await runRange(prepared, { ...job, count: 5 }, (n) => void slowChunks.push(n), slow, { ms: 50, now: () => now });
    expect(slowChunks).toEqual([1, 1, 1, 1, 1]);
    // 0.01 ms per trial: after the first trial, 50 / 0.01 = 5 000 trials would fit, capped at CHUNK
    const fast: TrialRunner = (p, first, count) => {
      now += 0.01 * count;
      return runTrials(p, first, count);
    };
    const fastChunks: number[] = [];
    await runRange(prepared, job, (n) => void fastChunks.push(n), fast, { ms: 50, now: () => now });
    expect(fastChunks).toEqual([1, CHUNK, 1000 - 1 - CHUNK]);
    // the rows do not depend on the slicing
    const whole = await jobWith({ id: "fine", policies: [], cost: 0 });
    await runRange(whole.prepared, whole.job, () => {});
    expect(job.results[0]!.unmet).toEqual(whole.job.results[0]!.unmet);
  });
});
