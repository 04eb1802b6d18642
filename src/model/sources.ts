// The provenance table of a network (fixtures/sources.yaml) and the look-up "every number of a
// network entry and the figures it came from". A network entry names, per number, the ids of
// table entries (`source: {volume: [id, id#KEY]}`); `id#KEY` picks one value of a figure that is
// a table of values (by country id, usually). Reference: docs/data.md ("Provenance").
import { z } from "zod";
import type { Network } from "../scenario/schema.ts";

const scalar = z.union([z.number(), z.string()]);

/** One entry of the provenance table: a published figure, a number computed from others, an estimate, or a method. */
export const provenanceEntrySchema = z
  .object({
    id: z.string().min(1),
    kind: z.enum(["published", "calc", "estimate", "method"]),
    publisher: z.string().optional(),
    title: z.string().optional(),
    year: z.union([z.number(), z.string()]).optional(),
    /** Table, page or section of the publication. */
    table: z.string().optional(),
    url: z.string().optional(),
    /** The outlet that reported the figure, when it was read at second hand. */
    via: z.string().optional(),
    /** The value as published (or computed, or estimated): a number, a range as text, or a table of them. */
    value: z.union([scalar, z.record(z.string(), scalar)]).optional(),
    unit: z.string().optional(),
    /** calc: how it was computed from `basis`. */
    formula: z.string().optional(),
    /** estimate and method: why this number or this rule. */
    reasoning: z.string().optional(),
    /** Per value of a table: its own reasoning or source detail. */
    notes: z.record(z.string(), z.string()).optional(),
    /** Ids this entry builds on. */
    basis: z.array(z.string()).optional(),
    /** Secondary, paraphrased or conflicting source (⚠ in the fact sheet). */
    uncertain: z.boolean().optional(),
    note: z.string().optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    const need = (field: keyof typeof e, why: string): void => {
      if (e[field] === undefined) ctx.addIssue({ code: "custom", path: [field], message: `is required for a ${why}` });
    };
    if (e.kind === "published") for (const f of ["publisher", "title", "year", "value", "unit"] as const) need(f, "published figure");
    if (e.kind === "calc") for (const f of ["formula", "basis", "value"] as const) need(f, "computed figure");
    if (e.kind === "estimate") need("reasoning", "an estimate");
    if (e.kind === "method") need("reasoning", "a method");
  });

export const provenanceTableSchema = z.object({ sources: z.array(provenanceEntrySchema) }).strict();

export type ProvenanceEntry = z.output<typeof provenanceEntrySchema>;
export type ProvenanceTable = z.output<typeof provenanceTableSchema>;

/** A reference `id` or `id#KEY`, resolved against the table. */
export interface ResolvedRef {
  ref: string;
  id: string;
  key?: string;
  entry?: ProvenanceEntry;
  /** The value the reference picks (the keyed value, or the whole value). */
  value?: ProvenanceEntry["value"];
  problem?: string;
}

export function indexTable(table: ProvenanceTable): Map<string, ProvenanceEntry> {
  return new Map(table.sources.map((e) => [e.id, e]));
}

export function resolveRef(index: ReadonlyMap<string, ProvenanceEntry>, ref: string): ResolvedRef {
  const hash = ref.indexOf("#");
  const id = hash < 0 ? ref : ref.slice(0, hash);
  const key = hash < 0 ? undefined : ref.slice(hash + 1);
  const entry = index.get(id);
  if (entry === undefined) return { ref, id, ...(key === undefined ? {} : { key }), problem: `no entry "${id}" in the provenance table` };
  if (key === undefined) return { ref, id, entry, value: entry.value };
  const v = entry.value;
  if (v === undefined || typeof v !== "object" || !(key in v)) {
    return { ref, id, key, entry, problem: `entry "${id}" has no value "${key}"` };
  }
  return { ref, id, key, entry, value: v[key] };
}

/** An entry is estimate-based when it is an estimate, or computed from one (directly or further down). */
export function isEstimate(index: ReadonlyMap<string, ProvenanceEntry>, id: string, seen: Set<string> = new Set()): boolean {
  const e = index.get(id);
  if (e === undefined || seen.has(id)) return false;
  seen.add(id);
  if (e.kind === "estimate") return true;
  if (e.kind === "calc") return (e.basis ?? []).some((b) => isEstimate(index, b.split("#")[0] ?? b, seen));
  return false;
}

/** A one-line citation: publisher, title, year, table; or "estimate: reasoning". */
export function citation(e: ProvenanceEntry): string {
  if (e.kind === "estimate") return `estimate: ${e.reasoning ?? ""}`;
  if (e.kind === "method") return `method: ${e.reasoning ?? ""}`;
  if (e.kind === "calc") return `[calc] ${e.formula ?? ""}`;
  const parts = [e.publisher, e.title, e.year === undefined ? undefined : String(e.year), e.table].filter((x) => x !== undefined && x !== "");
  const via = e.via === undefined ? "" : ` (via ${e.via})`;
  return `${parts.join(", ")}${via}${e.uncertain ? " ⚠" : ""}`;
}

/** One number of a network entry with where it came from. */
export interface NumberSource {
  /** producer, flow, demand, good, country or chokepoint */
  entry: "country" | "chokepoint" | "good" | "producer" | "flow" | "demand";
  /** A readable name of the entry: `cn-gallium → US`, `demand US gallium`... */
  label: string;
  good?: string;
  /** Countries the entry concerns (producer country, flow origin and destination, demand country). */
  countries: string[];
  /** The number's field: volume, capacity, output, price, inputs, governance... */
  field: string;
  /** The number as written in the network, when it is a field of the entry (output is only in the table). */
  value?: number;
  refs: ResolvedRef[];
  /** Built on an estimate (directly, or by a computation from one). */
  estimate: boolean;
  /** True when the number names no source at all. */
  missing: boolean;
}

type SourceMap = Record<string, string[]> | undefined;

/**
 * Every number of a network with its sources, in file order. A number counts as missing when its
 * entry gives no reference for its field; `output` is listed for producers that name one.
 */
export function numberSources(network: Network, table: ProvenanceTable): NumberSource[] {
  const index = indexTable(table);
  const out: NumberSource[] = [];
  const push = (base: Omit<NumberSource, "refs" | "estimate" | "missing">, source: SourceMap): void => {
    const refs = (source?.[base.field] ?? []).map((r) => resolveRef(index, r));
    out.push({ ...base, refs, estimate: refs.some((r) => isEstimate(index, r.id)), missing: refs.length === 0 });
  };
  const goodOf = new Map(network.producers.map((p) => [p.id, p]));
  for (const c of network.countries) {
    if (c.governance !== undefined) push({ entry: "country", label: `country ${c.id}`, countries: [c.id], field: "governance", value: c.governance }, c.source);
  }
  for (const k of network.chokepoints) {
    if (k.bypassPeriods !== undefined) push({ entry: "chokepoint", label: `chokepoint ${k.id}`, countries: [], field: "bypassPeriods", value: k.bypassPeriods }, k.source);
  }
  for (const g of network.goods) {
    const base = { entry: "good" as const, label: `good ${g.id}`, good: g.id, countries: [] };
    push({ ...base, field: "price", value: g.price }, g.source);
    if (g.source?.weight !== undefined || g.weight !== 1) push({ ...base, field: "weight", value: g.weight }, g.source);
    for (const [input, coef] of Object.entries(g.inputs)) push({ ...base, label: `good ${g.id} ← ${input}`, field: "inputs", value: coef }, g.source);
    push({ ...base, field: "inventoryPeriods", value: g.inventoryPeriods }, g.source);
    push({ ...base, field: "switchPeriods", value: g.switchPeriods }, g.source);
  }
  for (const p of network.producers) {
    const base = { entry: "producer" as const, label: `producer ${p.id}`, good: p.good, countries: [p.country] };
    if (p.source?.output !== undefined) push({ ...base, field: "output" }, p.source);
    push({ ...base, field: "capacity", value: p.capacity }, p.source);
  }
  for (const f of network.flows) {
    const p = goodOf.get(f.from);
    const countries = p === undefined ? [f.to] : [p.country, f.to];
    push({ entry: "flow", label: `flow ${f.from} → ${f.to}`, ...(p === undefined ? {} : { good: p.good }), countries, field: "volume", value: f.volume }, f.source);
  }
  for (const d of network.demand) {
    push({ entry: "demand", label: `demand ${d.country} ${d.good}`, good: d.good, countries: [d.country], field: "volume", value: d.volume }, d.source);
  }
  return out;
}

/** What `numberSources` finds wrong or notable, in totals. */
export interface ProvenanceAudit {
  numbers: number;
  missing: number;
  estimates: number;
  /** References that name no entry, or a key the entry does not have. */
  broken: Array<{ label: string; field: string; ref: string; problem: string }>;
}

export function auditProvenance(rows: ReadonlyArray<NumberSource>): ProvenanceAudit {
  const counted = rows.filter((r) => r.field !== "output"); // output is not a number of the file
  const broken = rows.flatMap((r) => r.refs.filter((x) => x.problem !== undefined).map((x) => ({ label: r.label, field: r.field, ref: x.ref, problem: x.problem ?? "" })));
  return { numbers: counted.length, missing: counted.filter((r) => r.missing).length, estimates: counted.filter((r) => r.estimate).length, broken };
}

/** One reference of a number, ready to print. */
export interface SourceCitation {
  ref: string;
  kind: ProvenanceEntry["kind"] | "missing";
  /** The value the reference picks, as the table gives it, with its unit. */
  value?: string;
  citation: string;
}

/** A number of the report with where it came from. */
export interface SourceLine {
  label: string;
  field: string;
  value?: number;
  /** For a flow: its share of the destination's use of the good (0-1). */
  share?: number;
  estimate: boolean;
  sources: SourceCitation[];
}

export interface GoodSources {
  good: string;
  unit: string;
  /** How the good's flows are built (primary production or import sources) and why. */
  basis: SourceCitation[];
  lines: SourceLine[];
}

export interface SourcesReport {
  home?: string;
  good?: string;
  country?: string;
  goods: GoodSources[];
  /** Numbers not tied to a good (governance, chokepoints) when a country is asked for. */
  other: SourceLine[];
  /** Totals over the whole network: numbers, without a source, built on an estimate. */
  audit: ProvenanceAudit;
}

/** The citation, led by the note of the one value a reference picks, where the table has one. */
function keyed(e: ProvenanceEntry, key: string | undefined): string {
  const note = key === undefined ? undefined : e.notes?.[key];
  return note === undefined ? citation(e) : `${e.kind} (${key}): ${note}; ${citation(e)}`;
}

function cite(index: ReadonlyMap<string, ProvenanceEntry>, ref: string): SourceCitation {
  const r = resolveRef(index, ref);
  if (r.entry === undefined) return { ref, kind: "missing", citation: r.problem ?? "" };
  const v = r.value;
  const shown = v === undefined ? undefined : typeof v === "object" ? Object.entries(v).map(([k, x]) => `${k} ${x}`).join(", ") : String(v);
  return {
    ref,
    kind: r.entry.kind,
    ...(shown === undefined ? {} : { value: r.entry.unit === undefined ? shown : `${shown} ${r.entry.unit}` }),
    citation: r.problem ?? keyed(r.entry, r.key),
  };
}

/**
 * Every number used for the goods a home uses (the good's own numbers, the flows into the home
 * with their shares of its use, its demand, its producers), or for one good (all its lines), or
 * for one country (every line that names it), with where each came from.
 */
export function sourcesReport(network: Network, table: ProvenanceTable, options: { home?: string; good?: string; country?: string }): SourcesReport {
  const index = indexTable(table);
  const rows = numberSources(network, table);
  const goodOfProducer = new Map(network.producers.map((p) => [p.id, p.good]));
  const use = new Map<string, number>(); // `${country}|${good}` → inflow
  for (const f of network.flows) {
    const g = goodOfProducer.get(f.from);
    if (g !== undefined) use.set(`${f.to}|${g}`, (use.get(`${f.to}|${g}`) ?? 0) + f.volume);
  }
  const { home, good, country } = options;
  const wanted = (r: NumberSource): boolean => {
    if (country !== undefined) return r.countries.includes(country) || (r.entry === "good" && good !== undefined);
    if (good !== undefined || home === undefined) return true;
    if (r.entry === "good") return true;
    if (r.entry === "flow") return r.countries[r.countries.length - 1] === home;
    return r.countries.includes(home);
  };
  const line = (r: NumberSource): SourceLine => {
    const to = r.countries[r.countries.length - 1];
    const total = r.entry === "flow" && to !== undefined && r.good !== undefined ? use.get(`${to}|${r.good}`) : undefined;
    return {
      label: r.label,
      field: r.field,
      ...(r.value === undefined ? {} : { value: r.value }),
      ...(total === undefined || total <= 0 || r.value === undefined ? {} : { share: r.value / total }),
      estimate: r.estimate,
      sources: r.refs.map((x) => cite(index, x.ref)),
    };
  };
  const goods: GoodSources[] = [];
  for (const g of network.goods) {
    if (good !== undefined && g.id !== good) continue;
    if (good === undefined && country === undefined && home !== undefined && !use.has(`${home}|${g.id}`)) continue;
    const lines = rows.filter((r) => r.good === g.id && wanted(r)).map(line);
    if (country !== undefined && good === undefined && !lines.some((l) => !l.label.startsWith("good "))) continue;
    goods.push({ good: g.id, unit: g.unit, basis: (g.source?.basis ?? []).map((b) => cite(index, b)), lines });
  }
  const other = country === undefined ? [] : rows.filter((r) => r.good === undefined && r.countries.includes(country)).map(line);
  return {
    ...(home === undefined ? {} : { home }),
    ...(good === undefined ? {} : { good }),
    ...(country === undefined ? {} : { country }),
    goods,
    other,
    audit: auditProvenance(rows),
  };
}
