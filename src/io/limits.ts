// The size limits a batch of trials is refused beyond, before any trial runs: the horizon, the
// work (trials × periods × network size × options) and the memory of the per-trial results.
// Each message names the limit and the flag that raises it. Reference: docs/formats.md ("Limits").
import { UsageError } from "../errors.ts";
import type { Scenario } from "../scenario/schema.ts";

export interface Limits {
  /** Most periods a scenario may simulate. */
  horizon: number;
  /** Most work units: trials × horizon × (flows + producers + goods) × options. */
  work: number;
  /** Most megabytes of per-trial result arrays. */
  memoryMB: number;
}

/**
 * Defaults: a 10 000-period horizon (833 years of months); 10^11 work units (about an hour on one
 * core at the measured 2–4 × 10^7 units per second; bench/RESULTS.md); 2 048 MB of results.
 */
export const DEFAULT_LIMITS: Limits = { horizon: 10_000, work: 1e11, memoryMB: 2048 };

/** Work units of one trial of every option: periods × network size × options. */
export function trialWork(scenario: Scenario, options: number): number {
  const n = scenario.network;
  return scenario.horizon * (n.flows.length + n.producers.length + n.goods.length) * options;
}

/** Bytes of the result arrays of `count` trials: per option, U and two numbers per scored good. */
export function resultBytes(count: number, options: number, scoredGoods: number): number {
  return count * options * (1 + 2 * scoredGoods) * Float64Array.BYTES_PER_ELEMENT;
}

/** @throws {UsageError} naming the limit a batch of `count` trials exceeds and the flag that raises it. */
export function checkLimits(scenario: Scenario, count: number, options: number, scoredGoods: number, given: Partial<Limits> = {}): void {
  const limits = { ...DEFAULT_LIMITS, ...given };
  const where = scenario.file === undefined ? "the scenario" : scenario.file;
  if (scenario.horizon > limits.horizon) {
    throw new UsageError(
      `${where}: horizon ${scenario.horizon} is above the limit of ${limits.horizon} periods; raise it deliberately with --max-horizon ${scenario.horizon}`,
    );
  }
  const work = trialWork(scenario, options) * count;
  if (work > limits.work) {
    throw new UsageError(
      `this run is ${count} trials × ${trialWork(scenario, options)} units per trial = ${work.toExponential(2)} work units, above the limit of ${limits.work.toExponential(2)}; use fewer trials, or raise the limit deliberately with --max-work ${Math.ceil(work)}`,
    );
  }
  const mb = resultBytes(count, options, scoredGoods) / 2 ** 20;
  if (mb > limits.memoryMB) {
    throw new UsageError(
      `this run's results need ${Math.ceil(mb)} MB, above the limit of ${limits.memoryMB} MB; use fewer trials or options, or raise the limit deliberately with --max-memory ${Math.ceil(mb)}`,
    );
  }
}
