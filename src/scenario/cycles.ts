// Cycles of a directed graph by depth-first search: one cycle per back edge, in node order.

/**
 * Each cycle is listed as its nodes with the first repeated at the end (`[a, b, a]`), so the
 * edge that closes it is the last two entries. Nodes are visited in the order given.
 */
export function findCycles(nodes: readonly string[], next: (node: string) => readonly string[]): string[][] {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    state.set(node, "open");
    stack.push(node);
    for (const to of next(node)) {
      const seen = state.get(to);
      if (seen === "open") cycles.push([...stack.slice(stack.indexOf(to)), to]);
      else if (seen === undefined) visit(to);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of nodes) if (!state.has(node)) visit(node);
  return cycles;
}
