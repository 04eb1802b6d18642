// The explorer's browser script: one file bundled by esbuild from src/explore/main.ts. The package
// ships it built (dist/explore.js, written by `npm run build`), so `chokepoint explore` needs no
// bundler where it is installed; run from the TypeScript sources (tests, tsx), it is bundled on
// the spot with the same options.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

/** The built script beside the compiled modules: dist/explore.js. */
const BUILT = new URL("../explore.js", import.meta.url);
const ENTRY = new URL("../explore/main.ts", import.meta.url);
const fromSources = import.meta.url.endsWith(".ts");

/** Bundles the explorer's entry into one minified IIFE for current browsers (the build script and the source path share this). */
export async function bundleExplorer(entry: string = fileURLToPath(ENTRY)): Promise<string> {
  // a dev dependency: present wherever the package is built or its tests run
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: ["es2022"],
    minify: true,
    legalComments: "none",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

/** The explorer's script: built, or bundled from the sources. */
export async function explorerScript(): Promise<string> {
  if (fromSources) return bundleExplorer();
  try {
    return await readFile(BUILT, "utf8");
  } catch {
    throw new Error("the explorer's script (dist/explore.js) is missing; build it with `npm run build`");
  }
}
