// The pure core never touches the outside world: no node:* modules, process, console, clock or
// unseeded randomness (ARCHITECTURE.md, "three rings"). Shock and policy kinds own their
// behaviour: no code outside src/kinds/ branches on a kind's name (docs/architecture.md).
import { readFile, readdir } from "node:fs/promises";
import { builtinModules } from "node:module";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { defaultKinds } from "../src/kinds/index.ts";
import { repoRoot } from "./helpers/cli.ts";

const pureDirs = ["src/kinds", "src/scenario", "src/model", "src/engine", "src/stats", "src/analysis", "src/sweep"];
const kindNames = new Set([...defaultKinds.shocks.kinds, ...defaultKinds.policies.kinds].map((k) => k.type));
const builtins = new Set(builtinModules);
const bannedGlobals = new Set(["process", "console"]);
const bannedMembers = new Set(["Date.now", "Math.random"]);

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(repoRoot, dir), { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && /\.(ts|mts|js|mjs)$/.test(e.name))
    .map((e) => path.relative(repoRoot, path.join(e.parentPath, e.name)));
}

/** `file:line  what` for every use of the outside world in a source file. */
function outsideWorld(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const report = (node: ts.Node, what: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push(`${file}:${line + 1}  ${what}`);
  };
  const checkModule = (node: ts.Node, specifier: string) => {
    if (specifier.startsWith("node:") || builtins.has(specifier)) report(node, `imports ${specifier}`);
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      checkModule(node, node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg !== undefined && ts.isStringLiteralLike(arg)) checkModule(node, arg.text);
    } else if (ts.isPropertyAccessExpression(node) && bannedMembers.has(`${node.expression.getText(source)}.${node.name.text}`)) {
      report(node, `uses ${node.expression.getText(source)}.${node.name.text}`);
    } else if (ts.isIdentifier(node) && bannedGlobals.has(node.text) && isValueReference(node)) {
      report(node, `uses ${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** An identifier read as a value, not a property name, declaration name or type. */
function isValueReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return ts.isIdentifier(parent.expression) && parent.expression.text === "globalThis";
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertySignature(parent) || ts.isMethodDeclaration(parent)) && parent.name === node) return false;
  if ((ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isFunctionDeclaration(parent)) && parent.name === node) return false;
  if (ts.isTypeReferenceNode(parent) || ts.isQualifiedName(parent)) return false;
  return true;
}

/**
 * `file:line  what` for every place a source file branches on a kind name: the name as an operand
 * of ==/===/!=/!==, a `case` label, the value of a `type:` property, or a key of an object with
 * two or more kind names as keys (a per-kind table). Other uses of the same word (a field such as
 * a producer's `capacity`) are fine.
 */
function kindBranches(file: string, text: string, names: ReadonlySet<string>): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const equality = new Set([
    ts.SyntaxKind.EqualsEqualsToken,
    ts.SyntaxKind.EqualsEqualsEqualsToken,
    ts.SyntaxKind.ExclamationEqualsToken,
    ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ]);
  const branching = (node: ts.Node): string | undefined => {
    const parent = node.parent;
    if (ts.isBinaryExpression(parent) && equality.has(parent.operatorToken.kind)) return "compares with";
    if (ts.isCaseClause(parent) && parent.expression === node) return "switches on";
    if (ts.isPropertyAssignment(parent) && parent.initializer === node && parent.name.getText(source) === "type") return "builds a";
    if ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent)) && parent.name === node) {
      const members = ts.isObjectLiteralExpression(parent.parent) ? parent.parent.properties : ts.isTypeLiteralNode(parent.parent) ? parent.parent.members : [];
      const keyed = members.filter((m) => m.name !== undefined && names.has(ts.isStringLiteralLike(m.name) || ts.isIdentifier(m.name) ? m.name.text : ""));
      if (keyed.length >= 2) return "keys a table by";
    }
    return undefined;
  };
  const visit = (node: ts.Node): void => {
    const name = ts.isStringLiteralLike(node) ? node.text : ts.isIdentifier(node) && ts.isPropertyAssignment(node.parent) && node.parent.name === node ? node.text : undefined;
    if (name !== undefined && names.has(name)) {
      const what = branching(node);
      if (what !== undefined) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        found.push(`${file}:${line + 1}  ${what} kind '${name}'`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("architecture", () => {
  it("catches what it is meant to catch", () => {
    const text = [
      'import { readFile } from "node:fs";',
      'import path from "path";',
      "const t = Date.now() + Math.random();",
      "console.log(process.env.X, globalThis.process);",
      "const ok = { process: 1 }; ok.process; Math.max(1); type P = NodeJS.Process;",
    ].join("\n");
    expect(outsideWorld("x.ts", text)).toEqual([
      "x.ts:1  imports node:fs",
      "x.ts:2  imports path",
      "x.ts:3  uses Date.now",
      "x.ts:3  uses Math.random",
      "x.ts:4  uses console",
      "x.ts:4  uses process",
      "x.ts:4  uses process",
    ]);
  });

  it("keeps the pure core free of node:*, process, console, Date.now and Math.random", async () => {
    const found: string[] = [];
    for (const dir of pureDirs) {
      for (const file of await sourceFiles(dir)) found.push(...outsideWorld(file, await readFile(path.join(repoRoot, file), "utf8")));
    }
    expect(found).toEqual([]);
  });

  it("keeps the explorer's browser script free of node:* and process (it runs in a web page; the clock is allowed, for its timings)", async () => {
    const found: string[] = [];
    for (const file of await sourceFiles("src/explore")) {
      found.push(...outsideWorld(file, await readFile(path.join(repoRoot, file), "utf8")).filter((f) => / (imports|uses process)/.test(f)));
    }
    expect(found).toEqual([]);
  });

  it("finds kind-name branches, and only those", () => {
    const names = new Set(["blockade", "capacity"]);
    const text = [
      'if (s.type === "blockade") cut();',
      'switch (p.type) { case "capacity": break; }',
      'const stub = { id, type: "blockade", country: "x" };',
      "const table = { blockade: 1, \"capacity\": 2 };",
      'const path = ["producers", i, "capacity"]; const kind = { name: "blockade", capacity: 3 };',
    ].join("\n");
    expect(kindBranches("x.ts", text, names)).toEqual([
      "x.ts:1  compares with kind 'blockade'",
      "x.ts:2  switches on kind 'capacity'",
      "x.ts:3  builds a kind 'blockade'",
      "x.ts:4  keys a table by kind 'blockade'",
      "x.ts:4  keys a table by kind 'capacity'",
    ]);
  });

  it("keeps every branch on a shock or policy kind's name inside src/kinds/", async () => {
    expect(kindNames.size).toBeGreaterThanOrEqual(11);
    const found: string[] = [];
    for (const file of await sourceFiles("src")) {
      if (file.startsWith(path.join("src", "kinds") + path.sep)) continue;
      found.push(...kindBranches(file, await readFile(path.join(repoRoot, file), "utf8"), kindNames));
    }
    expect(found).toEqual([]);
  });
});
