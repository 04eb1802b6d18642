// Part of `npm run build`, after tsc: bundles the explorer's browser script (src/explore/) into
// dist/explore.js, which `chokepoint explore` inlines into its page, so that an installed package
// needs no bundler. The bundling options live in the compiled module that also bundles on the spot
// when the CLI runs from the TypeScript sources.
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const { bundleExplorer } = await import(new URL("../dist/io/browser-bundle.js", import.meta.url).href);
const script = await bundleExplorer(fileURLToPath(new URL("../src/explore/main.ts", import.meta.url)));
await writeFile(new URL("../dist/explore.js", import.meta.url), script);
