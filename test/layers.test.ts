// The import graph of src/ flows one way: read (io, scenario validation) → pure core (scenario,
// kinds, model, engine, stats, analysis, sweep) → write (render), with app/ orchestrating and
// cli/ as the shell; it has no cycle; and each command file stays a thin shell (docs/architecture.md).
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./helpers/cli.ts";

const coreDirs = ["scenario", "kinds", "model", "engine", "stats", "analysis", "sweep"];
/**
 * Layers, lowest first: a module may import its own layer or a lower one, never a higher one.
 * `explore` is the explorer's browser script (bundled for the page, never imported by the CLI):
 * core and render only, below io, which touches the file system.
 */
const layerOf = (file: string): number => {
  const top = file.split("/")[1] ?? "";
  if (top === "errors.ts" || coreDirs.includes(top)) return 0;
  const rank: Record<string, number> = { render: 1, explore: 2, io: 3, app: 4, cli: 5, "index.ts": 6 };
  const r = rank[top];
  if (r === undefined) throw new Error(`${file}: a folder the layering does not know; add it to test/layers.test.ts`);
  return r;
};
const layerNames = ["core", "render", "explore (browser)", "io", "app", "cli", "library face"];

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(repoRoot, dir), { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.(ts|mts|js|mjs)$/.test(e.name))
    .map((e) => path.relative(repoRoot, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
}

/** The src/ files a source file imports (static, re-export and dynamic `import()`), as repo paths. */
function importsOf(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const add = (specifier: string) => {
    if (specifier.startsWith(".")) found.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)));
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg !== undefined && ts.isStringLiteralLike(arg)) add(arg.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every arrow that climbs a layer, as `from → to`. */
function upwardArrows(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const found: string[] = [];
  for (const [from, tos] of graph) {
    for (const to of tos) {
      if (layerOf(to) > layerOf(from)) found.push(`${from} (${layerNames[layerOf(from)]}) → ${to} (${layerNames[layerOf(to)]})`);
    }
  }
  return found;
}

/** The cycles a depth-first search meets (one per arrow back into its path), as `a → b → … → a`; empty when there is none. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const found: string[] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") found.push([...stack.slice(stack.indexOf(next)), next].join(" → "));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return found;
}

async function importGraph(): Promise<Map<string, string[]>> {
  const graph = new Map<string, string[]>();
  for (const file of await sourceFiles("src")) {
    graph.set(file, importsOf(file, await readFile(path.join(repoRoot, file), "utf8")));
  }
  return graph;
}

describe("import graph", () => {
  it("finds what it is meant to find", () => {
    const text = 'import a from "./a.ts";\nexport { b } from "../io/b.ts";\nconst c = await import("../render/c.ts");\nimport "node:fs";';
    expect(importsOf("src/engine/x.ts", text)).toEqual(["src/engine/a.ts", "src/io/b.ts", "src/render/c.ts"]);
    const graph = new Map([
      ["src/engine/x.ts", ["src/io/b.ts", "src/engine/y.ts"]],
      ["src/engine/y.ts", ["src/engine/x.ts"]],
      ["src/io/b.ts", ["src/engine/y.ts"]],
    ]);
    expect(upwardArrows(graph)).toEqual(["src/engine/x.ts (core) → src/io/b.ts (io)"]);
    // depth-first from x: b, then y, whose arrow back to x closes the cycle
    expect(cycles(graph)).toEqual(["src/engine/x.ts → src/io/b.ts → src/engine/y.ts → src/engine/x.ts"]);
    expect(cycles(new Map([["src/a.ts", ["src/b.ts"]], ["src/b.ts", []]]))).toEqual([]);
  });

  it("has no arrow from a lower layer up into a higher one (core → render → io → app → cli)", async () => {
    expect(upwardArrows(await importGraph())).toEqual([]);
  });

  it("imports the explorer's browser script from nowhere else in src/ (it is bundled, not imported)", async () => {
    const graph = await importGraph();
    const into = [...graph].flatMap(([from, tos]) => (from.startsWith("src/explore/") ? [] : tos.filter((t) => t.startsWith("src/explore/")).map((t) => `${from} → ${t}`)));
    expect(into).toEqual([]);
  });

  it("has no import cycle", async () => {
    expect(cycles(await importGraph())).toEqual([]);
  });

  it("has exactly one module that creates worker threads in Node (the pool) and one that starts the explorer's Web Workers", async () => {
    const creating: string[] = [];
    for (const file of await sourceFiles("src")) {
      if (/\bnew Worker\(/.test(await readFile(path.join(repoRoot, file), "utf8"))) creating.push(file);
    }
    expect(creating.sort()).toEqual(["src/explore/engine.ts", "src/io/pool.ts"]);
  });

  it("keeps every command file under 80 non-blank lines", async () => {
    const long: string[] = [];
    for (const file of await sourceFiles("src/cli/commands")) {
      const lines = (await readFile(path.join(repoRoot, file), "utf8")).split("\n").filter((l) => l.trim() !== "").length;
      if (lines >= 80) long.push(`${file}: ${lines} lines`);
    }
    expect(long).toEqual([]);
  });
});
