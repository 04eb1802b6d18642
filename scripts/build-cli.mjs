// Part of `npm run build`, after tsc: bundles the compiled CLI (dist/cli/main.js and every module
// it imports, zod, yaml and commander included) into one CommonJS script, dist/cli.cjs, and
// writes a V8 code cache for it, dist/cli.cjs.cache, made by one `validate` of the flagship.
// bin/chokepoint.js runs the bundle with that cache. Why: node 20 has no compile cache for ES
// modules; a start that resolves, reads and compiles ~250 module files (zod alone loads ~60
// locale files it never uses) spent more time on that than on the work (bench/RESULTS.md,
// Start-up). The tsc output in dist/ stays as it is: the library (dist/index.js) and the pool's
// worker threads load it, and bin/chokepoint.js falls back to it when the bundle is absent.
//
// The bundle keeps the laziness of the sources: a module behind an `await import()` is
// initialised only when that import runs. Each module sees its own file's URL as
// `import.meta.url` (dist/io/pool.js, not dist/cli.cjs), so the files it finds beside itself
// (the worker script, the explorer's script) are found as before.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = path.join(root, "dist");
const out = path.join(dist, "cli.cjs");
const cache = `${out}.cache`;

/** `import.meta.url` of a module of dist/, as the URL of its own file beside the bundle. */
const ownUrl = {
  name: "own-import-meta-url",
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, async (args) => {
      const text = await readFile(args.path, "utf8");
      if (!args.path.startsWith(dist + path.sep) || !text.includes("import.meta.url")) return undefined;
      const rel = path.relative(dist, args.path).split(path.sep).join("/");
      return { contents: text.replaceAll("import.meta.url", `new URL(${JSON.stringify(rel)}, __distUrl).href`), loader: "js" };
    });
  },
};

await rm(cache, { force: true });
const result = await build({
  entryPoints: [path.join(dist, "cli/main.js")],
  outfile: out,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  // imported with import() where used: vega-canvas awaits at its top level (CommonJS cannot);
  // esbuild is the explorer's bundler when run from the sources, a development dependency
  external: ["vega", "vega-lite", "esbuild"],
  banner: { js: 'const __distUrl = require("node:url").pathToFileURL(__dirname + "/").href;' },
  plugins: [ownUrl],
  logLevel: "warning",
  write: false,
});
// node 20 runs no import() in a script compiled by vm.Script (it would need
// --experimental-vm-modules): the bundle imports the external packages through the function
// bin/chokepoint.js passes it, `__import`
const externalImport = /\bimport\((?="(?:vega|vega-lite|esbuild)")/g;
// ASCII only (esbuild escapes its strings; comments keep their characters): bin/chokepoint.js reads
// it as latin1, a one-byte string, several times faster than decoding UTF-8 with a few wide
// characters in it. \uXXXX means the same character in a string, a regex or an identifier.
const ascii = (text) => text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
const code = ascii(result.outputFiles[0].text.replace(/^#!.*\n/, "").replace(externalImport, "__import("));
const left = /[^\w.]import\(\s*["'`]/.exec(code);
if (left) throw new Error(`the CLI bundle still calls import() (at ${left.index}): add the package to the externals`);
// the first line names the bundle's content; the cache's first bytes repeat it (bin/chokepoint.js
// uses a cache only for the bundle it was made from: V8 itself checks only the text's length)
const id = createHash("sha256").update(code).digest("hex").slice(0, 32);
await writeFile(out, `// chokepoint CLI bundle ${id}\n${code}`);

// one run of `validate` writes the cache: the functions it compiled are in it
execFileSync(process.execPath, [path.join(root, "bin/chokepoint.js"), "validate", "scenarios/gallium-germanium-2023.yaml"], {
  cwd: root,
  env: { ...process.env, CHOKEPOINT_CODE_CACHE: "write" },
  stdio: ["ignore", "ignore", "inherit"],
});
