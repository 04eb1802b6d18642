// Trajectories: per period, series read off the simulator's state in each traced trial (the
// home's availability, imports by origin, stocks, the price index; or an episode's series).
// Trials are traced one option at a time, so memory is one option's sample: count × series × H.
import { InputError } from "../errors.ts";
import type { Program } from "./program.ts";
import { type PreparedRun, runTrials } from "./run.ts";
import type { Simulator } from "./simulate.ts";

export type SeriesMeasure = "availability" | "imports" | "stock" | "price";

/** One series: a measure of a good, for a country (availability, stock, imports) and an origin (imports). */
export interface SeriesSpec {
  measure: SeriesMeasure;
  good: string;
  /** the consumer; for imports, absent = every destination but `from` (exports) */
  country?: string | undefined;
  /** imports only: the origin country; absent = every origin */
  from?: string | undefined;
}

/** A series resolved to indexes of one compiled option. */
interface CompiledSeries {
  measure: SeriesMeasure;
  good: number;
  slot: number;
  flows: Int32Array;
  pairs: Int32Array;
  /** the value before any shock: Σ planned volume of the flows (imports), 1 (availability, price) or the starting stock */
  base: number;
}

function countryIndex(net: Program, id: string, path: string): number {
  const c = net.countryIds.indexOf(id);
  if (c < 0) throw new InputError([{ path, message: `unknown country '${id}'` }]);
  return c;
}

function slotOf(net: Program, g: number, c: number): number {
  for (let s = net.goodSlotStart[g]!; s < net.goodSlotStart[g + 1]!; s++) if (net.slotCountry[s] === c) return s;
  return -1;
}

/** Resolves a series against one option's program; a name it does not know is an InputError. */
export function compileSeries(net: Program, spec: SeriesSpec, path = "series"): CompiledSeries {
  const g = net.goodIds.indexOf(spec.good);
  if (g < 0) throw new InputError([{ path: `${path}.good`, message: `unknown good '${spec.good}'` }]);
  const c = spec.country === undefined ? -1 : countryIndex(net, spec.country, `${path}.country`);
  const from = spec.from === undefined ? -1 : countryIndex(net, spec.from, `${path}.from`);
  const slot = c >= 0 ? slotOf(net, g, c) : -1;
  const none = { flows: new Int32Array(0), pairs: new Int32Array(0) };
  if (spec.measure === "price") return { measure: spec.measure, good: g, slot: -1, ...none, base: 1 };
  if (spec.measure !== "imports" || c >= 0) {
    if (slot < 0) throw new InputError([{ path: `${path}.country`, message: `${spec.country ?? "no country"} has no use of ${spec.good}` }]);
  }
  if (spec.measure === "availability") return { measure: spec.measure, good: g, slot, ...none, base: 1 };
  if (spec.measure === "stock") {
    return { measure: spec.measure, good: g, slot, ...none, base: net.slotInventory[slot]! + net.slotStockpile[slot]! };
  }
  if (c < 0 && from < 0) throw new InputError([{ path: `${path}.from`, message: "exports (no country) need an origin country `from`" }]);
  const dest = (s: number) => (c >= 0 ? s === slot : net.slotCountry[s] !== from);
  const origin = (p: number) => from < 0 || net.producerCountry[p] === from;
  const flows: number[] = [];
  const pairs: number[] = [];
  const p0 = net.goodProducerStart[g]!;
  const s0 = net.goodSlotStart[g]!;
  const ns = net.goodSlotStart[g + 1]! - s0;
  for (let p = p0; p < net.goodProducerStart[g + 1]!; p++) {
    if (!origin(p)) continue;
    for (let f = net.producerFlowStart[p]!; f < net.producerFlowStart[p + 1]!; f++) if (dest(net.flowSlot[f]!)) flows.push(f);
    for (let s = s0; s < s0 + ns; s++) if (dest(s)) pairs.push(net.goodPairStart[g]! + (p - p0) * ns + (s - s0));
  }
  const base = flows.reduce((sum, f) => sum + net.flowVolume[f]!, 0);
  return { measure: spec.measure, good: g, slot, flows: Int32Array.from(flows), pairs: Int32Array.from(pairs), base };
}

/** The series' value in the simulator's current period. */
function valueOf(sim: Simulator, s: CompiledSeries): number {
  switch (s.measure) {
    case "availability":
      return sim.ratio[s.slot]!;
    case "price":
      return sim.price[s.good]!;
    case "stock":
      return sim.inventory[s.slot]! + sim.stockpile[s.slot]!;
    case "imports": {
      let v = 0;
      for (let i = 0; i < s.flows.length; i++) v += sim.flowDelivered[s.flows[i]!]!;
      for (let i = 0; i < s.pairs.length; i++) v += sim.pairSent[s.pairs[i]!]!;
      return v;
    }
  }
}

/** Traced values of one option: value of series k in period t of trial row i at [(i × nSeries + k) × H + t]. */
export interface TracedTrials {
  count: number;
  nSeries: number;
  horizon: number;
  values: Float32Array;
  /** each series' value before any shock (see CompiledSeries.base) */
  base: Float64Array;
}

/**
 * Traces trials [first, first + count) of a prepared run holding one option: the series' values
 * in every period. The trials are the same trials an untraced run scores (same draws); tracing
 * runs every period through the full step, which gives the same availabilities.
 */
export function traceTrials(prepared: PreparedRun, specs: readonly SeriesSpec[], first: number, count: number): TracedTrials {
  if (prepared.options.length !== 1) throw new Error("internal: traceTrials takes a run prepared for one option");
  const net = prepared.networks[0]!;
  const sim = prepared.simulators[0]!;
  const compiled = specs.map((s, k) => compileSeries(net, s, `series[${k}]`));
  const H = net.horizon;
  const n = compiled.length;
  const values = new Float32Array(count * n * H);
  sim.setTracing(true);
  try {
    runTrials(prepared, first, count, (_, row) => (t) => {
      const at = row * n * H + t;
      for (let k = 0; k < n; k++) values[at + k * H] = valueOf(sim, compiled[k]!);
    });
  } finally {
    sim.setTracing(false);
  }
  return { count, nSeries: n, horizon: H, values, base: Float64Array.from(compiled, (c) => c.base) };
}

/**
 * The home's series of every scored good: availability, stock, the price index, and imports from
 * each country that has a producer of the good (its own country included).
 */
export function homeSeries(net: Program): SeriesSpec[] {
  const home = net.countryIds[net.home]!;
  const out: SeriesSpec[] = [];
  for (let h = 0; h < net.nScored; h++) {
    const g = net.scoredGood[h]!;
    const good = net.goodIds[g]!;
    out.push({ measure: "availability", good, country: home }, { measure: "stock", good, country: home }, { measure: "price", good });
    const origins = new Set<number>();
    for (let p = net.goodProducerStart[g]!; p < net.goodProducerStart[g + 1]!; p++) origins.add(net.producerCountry[p]!);
    for (const c of [...origins].sort((a, b) => a - b)) out.push({ measure: "imports", good, country: home, from: net.countryIds[c]! });
  }
  return out;
}
