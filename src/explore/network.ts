// The supply network as the home sees it, as SVG text: the countries its goods come from (left),
// its goods (right), a line per source whose width is the share of the good's imports, and the
// countries the scenario's shocks strike highlighted. Which fields of a shock name the place it
// strikes comes from its kind's references (a country, a place, a producer's country); the
// receiving side (`target` references) is not highlighted.
import { defaultKinds, type Kinds } from "../kinds/index.ts";
import type { Scenario } from "../scenario/schema.ts";
import { escapeText } from "./html.ts";

const HIT = "#b34700";
const INK = "#1d232b";
const LINE = "#8a9099";

/** Country ids the scenario's shocks strike, each with the shocks that strike it. */
export function struckCountries(scenario: Scenario, kinds: Kinds = defaultKinds): Map<string, string[]> {
  const { countries, producers } = scenario.network;
  const members = (id: string) => (countries.some((c) => c.id === id) ? [id] : countries.filter((c) => c.groups.includes(id)).map((c) => c.id));
  const out = new Map<string, string[]>();
  for (const shock of scenario.shocks) {
    const refs = kinds.shocks.of(shock).refs as Record<string, string | undefined>;
    for (const [field, kind] of Object.entries(refs)) {
      const raw = (shock as Record<string, unknown>)[field];
      const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === "string");
      const ids =
        kind === "country" || kind === "place"
          ? values.flatMap(members)
          : kind === "producer"
            ? values.flatMap((p) => producers.filter((x) => x.id === p).map((x) => x.country))
            : [];
      for (const id of ids) out.set(id, [...new Set([...(out.get(id) ?? []), shock.id])]);
    }
  }
  return out;
}

/** The home's imports by source country and good, with the struck countries highlighted. */
export function networkPicture(scenario: Scenario, kinds: Kinds = defaultKinds): string {
  const { home, network } = scenario;
  const producer = new Map(network.producers.map((p) => [p.id, p]));
  const goods = [...new Set(network.demand.filter((d) => d.country === home).map((d) => d.good))];
  const volume = new Map<string, number>(); // `${country}\u0000${good}` → volume into home
  for (const f of network.flows) {
    const p = producer.get(f.from);
    if (f.to !== home || p === undefined || !goods.includes(p.good)) continue;
    const key = `${p.country}\u0000${p.good}`;
    volume.set(key, (volume.get(key) ?? 0) + f.volume);
  }
  const byCountry = new Map<string, number>();
  const byGood = new Map<string, number>();
  for (const [key, v] of volume) {
    const [c, g] = key.split("\u0000") as [string, string];
    byCountry.set(c, (byCountry.get(c) ?? 0) + v);
    byGood.set(g, (byGood.get(g) ?? 0) + v);
  }
  const sources = [...byCountry.keys()].sort((a, b) => byCountry.get(b)! - byCountry.get(a)!);
  const struck = struckCountries(scenario, kinds);
  const row = 24;
  const height = Math.max(sources.length, goods.length, 1) * row + 30;
  const [x0, x1, w] = [170, 430, 600];
  const yOf = (i: number) => 30 + i * row;
  let body = `<text x="${x0}" y="14" text-anchor="end" font-weight="bold">sources of ${escapeText(home)}'s supply</text><text x="${x1}" y="14" font-weight="bold">${escapeText(home)}'s goods</text>`;
  for (const [key, v] of volume) {
    const [c, g] = key.split("\u0000") as [string, string];
    const share = v / (byGood.get(g) || 1);
    const hit = struck.has(c);
    body += `<line x1="${x0 + 6}" y1="${yOf(sources.indexOf(c))}" x2="${x1 - 6}" y2="${yOf(goods.indexOf(g))}" stroke="${hit ? HIT : LINE}" stroke-opacity="${hit ? 0.85 : 0.6}" stroke-width="${(1 + 11 * share).toFixed(1)}"><title>${escapeText(`${c} → ${g}: ${(100 * share).toFixed(0)}% of ${home}'s supply of ${g}`)}</title></line>`;
  }
  sources.forEach((c, i) => {
    const hit = struck.get(c);
    body += `<circle cx="${x0}" cy="${yOf(i)}" r="5" fill="${hit ? HIT : INK}"/><text x="${x0 - 10}" y="${yOf(i) + 4}" text-anchor="end"${hit ? ` fill="${HIT}" font-weight="bold"` : ""}>${escapeText(hit ? `${c} ⚡` : c)}</text>`;
  });
  goods.forEach((g, i) => {
    body += `<rect x="${x1 - 5}" y="${yOf(i) - 5}" width="10" height="10" fill="${INK}"/><text x="${x1 + 10}" y="${yOf(i) + 4}">${escapeText(g)}</text>`;
  });
  const legend = [...struck].filter(([c]) => sources.includes(c)).map(([c, ids]) => `${c}: ${ids.join(", ")}`).join("; ");
  const label = `supply of ${home} by source country and good; struck by shocks: ${legend || "none among the sources"}`;
  return `<svg viewBox="0 0 ${w} ${height}" width="100%" role="img" aria-label="${escapeText(label)}" font-family="system-ui, sans-serif" font-size="12" fill="${INK}">${body}</svg><p class="legend">⚡ struck by a shock (${escapeText(legend || "none among the sources")}); line width: the source's share of ${escapeText(home)}'s supply of the good.</p>`;
}
