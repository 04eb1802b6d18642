// The graphology model of a resolved network: typed nodes (country, good, producer, chokepoint)
// and typed edges (flow, makes, located, input, demand). The one representation of a network
// after validation: the engine's compiler (engine/plan.ts) and inspect both read it.
import { MultiDirectedGraph } from "graphology";
import type { Chokepoint, Country, Demand, Flow, Good, Network, Producer } from "../scenario/network-schema.ts";

export type NodeAttributes =
  | { kind: "country"; id: string; entity: Country }
  | { kind: "good"; id: string; entity: Good }
  | { kind: "producer"; id: string; entity: Producer }
  | { kind: "chokepoint"; id: string; entity: Chokepoint };

export type EdgeAttributes =
  /** Baseline delivery per period from a producer to a country; `index` is the flow's file order. */
  | { kind: "flow"; index: number; volume: number; route: string[] }
  /** producer → good it makes */
  | { kind: "makes" }
  /** producer → country it stands in */
  | { kind: "located" }
  /** input good → output good, units of input per unit of output */
  | { kind: "input"; coefficient: number }
  /** country → good, the scored final use */
  | { kind: "demand"; volume: number };

export type NodeKind = NodeAttributes["kind"];

export type SupplyGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, { name: string }>;

/** Node key of an entity: kinds have separate id spaces, so keys carry the kind. */
export function nodeKey(kind: NodeKind, id: string): string {
  return `${kind}:${id}`;
}

/**
 * Builds the model graph from a network that has passed validation (every reference resolves).
 */
export function buildModel(network: Network): SupplyGraph {
  const graph: SupplyGraph = new MultiDirectedGraph({ allowSelfLoops: true });
  graph.replaceAttributes({ name: network.name ?? "network" });
  for (const c of network.countries) graph.addNode(nodeKey("country", c.id), { kind: "country", id: c.id, entity: c });
  for (const g of network.goods) graph.addNode(nodeKey("good", g.id), { kind: "good", id: g.id, entity: g });
  for (const k of network.chokepoints)
    graph.addNode(nodeKey("chokepoint", k.id), { kind: "chokepoint", id: k.id, entity: k });
  for (const p of network.producers) {
    const key = nodeKey("producer", p.id);
    graph.addNode(key, { kind: "producer", id: p.id, entity: p });
    graph.addDirectedEdge(key, nodeKey("good", p.good), { kind: "makes" });
    graph.addDirectedEdge(key, nodeKey("country", p.country), { kind: "located" });
  }
  for (const g of network.goods) {
    for (const [input, coefficient] of Object.entries(g.inputs)) {
      graph.addDirectedEdge(nodeKey("good", input), nodeKey("good", g.id), { kind: "input", coefficient });
    }
  }
  network.flows.forEach((f, index) => {
    graph.addDirectedEdge(nodeKey("producer", f.from), nodeKey("country", f.to), {
      kind: "flow",
      index,
      volume: f.volume,
      route: f.route,
    });
  });
  for (const d of network.demand) {
    graph.addDirectedEdge(nodeKey("country", d.country), nodeKey("good", d.good), {
      kind: "demand",
      volume: d.volume,
    });
  }
  return graph;
}

interface EntityOf {
  country: Country;
  good: Good;
  producer: Producer;
  chokepoint: Chokepoint;
}

/** Entities of one kind in insertion (file) order. */
export function entitiesOf<K extends NodeKind>(graph: SupplyGraph, kind: K): EntityOf[K][] {
  const out: EntityOf[K][] = [];
  graph.forEachNode((_key, attrs) => {
    if (attrs.kind === kind) out.push(attrs.entity as EntityOf[K]);
  });
  return out;
}

/** Goods in topological order of the bill of materials (inputs first); ties keep file order. */
export function goodsInBomOrder(graph: SupplyGraph): Good[] {
  const goods = entitiesOf(graph, "good");
  const order: Good[] = [];
  const done = new Set<string>();
  // Kahn's algorithm, scanning in file order each round so the result is stable.
  while (order.length < goods.length) {
    let progressed = false;
    for (const g of goods) {
      if (done.has(g.id)) continue;
      if (Object.keys(g.inputs).every((i) => done.has(i))) {
        order.push(g);
        done.add(g.id);
        progressed = true;
      }
    }
    if (!progressed) throw new Error("bill of materials has a cycle (validation should have caught it)");
  }
  return order;
}

/** The network a model holds: entities in file order, flows and demand from their edges. */
export function networkOf(graph: SupplyGraph): Network {
  const flows: { index: number; flow: Flow }[] = [];
  const demand: Demand[] = [];
  graph.forEachEdge((_key, attrs, _source, _target, sourceAttrs, targetAttrs) => {
    if (attrs.kind === "flow") {
      flows.push({ index: attrs.index, flow: { from: sourceAttrs.id, to: targetAttrs.id, volume: attrs.volume, route: attrs.route } });
    } else if (attrs.kind === "demand") {
      demand.push({ country: sourceAttrs.id, good: targetAttrs.id, volume: attrs.volume });
    }
  });
  return {
    name: graph.getAttribute("name"),
    countries: entitiesOf(graph, "country"),
    goods: entitiesOf(graph, "good"),
    producers: entitiesOf(graph, "producer"),
    chokepoints: entitiesOf(graph, "chokepoint"),
    flows: flows.sort((a, b) => a.index - b.index).map((f) => f.flow),
    demand,
  };
}
