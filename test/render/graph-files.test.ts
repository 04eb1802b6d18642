// inspect --format gexf | graphml: the files parse back (with graphology's own GEXF and GraphML
// readers) into the network's nodes and flows, with their attributes.
import { MultiDirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import { describe, expect, it } from "vitest";
import { inspectNetwork } from "../../src/app/inspect.ts";
import { renderGexf, renderGraphml } from "../../src/render/graph-files.ts";
import { runCli } from "../helpers/cli.ts";
import { threeCountryInput } from "../app/three-country.ts";

// The three-country network: countries A, B, C; strait S; producers bx, cx, cy, ay; flows
// bx → A (10, via S), cy → A (4), cy → B (2), ay → B (1). Home A: its critical flows are the two
// into A (neither good has inputs), so bx → A and cy → A only.
const report = () => inspectNetwork(threeCountryInput(), "A", { graph: true });

function checkGraph(graph: MultiDirectedGraph): void {
  expect(graph.order).toBe(3 + 1 + 4);
  expect(graph.size).toBe(4);
  expect(graph.getNodeAttribute("country:A", "home")).toBe(true);
  expect(graph.getNodeAttribute("producer:cy", "country")).toBe("C");
  // an empty route reads back as empty or absent, depending on the reader
  const flows = graph.mapEdges((_e, a, source, target) => [source, target, a.good, Number(a.volume), a.route ?? "", a.critical]);
  expect(flows).toEqual([
    ["producer:bx", "country:A", "x", 10, "S", true],
    ["producer:cy", "country:A", "y", 4, "", true],
    ["producer:cy", "country:B", "y", 2, "", false],
    ["producer:ay", "country:B", "y", 1, "", false],
  ]);
  // value = volume × price: x costs 10
  expect(Number(graph.getEdgeAttribute(graph.edges("producer:bx", "country:A")[0]!, "value"))).toBe(100);
}

describe("graph files", () => {
  it("GEXF parses back into the network", () => {
    checkGraph(parseGexf(MultiDirectedGraph, renderGexf(report())) as MultiDirectedGraph);
  });

  it("GraphML parses back into the network", () => {
    checkGraph(parseGraphml(MultiDirectedGraph, renderGraphml(report())) as MultiDirectedGraph);
  });

  it("inspect writes them for a bundled network", async () => {
    const r = await runCli(["inspect", "fixtures/energy-japan.yaml", "--home", "JP", "--format", "graphml"]);
    expect(r.code).toBe(0);
    const graph = parseGraphml(MultiDirectedGraph, r.stdout);
    expect(graph.hasNode("country:JP")).toBe(true);
    expect(graph.filterEdges((_e, a) => a.critical === true).length).toBeGreaterThan(0);
  });
});
