// Use case `inspect`: the structural exposure of a home country.
import { type InspectReport, inspect } from "../analysis/inspect.ts";
import type { LoadedInput } from "../io/load.ts";
import { homeOf, networkOfInput } from "./input.ts";
import { flowGraph } from "../analysis/flow-graph.ts";

/**
 * The exposure report of `home` (default: a scenario's own home) in a loaded network or scenario;
 * with `graph`, the network as a flat graph too (for the page and graph files).
 */
export function inspectNetwork(input: LoadedInput, home?: string, extra: { graph?: boolean } = {}): InspectReport {
  const network = networkOfInput(input);
  const report = inspect(network, homeOf(input, home));
  return extra.graph === true ? { ...report, graph: flowGraph(network, report.home) } : report;
}
