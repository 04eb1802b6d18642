// The one worker pool, for every command that runs trials (run, compare, the budget search,
// sweep): long-lived threads take ranges of any task (a scenario, its options, a seed) from one
// queue, each keeping the compiled programs of the tasks it has seen, and write their rows into
// the task's shared result arrays. Trial i is the same trial whoever runs it, so results are
// bit-identical for any worker count. A pool of one runs in this thread, in slices of about
// 50 ms so that Ctrl-C is seen between two trials; trials too long for that (over ~0.1 s each)
// run on one thread even then, so that an interruption stops them at once. Every batch is
// checked against the size limits (limits.ts) before it starts.
import { Worker } from "node:worker_threads";
import type { OptionSpec } from "../engine/run.ts";
import { newTrialResults, placeResults, type TrialResults } from "../engine/simulate.ts";
import { InterruptedError, TrialError, type TrialPlace } from "../errors.ts";
import type { Scenario } from "../scenario/schema.ts";
import { checkLimits, type Limits, trialWork } from "./limits.ts";
import { CHUNK, prepareJob, type RangeJob, runRange, THREAD_CACHED_TASKS } from "./trial-range.ts";

/** Work units of one trial above which a pool of one still runs it on a thread (about 0.1 s). */
export const INLINE_TRIAL_WORK = 2e6;
/** Most trials in one block of a stream: what the consumer receives at once (about 56 B × options × trials). */
export const STREAM_BLOCK = 4_000;
/** Wall time of one slice of trials run in this thread, between two looks at the signal. */
const SLICE_MS = 50;

/** What the trials are of: a scenario's options at a seed. */
export interface TrialTask {
  scenario: Scenario;
  options: OptionSpec[];
  seed: number;
}

/** One TrialResults per option (rows in trial order) and the scored goods' ids, in column order. */
export interface TaskResults {
  results: TrialResults[];
  scoredGoods: string[];
}

/** What a worker sends back: progress after each chunk, then done or the error it met. */
/**
 * The worker thread's entry: the compiled `pool-worker.js` beside this module in the package, or,
 * when running from the TypeScript sources (tests, `tsx`), a boot file that registers tsx first.
 */
const WORKER_ENTRY = import.meta.url.endsWith(".ts")
  ? new URL("./pool-worker-boot.mjs", import.meta.url)
  : new URL("./pool-worker.js", import.meta.url);

export type WorkerMessage =
  | { type: "progress"; done: number }
  | { type: "done" }
  | { type: "error"; message: string; stack: string; place?: TrialPlace };

interface Pending {
  job: RangeJob;
  onProgress: (done: number) => void;
  resolve: () => void;
  reject: (err: unknown) => void;
}

const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class TrialPool {
  readonly size: number;
  private readonly signal: AbortSignal | undefined;
  private readonly threads: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private readonly queue: Pending[] = [];
  private nextKey = 0;
  /** per thread, the tasks it keeps compiled (oldest first) */
  private readonly kept = new Map<Worker, number[]>();
  private stopped = false;
  private stopping: Promise<unknown> = Promise.resolve();
  private readonly limits: Partial<Limits>;
  private readonly onAbort = (): void => this.fail(new InterruptedError());

  /** `size` threads at most (started as work arrives); 1 runs every task in this thread (short trials). */
  constructor(size: number, signal?: AbortSignal, limits: Partial<Limits> = {}) {
    this.size = Math.max(1, Math.floor(size));
    this.signal = signal;
    this.limits = limits;
    signal?.addEventListener("abort", this.onAbort, { once: true });
  }

  /** Runs trials [first, first + count) of a task for every option, into whole result arrays. */
  async run(task: TrialTask, first: number, count: number, onProgress: (done: number) => void = () => {}): Promise<TaskResults> {
    let results: TrialResults[] | undefined;
    const scoredGoods = await this.stream(task, first, count, (block) => {
      const nS = block[0]?.nScored ?? 0;
      const into = (results ??= block.map(() => newTrialResults(first, count, nS)));
      block.forEach((part, o) => placeResults(into[o]!, part));
    }, onProgress);
    return { results: results ?? task.options.map(() => newTrialResults(first, count, scoredGoods.length)), scoredGoods };
  }

  /**
   * Runs trials [first, first + count) of a task for every option in blocks, and hands each block
   * (one TrialResults per option) to `onBlock` in trial order, whichever thread finished it first:
   * memory holds the blocks in flight (two per thread), not every trial. Returns the scored goods.
   */
  async stream(
    task: TrialTask,
    first: number,
    count: number,
    onBlock: (block: TrialResults[]) => void,
    onProgress: (done: number) => void = () => {},
  ): Promise<string[]> {
    if (this.signal?.aborted) throw new InterruptedError();
    const shared = this.size > 1 || trialWork(task.scenario, task.options.length) > INLINE_TRIAL_WORK;
    // compiled here once: input errors surface before any thread starts, it gives the goods order,
    // and threads share it (shared memory) instead of each compiling its own
    const prepared = prepareJob(task, shared);
    const nS = prepared.scoredGoods.length;
    checkLimits(task.scenario, count, task.options.length, nS, this.limits);
    const block = blockSize(count, shared ? this.size : 1);
    const key = this.nextKey++;
    const programs = shared ? { programs: prepared.networks } : {};
    // Block buffers are reused once their block was handed over: a stream allocates two per
    // thread, whatever the trial count (shared memory freed lazily by the threads would grow).
    const free: TrialResults[][] = [];
    const bufferOf = new Map<TrialResults[], TrialResults[]>();
    const job = (from: number, n: number): RangeJob => {
      const buffers = free.pop() ?? task.options.map(() => newTrialResults(0, block, nS, shared));
      const results = buffers.map((r) => rowsOf(r, from, n));
      bufferOf.set(results, buffers);
      return { key, ...task, first: from, count: n, results, ...programs };
    };
    const handOver = (results: TrialResults[]): void => {
      onBlock(results);
      free.push(bufferOf.get(results)!);
      bufferOf.delete(results);
    };
    if (!shared) {
      const slice = { ms: SLICE_MS, now: () => performance.now() };
      for (let at = 0; at < count; at += block) {
        const range = job(first + at, Math.min(block, count - at));
        await runRange(prepared, range, async (n) => {
          onProgress(n);
          // let signals and progress drawing through between slices
          await yieldToEvents();
          if (this.signal?.aborted || this.stopped) throw new InterruptedError();
        }, undefined, slice);
        handOver(range.results);
      }
    } else {
      await this.inOrder(first, count, block, (range) => this.submit(range, onProgress).then(() => range.results), job, handOver);
    }
    return prepared.scoredGoods;
  }

  /** Keeps two blocks per thread in flight and delivers finished blocks in trial order. */
  private async inOrder(
    first: number,
    count: number,
    block: number,
    start: (range: RangeJob) => Promise<TrialResults[]>,
    job: (from: number, n: number) => RangeJob,
    onBlock: (block: TrialResults[]) => void,
  ): Promise<void> {
    const inFlight: Promise<TrialResults[]>[] = [];
    let at = 0;
    const next = (): void => {
      const running = start(job(first + at, Math.min(block, count - at)));
      // a later block's failure is seen when its turn comes (or the pool has already stopped)
      running.catch(() => {});
      inFlight.push(running);
      at += block;
    };
    while (at < count && inFlight.length < 2 * this.size) next();
    while (inFlight.length > 0) {
      onBlock(await inFlight.shift()!);
      if (at < count) next();
    }
  }

  /** Stops every thread; work still queued is rejected as interrupted. */
  async close(): Promise<void> {
    this.fail(new InterruptedError("the worker pool was closed"));
    await this.stopping;
  }

  private submit(job: RangeJob, onProgress: (done: number) => void): Promise<void> {
    if (this.stopped) return Promise.reject(new InterruptedError());
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ job, onProgress, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0 && !this.stopped) {
      const worker = this.idle.pop() ?? (this.threads.length < this.size ? this.spawn() : undefined);
      if (worker === undefined) return;
      const pending = this.queue.shift()!;
      this.busy.set(worker, pending);
      worker.postMessage(this.wireJob(worker, pending.job));
    }
  }

  /**
   * The job as sent: without its scenario and programs when the thread keeps the task compiled
   * (a mirror of the thread's cache, pool-worker.ts), so that a long run does not clone them for
   * every block it sends.
   */
  private wireJob(worker: Worker, job: RangeJob): RangeJob {
    const keys = this.kept.get(worker) ?? [];
    this.kept.set(worker, keys);
    if (keys.includes(job.key)) {
      const { scenario: _s, programs: _p, ...rest } = job;
      return rest as RangeJob;
    }
    keys.push(job.key);
    if (keys.length > THREAD_CACHED_TASKS) keys.shift();
    return job;
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_ENTRY, { resourceLimits: { maxYoungGenerationSizeMb: 4 } });
    this.threads.push(worker);
    worker.on("message", (msg: WorkerMessage) => {
      const pending = this.busy.get(worker);
      if (pending === undefined) return;
      if (msg.type === "progress") {
        pending.onProgress(msg.done);
        return;
      }
      this.busy.delete(worker);
      this.idle.push(worker);
      if (msg.type === "done") pending.resolve();
      else pending.reject(msg.place === undefined ? Object.assign(new Error(msg.message), { stack: msg.stack }) : new TrialError(msg.place, msg.message, msg.stack));
      this.dispatch();
    });
    worker.on("error", (err) => this.fail(err));
    worker.on("exit", (code) => {
      if (code !== 0) this.fail(new Error(`a worker thread stopped (exit ${code})`));
    });
    return worker;
  }

  /** Settles everything in flight with `err` (interrupted when the signal fired) and stops the threads. */
  private fail(err: unknown): void {
    if (this.stopped) return;
    this.stopped = true;
    this.signal?.removeEventListener("abort", this.onAbort);
    const reason = this.signal?.aborted ? new InterruptedError() : err;
    for (const pending of [...this.busy.values(), ...this.queue]) pending.reject(reason);
    this.busy.clear();
    this.queue.length = 0;
    this.stopping = Promise.all(this.threads.map((t) => t.terminate()));
  }
}

/** Rows [first, first + count) viewed in a block buffer (the views share its memory, also across threads). */
function rowsOf(buffer: TrialResults, first: number, count: number): TrialResults {
  const nS = buffer.nScored;
  return {
    first,
    count,
    nScored: nS,
    unmet: buffer.unmet.subarray(0, count),
    unmetGood: buffer.unmetGood.subarray(0, count * nS),
    ttr: buffer.ttr.subarray(0, count * nS),
    firstShort: buffer.firstShort.subarray(0, count * nS),
  };
}

/** Blocks of about a quarter of each thread's share, between CHUNK and STREAM_BLOCK trials. */
function blockSize(count: number, threads: number): number {
  return Math.max(CHUNK, Math.min(STREAM_BLOCK, Math.ceil(count / (4 * threads))));
}

/** Runs `use` with a pool of `size` threads and stops the threads afterwards, whatever happens. */
export async function withPool<T>(
  size: number,
  signal: AbortSignal | undefined,
  use: (pool: TrialPool) => Promise<T>,
  limits: Partial<Limits> = {},
): Promise<T> {
  const pool = new TrialPool(size, signal, limits);
  try {
    return await use(pool);
  } finally {
    await pool.close();
  }
}

export interface ParallelRunOptions {
  trials: number;
  seed: number;
  options: OptionSpec[];
  /** worker threads; 1 (the default) runs in this thread */
  workers?: number;
  /** first trial index (default 0): batches of a longer run continue the same trial sequence */
  firstTrial?: number;
  /** called with the number of trials just finished */
  onProgress?: (done: number) => void;
  signal?: AbortSignal;
}

/** One task on a pool of its own: the scenario's trials, one TrialResults per option, rows in trial order. */
export function runParallel(scenario: Scenario, opts: ParallelRunOptions): Promise<TaskResults> {
  const size = Math.min(opts.workers ?? 1, Math.ceil(opts.trials / CHUNK));
  const task = { scenario, options: opts.options, seed: opts.seed };
  return withPool(size, opts.signal, (pool) => pool.run(task, opts.firstTrial ?? 0, opts.trials, opts.onProgress));
}
