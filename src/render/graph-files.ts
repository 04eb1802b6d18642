// The network as graph files for Gephi and Cytoscape: GEXF 1.3 (written by graphology-gexf) and
// GraphML (written here: graphology-graphml only reads). Nodes: countries, chokepoints,
// producers; edges: flows from producer to destination country. References: GEXF 1.3
// (https://gexf.net/schema.html), GraphML (http://graphml.graphdrawing.org/specification.html).
import { MultiDirectedGraph } from "graphology";
import { write as writeGexf } from "graphology-gexf";
import type { FlowGraph, FlowGraphEdge, FlowGraphNode } from "../analysis/flow-graph.ts";
import type { InspectReport } from "../analysis/inspect.ts";

const NODE_FIELDS = ["kind", "id", "label", "country", "good", "capacity", "groups", "governance", "home"] as const satisfies readonly (keyof FlowGraphNode)[];
const EDGE_FIELDS = ["good", "volume", "value", "route", "critical"] as const satisfies readonly (keyof FlowGraphEdge)[];

function graphOf(report: InspectReport): FlowGraph {
  if (report.graph === undefined) throw new Error("internal: the inspect report was made without its graph");
  return report.graph;
}

export function renderGexf(report: InspectReport): string {
  const g = graphOf(report);
  const graph = new MultiDirectedGraph();
  for (const n of g.nodes) graph.addNode(n.key, { ...n, key: undefined });
  for (const e of g.edges) graph.addEdgeWithKey(e.key, e.source, e.target, { ...e, key: undefined, source: undefined, target: undefined });
  const strip = (attrs: Record<string, unknown>) => Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== undefined));
  return `${writeGexf(graph, {
    version: "1.3",
    formatNode: (_key, attrs) => ({ label: String(attrs.label), attributes: strip(attrs) }),
    formatEdge: (_key, attrs) => ({ attributes: strip(attrs) }),
  })}\n`;
}

const xml = (text: string) => text.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
const typeOf = (v: unknown) => (typeof v === "number" ? "double" : typeof v === "boolean" ? "boolean" : "string");

export function renderGraphml(report: InspectReport): string {
  const g = graphOf(report);
  const keyLines = (target: "node" | "edge", fields: readonly string[], items: readonly object[]) =>
    fields.map((f) => {
      const sample = items.map((i) => (i as Record<string, unknown>)[f]).find((v) => v !== undefined);
      return `  <key id="${target[0]}_${f}" for="${target}" attr.name="${f}" attr.type="${typeOf(sample)}"/>`;
    });
  const data = (prefix: string, item: object, fields: readonly string[]) =>
    fields
      .filter((f) => (item as Record<string, unknown>)[f] !== undefined)
      .map((f) => `<data key="${prefix}_${f}">${xml(String((item as Record<string, unknown>)[f]))}</data>`)
      .join("");
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keyLines("node", NODE_FIELDS, g.nodes),
    ...keyLines("edge", EDGE_FIELDS, g.edges),
    `  <graph id="${xml(g.name)}" edgedefault="directed">`,
    ...g.nodes.map((n) => `    <node id="${xml(n.key)}">${data("n", n, NODE_FIELDS)}</node>`),
    ...g.edges.map((e) => `    <edge id="${xml(e.key)}" source="${xml(e.source)}" target="${xml(e.target)}">${data("e", e, EDGE_FIELDS)}</edge>`),
    "  </graph>",
    "</graphml>",
    "",
  ].join("\n");
}
