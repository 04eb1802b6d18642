// The supply network as a flat graph for pictures and graph files: countries, chokepoints and
// producers as nodes with scalar attributes, flows as edges from producer to destination country
// with their good, volume, value, route and whether they lie on one of the home's critical paths.
import type { Good, Network } from "../scenario/schema.ts";

export type FlowNodeKind = "country" | "chokepoint" | "producer";

export interface FlowGraphNode {
  /** unique across kinds: `country:JP`, `producer:cn-gallium`, `chokepoint:malacca` */
  key: string;
  kind: FlowNodeKind;
  id: string;
  label: string;
  /** producers: where they stand and what they make */
  country?: string;
  good?: string;
  capacity?: number;
  /** countries: group tags, space-separated, and governance when given */
  groups?: string;
  governance?: number;
  home: boolean;
}

export interface FlowGraphEdge {
  key: string;
  source: string;
  target: string;
  good: string;
  /** units of the good per period */
  volume: number;
  /** volume × price per period */
  value: number;
  /** chokepoint ids, space-separated, in order */
  route: string;
  /** on one of the home's critical paths (into the home, or an input of what flows in) */
  critical: boolean;
}

export interface FlowGraph {
  name: string;
  home: string;
  nodes: FlowGraphNode[];
  edges: FlowGraphEdge[];
}

export const countryKey = (id: string) => `country:${id}`;
export const chokepointKey = (id: string) => `chokepoint:${id}`;
export const producerKey = (id: string) => `producer:${id}`;

/** The network's flat graph, with the home's critical flows marked. */
export function flowGraph(network: Network, home: string): FlowGraph {
  const producers = new Map(network.producers.map((p) => [p.id, p]));
  const goods = new Map<string, Good>(network.goods.map((g) => [g.id, g]));
  const flows = network.flows.map((f) => {
    const p = producers.get(f.from)!;
    return { ...f, good: p.good, origin: p.country };
  });
  const critical = criticalFlowIndices(flows, goods, home);
  const nodes: FlowGraphNode[] = [
    ...network.countries.map((c) => ({
      key: countryKey(c.id),
      kind: "country" as const,
      id: c.id,
      label: c.name,
      groups: c.groups.join(" "),
      ...(c.governance === undefined ? {} : { governance: c.governance }),
      home: c.id === home,
    })),
    ...network.chokepoints.map((k) => ({ key: chokepointKey(k.id), kind: "chokepoint" as const, id: k.id, label: k.name, home: false })),
    ...network.producers.map((p) => ({
      key: producerKey(p.id),
      kind: "producer" as const,
      id: p.id,
      label: p.id,
      country: p.country,
      good: p.good,
      capacity: p.capacity,
      home: false,
    })),
  ];
  const edges = flows.map((f, i) => ({
    key: `flow:${i}`,
    source: producerKey(f.from),
    target: countryKey(f.to),
    good: f.good,
    volume: f.volume,
    value: f.volume * (goods.get(f.good)?.price ?? 0),
    route: f.route.join(" "),
    critical: critical.has(i),
  }));
  return { name: network.name ?? "network", home, nodes, edges };
}

/**
 * Home-critical flows (indices into `flows`): flows into the home, then (transitively) flows of a
 * good's inputs into the country of a producer whose flow of that good is home-critical.
 */
export function criticalFlowIndices(
  flows: ReadonlyArray<{ to: string; good: string; origin: string }>,
  goods: ReadonlyMap<string, Good>,
  home: string,
): Set<number> {
  const critical = new Set<number>();
  const queue: number[] = [];
  const mark = (i: number): void => {
    if (critical.has(i)) return;
    critical.add(i);
    queue.push(i);
  };
  const flowsInto = new Map<string, number[]>();
  flows.forEach((f, i) => {
    const list = flowsInto.get(f.to);
    if (list === undefined) flowsInto.set(f.to, [i]);
    else list.push(i);
  });
  for (const i of flowsInto.get(home) ?? []) mark(i);
  while (queue.length > 0) {
    const f = flows[queue.pop() as number];
    if (f === undefined) continue;
    const inputs = goods.get(f.good)?.inputs ?? {};
    for (const j of flowsInto.get(f.origin) ?? []) {
      const g = flows[j];
      if (g !== undefined && Object.hasOwn(inputs, g.good)) mark(j);
    }
  }
  return critical;
}
