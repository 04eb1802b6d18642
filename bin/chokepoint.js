#!/usr/bin/env node
// Entry point for `npx chokepoint` and the package's `bin`: the compiled CLI in dist/, plain
// node, no TypeScript loader. dist/ is built by `npm ci` / `npm install` (the `prepare` script)
// and ships in the published package.
//
// The CLI runs from dist/cli.cjs, one script bundling the compiled modules (scripts/build-cli.mjs),
// with the V8 code cache written beside it at build time, so that a start neither resolves ~250
// module files nor compiles what the cache holds. A cache made by another node (or for another
// bundle) is refused and the script compiles as usual. Without the bundle, dist/cli/main.js runs.
// CHOKEPOINT_CODE_CACHE=write writes the cache after the run (the build does it);
// CHOKEPOINT_CODE_CACHE=check says on stderr, at exit, whether the cache was used.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const bundle = fileURLToPath(new URL("../dist/cli.cjs", import.meta.url));
const main = new URL("../dist/cli/main.js", import.meta.url);
if (existsSync(bundle)) runBundle(bundle, process.env.CHOKEPOINT_CODE_CACHE);
else if (existsSync(main)) await import(main.href);
else {
  process.stderr.write("chokepoint: the compiled CLI (dist/) is missing; build it with `npm run build`.\n");
  process.exit(1);
}

/** Runs the bundle as node runs a CommonJS module, compiled with its code cache when that fits. */
function runBundle(file, mode) {
  const text = readFileSync(file, "latin1"); // the build writes it in ASCII
  // the bundle's first line names its content; the cache starts with the same line
  const head = Buffer.from(text.slice(0, text.indexOf("\n") + 1));
  const cacheFile = `${file}.cache`;
  let cachedData;
  if (mode !== "write" && existsSync(cacheFile)) {
    const cache = readFileSync(cacheFile);
    if (cache.subarray(0, head.length).equals(head)) cachedData = cache.subarray(head.length);
  }
  // node's CommonJS wrapper, with one more argument: the bundle's import() of a package (vega),
  // which node 20 does not run from a script compiled this way; resolved from here, in this package
  const wrapped = `(function (exports, require, module, __filename, __dirname, __import) { ${text}\n});`;
  const script = new vm.Script(wrapped, { filename: file, cachedData });
  if (mode === "write") process.once("exit", () => writeFileSync(cacheFile, Buffer.concat([head, script.createCachedData()])));
  if (mode === "check") {
    const used = cachedData === undefined ? "absent" : script.cachedDataRejected ? "rejected" : "used";
    process.once("exit", () => process.stderr.write(`code cache: ${used}\n`));
  }
  const module = { exports: {} };
  const importPackage = (specifier) => import(specifier);
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file), importPackage);
}
