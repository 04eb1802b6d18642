// Draws one trial's shock realisations: four uniforms per shock in file order (occurrence, start
// or lag, duration, severity), turned into values by inverse CDF, then triggers resolved (MODEL §6).
import type { Distribution, ShockBase } from "../kinds/fields.ts";
import { inverseCdf } from "./distributions.ts";
import type { Rng } from "./rng.ts";

/** One trial's shock realisations; a shock is active in periods start ≤ t < end. */
export interface ShockDraws {
  occurs: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  severity: Float64Array;
  /** licensing paths (the sampler's): shock j's points are [pathStart[j], pathStart[j+1]) */
  pathStart: Int32Array;
  pathAt: Int32Array;
  /** drawn level of every licensing-path point */
  pathLevel: Float64Array;
}

/** Shock parameters prepared once per scenario. */
export interface ShockSampler {
  shocks: readonly ShockBase[];
  horizon: number;
  /** index of the triggering shock, or -1 */
  parent: Int32Array;
  /** shocks in an order where every trigger comes before the shocks it triggers */
  order: Int32Array;
  /** periods after which a closure is bypassed, or -1 */
  bypass: Int32Array;
  uniforms: Float64Array;
  /** licensing paths: shock j's points are [pathStart[j], pathStart[j+1]); none = empty */
  pathStart: Int32Array;
  pathAt: Int32Array;
  pathDist: Distribution[];
}

export function makeShockSampler<S extends ShockBase>(
  shocks: readonly S[],
  horizon: number,
  bypassOf: (shock: S) => number,
): ShockSampler {
  const n = shocks.length;
  const ids = shocks.map((s) => s.id);
  const parent = Int32Array.from(shocks, (s) => (s.after ? ids.indexOf(s.after.shock) : -1));
  const order: number[] = [];
  const placed = new Uint8Array(n);
  while (order.length < n) {
    let progressed = false;
    for (let j = 0; j < n; j++) {
      if (placed[j]) continue;
      const p = parent[j]!;
      if (p < 0 || placed[p]) {
        order.push(j);
        placed[j] = 1;
        progressed = true;
      }
    }
    if (!progressed) throw new Error("shock triggers form a cycle (validation should have caught it)");
  }
  const pathStart = new Int32Array(n + 1);
  const pathAt: number[] = [];
  const pathDist: Distribution[] = [];
  shocks.forEach((s, j) => {
    for (const p of s.path ?? []) {
      pathAt.push(p.after);
      pathDist.push(p.level);
    }
    pathStart[j + 1] = pathAt.length;
  });
  return {
    shocks,
    horizon,
    parent,
    order: Int32Array.from(order),
    bypass: Int32Array.from(shocks, bypassOf),
    uniforms: new Float64Array(4 * n),
    pathStart,
    pathAt: Int32Array.from(pathAt),
    pathDist,
  };
}

/** Draw arrays for n shocks, with the sampler's licensing paths (none without it). */
export function newShockDraws(n: number, paths?: Pick<ShockSampler, "pathStart" | "pathAt">): ShockDraws {
  const pathAt = paths?.pathAt ?? new Int32Array(0);
  return {
    occurs: new Uint8Array(n),
    start: new Int32Array(n),
    end: new Int32Array(n),
    severity: new Float64Array(n),
    pathStart: paths?.pathStart ?? new Int32Array(n + 1),
    pathAt,
    pathLevel: new Float64Array(pathAt.length),
  };
}

/** Fills `out` with trial draws from `rng`. Consumes exactly 4 uniforms per shock. */
export function sampleShocks(sampler: ShockSampler, rng: Rng, out: ShockDraws): void {
  const { shocks, horizon, uniforms: u } = sampler;
  for (let k = 0; k < u.length; k++) u[k] = rng();
  for (let o = 0; o < sampler.order.length; o++) {
    const j = sampler.order[o]!;
    const s = shocks[j]!;
    const p = sampler.parent[j]!;
    const occurs = u[4 * j]! < s.probability && (p < 0 || out.occurs[p] === 1);
    let start: number;
    if (p < 0) start = Math.floor(inverseCdf(s.start, u[4 * j + 1]!));
    else start = out.start[p]! + Math.max(0, Math.floor(inverseCdf(s.after?.lag ?? 0, u[4 * j + 1]!)));
    start = Math.max(0, start);
    let duration = s.duration === undefined ? horizon : Math.max(0, Math.floor(inverseCdf(s.duration, u[4 * j + 2]!)));
    const bypass = sampler.bypass[j]!;
    if (bypass >= 0) duration = Math.min(duration, bypass);
    const severity = Math.min(1, Math.max(0, inverseCdf(s.severity, u[4 * j + 3]!)));
    out.occurs[j] = occurs ? 1 : 0;
    out.start[j] = Math.min(start, horizon);
    out.end[j] = occurs ? Math.min(horizon, start + duration) : out.start[j]!;
    out.severity[j] = severity;
    // a licensing path's levels come from the severity uniform too: no uniform is added, so no
    // other shock's draws move (comonotone with the severity: a harsher draw settles higher)
    for (let k = sampler.pathStart[j]!; k < sampler.pathStart[j + 1]!; k++) {
      out.pathLevel[k] = Math.min(1, Math.max(0, inverseCdf(sampler.pathDist[k]!, u[4 * j + 3]!)));
    }
  }
}
