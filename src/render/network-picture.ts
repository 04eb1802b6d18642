// The picture of a supply network for the inspect page: countries and chokepoints as nodes, each
// flow drawn from its origin country through the chokepoints of its route to its destination,
// line width by value, the home's critical paths in the accent colour. Layout: ForceAtlas2
// (graphology-layout-forceatlas2; Jacomy et al., PLoS ONE 9(6), 2014) from seeded random
// positions, so the same network always gives the same picture.
import { UndirectedGraph } from "graphology";
import { random } from "graphology-layout";
import forceAtlas2Module from "graphology-layout-forceatlas2";
import seedrandom from "seedrandom";
import type { TopLevelSpec } from "vega-lite";
import { chokepointKey, countryKey, type FlowGraph } from "../analysis/flow-graph.ts";
import { chartConfig, PALETTE } from "./page.ts";

// The package's types describe a CommonJS default export that TypeScript's NodeNext mode reads as
// the module object; at run time the default import is the layout function with `assign`.
const forceAtlas2 = forceAtlas2Module as unknown as (typeof forceAtlas2Module)["default"];

export interface Segment {
  from: string;
  to: string;
  /** value per period of every flow along it */
  value: number;
  critical: boolean;
}

/** Flows between countries, cut at the chokepoints of their routes and summed per segment (domestic flows left out). */
export function segmentsOf(graph: FlowGraph): Segment[] {
  const origin = new Map(graph.nodes.filter((n) => n.kind === "producer").map((n) => [n.key, countryKey(n.country!)]));
  const segments = new Map<string, Segment>();
  for (const e of graph.edges) {
    const from = origin.get(e.source)!;
    if (from === e.target || e.value <= 0) continue;
    const stops = [from, ...(e.route === "" ? [] : e.route.split(" ").map(chokepointKey)), e.target];
    for (let i = 0; i + 1 < stops.length; i++) {
      const [a, b] = [stops[i]!, stops[i + 1]!].sort();
      const key = `${a}\u0000${b}`;
      const s = segments.get(key) ?? { from: a!, to: b!, value: 0, critical: false };
      s.value += e.value;
      s.critical ||= e.critical;
      segments.set(key, s);
    }
  }
  return [...segments.values()].sort((x, y) => x.from.localeCompare(y.from) || x.to.localeCompare(y.to));
}

/** Positions of countries and chokepoints: seeded random start, then ForceAtlas2 with edge weights from value. */
export function layoutOf(graph: FlowGraph, segments: readonly Segment[]): Map<string, { x: number; y: number }> {
  const g = new UndirectedGraph();
  for (const n of graph.nodes) if (n.kind !== "producer") g.addNode(n.key);
  for (const s of segments) g.mergeEdge(s.from, s.to, { weight: Math.log10(1 + s.value) });
  random.assign(g, { rng: seedrandom("chokepoint network picture"), scale: 100 });
  forceAtlas2.assign(g, {
    iterations: 400,
    getEdgeWeight: "weight",
    settings: { ...forceAtlas2.inferSettings(g), barnesHutOptimize: false, gravity: 2, strongGravityMode: true, linLogMode: true },
  });
  const out = new Map<string, { x: number; y: number }>();
  g.forEachNode((key, attrs) => out.set(key, { x: Number(attrs.x.toFixed(3)), y: Number(attrs.y.toFixed(3)) }));
  return out;
}

/** The picture as a vega-lite spec: segments as rules, nodes as points with labels, one legend. */
export function networkPictureSpec(graph: FlowGraph): TopLevelSpec {
  const segments = segmentsOf(graph);
  const at = layoutOf(graph, segments);
  const homeName = graph.nodes.find((n) => n.key === countryKey(graph.home))?.id ?? graph.home;
  const onPath = `flow on a critical path of ${homeName}`;
  const kinds = [onPath, "other flow", homeName, "country", "chokepoint"];
  const colours = [PALETTE.accent, "#b8c0cc", PALETTE.accent, PALETTE.base, "#009e73"];
  const colour = { field: "kind", type: "nominal" as const, title: null, scale: { domain: kinds, range: colours }, legend: { orient: "top" as const, direction: "horizontal" as const } };
  const lines = segments
    .map((s) => ({ x: at.get(s.from)!.x, y: at.get(s.from)!.y, x2: at.get(s.to)!.x, y2: at.get(s.to)!.y, value: s.value, kind: s.critical ? onPath : "other flow" }))
    // critical paths drawn last, on top
    .sort((a, b) => Number(a.kind === onPath) - Number(b.kind === onPath));
  const nodes = graph.nodes
    .filter((n) => n.kind !== "producer" && at.has(n.key))
    .map((n) => ({ ...at.get(n.key)!, label: n.id, kind: n.home ? homeName : n.kind }));
  const axis = { field: "x", type: "quantitative" as const, axis: null, scale: { zero: false, nice: false, padding: 24 } };
  const yAxis = { field: "y", type: "quantitative" as const, axis: null, scale: { zero: false, nice: false, padding: 24 } };
  return {
    width: 760,
    height: 560,
    config: { ...chartConfig, view: { stroke: null } },
    layer: [
      {
        data: { values: lines },
        mark: { type: "rule", opacity: 0.75, strokeCap: "round" },
        encoding: {
          x: axis,
          y: yAxis,
          x2: { field: "x2" },
          y2: { field: "y2" },
          color: colour,
          strokeWidth: { field: "value", type: "quantitative" as const, title: "value per period (price × volume)", scale: { type: "sqrt", range: [0.6, 9] }, legend: { orient: "right" as const, format: "~s", symbolType: "stroke", symbolStrokeColor: "#8a8f98" } },
        },
      },
      {
        data: { values: nodes },
        mark: { type: "point", filled: true, size: 90, opacity: 1, stroke: "white", strokeWidth: 1 },
        encoding: {
          x: axis,
          y: yAxis,
          color: colour,
          shape: { field: "kind", type: "nominal" as const, scale: { domain: kinds, range: ["stroke", "stroke", "circle", "circle", "diamond"] }, legend: null },
        },
      },
      {
        data: { values: nodes },
        mark: { type: "text", dy: -10, fontSize: 10, color: "#222" },
        encoding: { x: axis, y: yAxis, text: { field: "label" } },
      },
    ],
  };
}
