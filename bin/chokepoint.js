#!/usr/bin/env node
// Entry point for `npx chokepoint` and the package's `bin`: the compiled CLI in dist/, plain
// node, no TypeScript loader. dist/ is built by `npm ci` / `npm install` (the `prepare` script)
// and ships in the published package.
import { existsSync } from "node:fs";

const main = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(main)) {
  process.stderr.write("chokepoint: the compiled CLI (dist/) is missing; build it with `npm run build`.\n");
  process.exit(1);
}
await import(main.href);
