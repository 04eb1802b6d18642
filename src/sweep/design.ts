// The points of a sweep: a full grid, one-at-a-time around the scenario's base values, or a
// Latin hypercube; and which of them one shard of an array job runs.
// Reference: McKay, Beckman & Conover 1979 (Latin hypercube sampling); docs/sweep.md.
import seedrandom from "seedrandom";
import type { Design } from "./schema.ts";
import type { Assignment, ParameterPath } from "./paths.ts";

/** Where a parameter was given, so a problem with it can be placed there. */
export interface ParameterSource {
  /** The sweep file, or the flag as typed (`--set shocks.a.severity=0.2,0.5`). */
  file: string;
  /** Document path of the parameter's entry in the sweep file (`parameters[2]`); absent for flags. */
  path?: string;
  /** Position of the entry's range, where known. */
  line?: number;
  col?: number;
  /** Position of each value, where known (sweep file `values`). */
  values?: ({ line: number; col: number } | undefined)[];
}

/** One swept parameter with the values it takes (grid, oat) or the bounds it spans (lhs). */
export interface SweepParameter {
  path: ParameterPath;
  /** In the order given; for lhs only the smallest and largest matter. */
  values: number[];
  source: ParameterSource;
}

/** One point of the design. */
export interface SweepPoint {
  /** Its index in the design: stable across runs, shards and resumes. */
  id: number;
  /** Per parameter, the value shown in the output (for oat, the base value of the others). */
  values: (number | undefined)[];
  /** The parameters set at this point, with their values (oat: one, or none at the base point). */
  assignments: Assignment[];
  /** oat only: the parameter varied at this point; undefined at the base point. */
  varied?: number;
}

export interface SweepDesign {
  design: Design;
  parameters: SweepParameter[];
  count: number;
  pointAt(id: number): SweepPoint;
}

/** Evenly spaced values of a range, both ends included, to 12 significant digits. */
export function rangeValues(min: number, max: number, steps: number, integer: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < steps; i++) {
    const x = steps === 1 ? min : i === steps - 1 ? max : min + ((max - min) * i) / (steps - 1);
    const v = integer ? Math.round(x) : Number(x.toPrecision(12));
    // rounding to whole periods can repeat a value: keep the first
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

export function makeDesign(
  design: Design,
  parameters: SweepParameter[],
  opts: { samples?: number; lhsSeed?: number } = {},
): SweepDesign {
  if (design === "grid") return gridDesign(parameters);
  if (design === "oat") return oatDesign(parameters);
  return lhsDesign(parameters, opts.samples ?? 1, opts.lhsSeed ?? 1);
}

/** Every combination; the first parameter varies slowest (nested loops in parameter order). */
function gridDesign(parameters: SweepParameter[]): SweepDesign {
  const sizes = parameters.map((p) => p.values.length);
  const count = parameters.length === 0 ? 1 : sizes.reduce((a, b) => a * b, 1);
  return {
    design: "grid",
    parameters,
    count,
    pointAt(id) {
      const values: number[] = new Array<number>(parameters.length);
      let rest = id;
      for (let j = parameters.length - 1; j >= 0; j--) {
        const size = sizes[j]!;
        values[j] = parameters[j]!.values[rest % size]!;
        rest = Math.floor(rest / size);
      }
      return { id, values, assignments: parameters.map((p, j) => ({ path: p.path, value: values[j]! })) };
    },
  };
}

/** Point 0 is the scenario as it is; then each parameter at each of its values, others at base. */
function oatDesign(parameters: SweepParameter[]): SweepDesign {
  const owners: { j: number; value: number }[] = [];
  parameters.forEach((p, j) => {
    for (const value of p.values) owners.push({ j, value });
  });
  const base = parameters.map((p) => p.path.base);
  return {
    design: "oat",
    parameters,
    count: 1 + owners.length,
    pointAt(id) {
      if (id === 0) return { id, values: [...base], assignments: [] };
      const { j, value } = owners[id - 1]!;
      const values = [...base];
      values[j] = value;
      return { id, values, assignments: [{ path: parameters[j]!.path, value }], varied: j };
    },
  };
}

/**
 * `samples` points; each parameter's span [min, max] is cut into `samples` equal strata and
 * every stratum is used once: x = min + (π(i) + u) / samples × (max − min), with a random
 * permutation π per parameter and u uniform, all from alea(`lhs:<seed>`), parameter by parameter.
 */
function lhsDesign(parameters: SweepParameter[], samples: number, seed: number): SweepDesign {
  const rng = seedrandom.alea(`lhs:${seed}`);
  const columns = parameters.map((p) => {
    const lo = Math.min(...p.values);
    const hi = Math.max(...p.values);
    const perm = Array.from({ length: samples }, (_, i) => i);
    for (let i = samples - 1; i > 0; i--) {
      const k = Math.floor(rng() * (i + 1));
      [perm[i], perm[k]] = [perm[k]!, perm[i]!];
    }
    return perm.map((stratum) => {
      const x = lo + ((stratum + rng()) / samples) * (hi - lo);
      return p.path.integer ? Math.round(x) : x;
    });
  });
  return {
    design: "lhs",
    parameters,
    count: samples,
    pointAt(id) {
      const values = columns.map((c) => c[id]!);
      return { id, values, assignments: parameters.map((p, j) => ({ path: p.path, value: values[j]! })) };
    },
  };
}

/** A shard of an array job: points whose index mod `of` is `index − 1` (1-based index). */
export interface Shard {
  index: number;
  of: number;
}

/** The point ids a shard runs, in order; all of them without a shard. */
export function shardPoints(count: number, shard: Shard | undefined): number[] {
  const ids: number[] = [];
  for (let id = 0; id < count; id++) if (shard === undefined || id % shard.of === shard.index - 1) ids.push(id);
  return ids;
}
