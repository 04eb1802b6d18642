// Cross-reference checks of a network and a scenario that passed their schemas: every problem
// found, each at its path. Reference: MODEL.md §1 (consistency rules), §2, §3, §7.
import { findCycles } from "./cycles.ts";
import { type PathIssue, formatValue } from "./issues.ts";
import { defaultKinds, type Kinds } from "../kinds/index.ts";
import type { PolicyBase, ShockBase } from "../kinds/fields.ts";
import type { PolicyKind, RefKind, ReferenceIndex, ShockKind } from "../kinds/kind.ts";
import type { Distribution, Good, Network, Producer, ScenarioFile } from "./schema.ts";
import { didYouMean } from "./suggest.ts";

const nouns: Record<RefKind, string> = {
  country: "country",
  good: "good",
  producer: "producer",
  chokepoint: "chokepoint",
  place: "country or group",
  target: "country or group",
};

/** Valid ids per reference kind, entities by id (first occurrence wins), group members, baseline inflows. */
interface NetworkIndex extends ReferenceIndex {
  ids: Record<RefKind, Set<string>>;
  goods: Map<string, Good>;
  producers: Map<string, Producer>;
  groups: Map<string, Set<string>>;
  /** Baseline inflow of a good into a country, keyed by `inflowKey`. */
  inflow: Map<string, number>;
}

const inflowKey = (country: string, good: string): string => `${country}\u0000${good}`;

function indexNetwork(network: Network): NetworkIndex {
  const goods = new Map<string, Good>();
  for (const g of network.goods) if (!goods.has(g.id)) goods.set(g.id, g);
  const producers = new Map<string, Producer>();
  for (const p of network.producers) if (!producers.has(p.id)) producers.set(p.id, p);
  const groups = new Map<string, Set<string>>();
  for (const c of network.countries) {
    for (const g of c.groups) groups.set(g, (groups.get(g) ?? new Set()).add(c.id));
  }
  const inflow = new Map<string, number>();
  for (const f of network.flows) {
    const p = producers.get(f.from);
    if (p === undefined) continue;
    const key = inflowKey(f.to, p.good);
    inflow.set(key, (inflow.get(key) ?? 0) + f.volume);
  }
  const countries = network.countries.map((c) => c.id);
  const ids: Record<RefKind, Set<string>> = {
    country: new Set(countries),
    good: new Set(goods.keys()),
    producer: new Set(producers.keys()),
    chokepoint: new Set(network.chokepoints.map((k) => k.id)),
    place: new Set([...countries, ...groups.keys()]),
    target: new Set([...countries, ...groups.keys(), "all"]),
  };
  return { ids, goods, producers, groups, inflow };
}

/** Consistency of a network (MODEL §1). */
export function checkNetwork(network: Network): PathIssue[] {
  const index = indexNetwork(network);
  const bom = bomIssues(network, index);
  // Inflows are only known once every flow resolves; until then, checks built on them would
  // report consequences of the broken references rather than problems of their own.
  const inflowsKnown = network.flows.every((f) => index.producers.has(f.from) && index.ids.country.has(f.to));
  return [
    ...duplicateIds(network.countries, "countries", "country"),
    ...duplicateIds(network.goods, "goods", "good"),
    ...duplicateIds(network.producers, "producers", "producer"),
    ...duplicateIds(network.chokepoints, "chokepoints", "chokepoint"),
    ...groupIssues(network, index),
    ...bom,
    ...producerIssues(network, index, inflowsKnown && bom.length === 0),
    ...flowIssues(network, index),
    ...demandIssues(network, index, inflowsKnown),
  ];
}

/** Group names must not be country ids, nor the keyword `all`; each name is reported once. */
function groupIssues(network: Network, index: NetworkIndex): PathIssue[] {
  const issues: PathIssue[] = [];
  const seen = new Set<string>();
  network.countries.forEach((c, i) =>
    c.groups.forEach((group, j) => {
      if (seen.has(group)) return;
      seen.add(group);
      const path = ["countries", i, "groups", j];
      if (index.ids.country.has(group)) {
        const message = `group '${group}' has the name of a country; group names must differ from country ids`;
        issues.push({ path, message });
      } else if (group === "all") {
        const message = "group name 'all' is reserved: in targets it means every country but the imposer";
        issues.push({ path, message });
      }
    }),
  );
  return issues;
}

/** Inputs name goods, and the bill of materials has no cycle (reported at the edge closing it). */
function bomIssues(network: Network, index: NetworkIndex): PathIssue[] {
  const issues: PathIssue[] = [];
  network.goods.forEach((g, i) => {
    for (const input of Object.keys(g.inputs)) {
      const message = unresolved("good", input, index);
      if (message !== undefined) issues.push({ path: ["goods", i, "inputs", input], at: "key", message });
    }
  });
  const inputsOf = (id: string): string[] =>
    Object.keys(index.goods.get(id)?.inputs ?? {}).filter((input) => index.goods.has(input));
  for (const cycle of findCycles([...index.goods.keys()], inputsOf)) {
    const [from = "", to = ""] = cycle.slice(-2);
    issues.push({
      path: ["goods", network.goods.findIndex((g) => g.id === from), "inputs", to],
      at: "key",
      message: `bill of materials has a cycle: ${cycle.join(" → ")}`,
    });
  }
  return issues;
}

/** References, flows within capacity and, when inflows are known, an inflow of every input. */
function producerIssues(network: Network, index: NetworkIndex, checkInputs: boolean): PathIssue[] {
  const issues: PathIssue[] = [];
  const shipped = new Map<string, number>();
  for (const f of network.flows) shipped.set(f.from, (shipped.get(f.from) ?? 0) + f.volume);
  network.producers.forEach((p, i) => {
    issues.push(...references(p, { country: "country", good: "good" }, ["producers", i], index));
    const total = shipped.get(p.id) ?? 0;
    if (index.producers.get(p.id) === p && exceeds(total, p.capacity)) {
      issues.push({
        path: ["producers", i, "capacity"],
        message: `flows from '${p.id}' sum to ${round(total)}, above its capacity of ${p.capacity}`,
      });
    }
    if (!checkInputs || !index.ids.country.has(p.country)) return;
    for (const input of Object.keys(index.goods.get(p.good)?.inputs ?? {})) {
      if (index.goods.has(input) && !((index.inflow.get(inflowKey(p.country, input)) ?? 0) > 0)) {
        issues.push({
          path: ["producers", i, "country"],
          message: `producer '${p.id}' makes ${p.good} in ${p.country}, which has no inflow of its input '${input}'`,
        });
      }
    }
  });
  return issues;
}

function flowIssues(network: Network, index: NetworkIndex): PathIssue[] {
  const fields = { from: "producer", to: "country", route: "chokepoint" } as const;
  return network.flows.flatMap((f, i) => references(f, fields, ["flows", i], index));
}

/** References, one entry per country and good, and no more than the baseline inflow. */
function demandIssues(network: Network, index: NetworkIndex, inflowsKnown: boolean): PathIssue[] {
  const issues: PathIssue[] = [];
  const first = new Map<string, number>();
  network.demand.forEach((d, i) => {
    const own = references(d, { country: "country", good: "good" }, ["demand", i], index);
    issues.push(...own);
    const key = inflowKey(d.country, d.good);
    const earlier = first.get(key);
    if (earlier !== undefined) {
      const message = `a second demand for ${d.good} in ${d.country} (the first is demand[${earlier}]); merge them`;
      issues.push({ path: ["demand", i], message });
      return;
    }
    first.set(key, i);
    const inflow = index.inflow.get(key) ?? 0;
    if (inflowsKnown && own.length === 0 && exceeds(d.volume, inflow)) {
      issues.push({
        path: ["demand", i, "volume"],
        message: `demand of ${d.volume} exceeds ${d.country}'s baseline inflow of ${d.good} (${round(inflow)})`,
      });
    }
  });
  return issues;
}

/**
 * Consistency of a scenario (MODEL §2, §3, §7). Without a usable network (it failed its own
 * schema), only the checks that need none are run. Each shock and policy is checked by its kind
 * (its references, then its own rules once they resolve).
 */
export function checkScenario(
  scenario: Omit<ScenarioFile, "network">,
  network: Network | undefined,
  kinds: Kinds = defaultKinds,
): PathIssue[] {
  const own = [
    ...duplicateIds(scenario.shocks, "shocks", "shock"),
    ...duplicateIds(scenario.policies, "policies", "policy"),
    ...shockIssues(scenario.shocks),
    ...optionIssues(scenario),
  ];
  if (network === undefined) return own;
  const index = indexNetwork(network);
  return [
    ...own,
    ...homeIssues(scenario.home, network, index),
    ...kindIssues(scenario.shocks, "shocks", kinds.shocks, index),
    ...kindIssues(scenario.policies, "policies", kinds.policies, index),
    ...marketIssues(scenario.markets, index),
  ];
}

/** A scenario's markets name goods of the network, and their price markets places in it. */
function marketIssues(markets: ScenarioFile["markets"], index: NetworkIndex): PathIssue[] {
  const issues: PathIssue[] = [];
  for (const [good, market] of Object.entries(markets ?? {})) {
    const unknown = unresolved("good", good, index);
    if (unknown !== undefined) issues.push({ path: ["markets", good], message: unknown, at: "key" });
    (market.priceMarket ?? []).forEach((place, i) => {
      const miss = unresolved("place", place, index);
      if (miss !== undefined) issues.push({ path: ["markets", good, "priceMarket", i], message: miss });
    });
  }
  return issues;
}

/** Ranges of severity and periods, triggers that resolve and form no cycle. */
function shockIssues(shocks: readonly ShockBase[]): PathIssue[] {
  const issues: PathIssue[] = [];
  const ids = new Set(shocks.map((s) => s.id));
  shocks.forEach((shock, i) => {
    (shock.path ?? []).forEach((point, k) => issues.push(...outOfRange(point.level, ["shocks", i, "path", k, "level"], severityRange)));
    issues.push(
      ...outOfRange(shock.severity, ["shocks", i, "severity"], severityRange),
      ...outOfRange(shock.start, ["shocks", i, "start"], periodRange),
      ...outOfRange(shock.duration, ["shocks", i, "duration"], periodRange),
    );
    if (shock.after === undefined) return;
    const { shock: trigger, lag } = shock.after;
    if (!ids.has(trigger)) {
      const message = `unknown shock '${trigger}'${didYouMean(trigger, ids)}`;
      issues.push({ path: ["shocks", i, "after", "shock"], message });
    }
    issues.push(...outOfRange(lag, ["shocks", i, "after", "lag"], periodRange));
  });
  const triggerOf = (id: string): string[] => {
    const trigger = shocks.find((s) => s.id === id)?.after?.shock;
    return trigger !== undefined && ids.has(trigger) ? [trigger] : [];
  };
  for (const cycle of findCycles([...ids], triggerOf)) {
    const last = cycle.at(-2);
    issues.push({
      path: ["shocks", shocks.findIndex((s) => s.id === last), "after", "shock"],
      message: `triggers form a cycle: ${cycle.join(" → ")} (each starts after the next)`,
    });
  }
  return issues;
}

/** Options name policies that exist, and none is called `baseline`. */
function optionIssues(scenario: Omit<ScenarioFile, "network">): PathIssue[] {
  const issues: PathIssue[] = [];
  const policyIds = new Set(scenario.policies.map((p) => p.id));
  for (const [name, members] of Object.entries(scenario.options)) {
    if (name === "baseline") {
      issues.push({
        path: ["options", name],
        at: "key",
        message: "the option name 'baseline' is reserved: the baseline (no policy) is always scored first",
      });
    }
    members.forEach((id, j) => {
      if (policyIds.has(id)) return;
      issues.push({ path: ["options", name, j], message: `unknown policy '${id}'${didYouMean(id, policyIds)}` });
    });
  }
  return issues;
}

/** The scored country exists and has demand worth something, or every score would be 0/0. */
function homeIssues(home: string, network: Network, index: NetworkIndex): PathIssue[] {
  const unknown = unresolved("country", home, index);
  if (unknown !== undefined) return [{ path: ["home"], message: unknown }];
  const scored = network.demand.some((d) => d.country === home && d.volume * scoreWeight(index.goods.get(d.good)) > 0);
  if (scored) return [];
  return [
    {
      path: ["home"],
      message:
        `${home} has no demand of positive value (volume × price × weight) in the network, ` +
        "so there is nothing to score",
    },
  ];
}

/** Each element's references, then its kind's own rules once they resolve. */
function kindIssues<T extends ShockBase | PolicyBase>(
  items: readonly T[],
  section: string,
  registry: { of(item: T): Pick<ShockKind | PolicyKind, "refs"> & { check?(item: T, at: PropertyKey[], network: ReferenceIndex): PathIssue[] } },
  index: NetworkIndex,
): PathIssue[] {
  return items.flatMap((item, i) => {
    const kind = registry.of(item);
    const at = [section, i];
    const issues = references(item, kind.refs, at, index);
    if (issues.length > 0 || kind.check === undefined) return issues;
    return kind.check(item, at, index);
  });
}

interface Range {
  min: number;
  max: number;
  sentence: string;
}
const severityRange: Range = { min: 0, max: 1, sentence: "must be between 0 and 1" };
const periodRange: Range = { min: 0, max: Number.POSITIVE_INFINITY, sentence: "must be 0 or more (periods)" };

/**
 * Values a distribution can take outside the range, at the parameter that bounds them. A normal
 * without bounds and a lognormal are left to the engine, which clamps draws into range.
 */
function outOfRange(dist: Distribution | undefined, path: PropertyKey[], range: Range): PathIssue[] {
  const bad = (value: number | undefined, at: PropertyKey[]): PathIssue[] =>
    value !== undefined && (value < range.min || value > range.max)
      ? [{ path: [...path, ...at], message: `${range.sentence}, got ${formatValue(value)}` }]
      : [];
  if (dist === undefined) return [];
  if (typeof dist === "number") return bad(dist, []);
  switch (dist.dist) {
    case "uniform":
    case "triangular":
    case "normal":
      return [...bad(dist.min, ["min"]), ...bad(dist.max, ["max"])];
    case "choice":
      return dist.values.flatMap((v, j) => bad(v, ["values", j]));
    case "lognormal":
      return [];
  }
}

/** Every id an entity names in `fields` (one id or a list of them), resolved against the network. */
function references(
  entity: object,
  fields: Partial<Record<string, RefKind>>,
  at: PropertyKey[],
  index: NetworkIndex,
): PathIssue[] {
  const issues: PathIssue[] = [];
  const values = entity as Record<string, unknown>;
  for (const field in fields) {
    const kind = fields[field];
    if (kind === undefined) continue;
    const value = values[field];
    // most ids resolve: only a miss builds its path (a network may have 10^5 flows)
    if (typeof value === "string") {
      const message = unresolved(kind, value, index);
      if (message !== undefined) issues.push({ path: [...at, field], message });
    } else if (Array.isArray(value)) {
      value.forEach((id: string, j) => {
        const message = unresolved(kind, id, index);
        if (message !== undefined) issues.push({ path: [...at, field, j], message });
      });
    }
  }
  return issues;
}

/** The sentence for an id that names nothing of its kind, or `undefined` when it resolves. */
function unresolved(kind: RefKind, id: string, index: NetworkIndex): string | undefined {
  const valid = index.ids[kind];
  return valid.has(id) ? undefined : `unknown ${nouns[kind]} '${id}'${didYouMean(id, valid)}`;
}

function duplicateIds(items: readonly { id: string }[], section: string, kind: string): PathIssue[] {
  const first = new Map<string, number>();
  const issues: PathIssue[] = [];
  items.forEach((item, i) => {
    const j = first.get(item.id);
    if (j === undefined) first.set(item.id, i);
    else {
      const message = `duplicate ${kind} id '${item.id}' (first used at ${section}[${j}])`;
      issues.push({ path: [section, i, "id"], message });
    }
  });
  return issues;
}

function scoreWeight(good: Good | undefined): number {
  return good === undefined ? 0 : good.price * good.weight;
}

/** `a > b` beyond floating-point noise in sums of volumes. */
function exceeds(a: number, b: number): boolean {
  return a > b + 1e-9 * Math.max(1, Math.abs(b));
}

function round(x: number): number {
  return Number(x.toPrecision(12));
}
