// The published package, as a user gets it: `npm pack`, installed into an empty folder, runs the
// example of docs/library.md with plain node, type-checks a strict TypeScript consumer, and runs
// the `chokepoint` command with no TypeScript loader anywhere in reach (tsx is a development
// dependency, so the install does not have it).
import { execFile } from "node:child_process";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.ts";

const exec = promisify(execFile);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
let dir = "";
let tarball = "";

/** The first ```js block of docs/library.md: the example the docs promise runs. */
async function docExample(): Promise<string> {
  const doc = await readFile(path.join(repoRoot, "docs/library.md"), "utf8");
  const block = /```js\n([\s\S]*?)```/.exec(doc);
  if (!block?.[1]) throw new Error("docs/library.md has no ```js example");
  return block[1];
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "chokepoint-pack-"));
  // npm pack runs the prepare script, so the tarball holds a dist/ built from these sources
  const packed = await exec(npm, ["pack", "--silent", "--pack-destination", dir], { cwd: repoRoot });
  tarball = path.join(dir, packed.stdout.trim().split("\n").pop()!);
  const consumer = path.join(dir, "consumer");
  await exec("mkdir", ["-p", consumer]);
  await writeFile(path.join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  await exec(npm, ["install", "--prefer-offline", "--no-audit", "--no-fund", tarball], { cwd: consumer });
}, 240_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("the packed package", () => {
  it("holds dist, bin and the bundled data, and no tests, benchmarks or CI scripts", async () => {
    const { stdout } = await exec("tar", ["tzf", tarball]);
    const top = new Set(stdout.trim().split("\n").map((f) => f.split("/")[1]));
    for (const want of ["dist", "bin", "scenarios", "fixtures", "schema", "package.json", "README.md"]) expect(top).toContain(want);
    for (const never of ["test", "bench", ".ci", "src", "node_modules"]) expect(top).not.toContain(never);
  });

  it("runs the docs/library.md example with plain node", async () => {
    const consumer = path.join(dir, "consumer");
    await writeFile(path.join(consumer, "example.mjs"), await docExample());
    const { stdout } = await exec("node", ["example.mjs"], { cwd: consumer });
    // one line per option of the flagship, baseline first among them, after the summary
    const lines = stdout.trim().split("\n");
    const options = lines.filter((l) => / cost +\d+(\.\d+)? +risk \d+\.\d +autonomy \d+\.\d$/.test(l));
    expect(options.length).toBe(8);
    expect(options.some((l) => l.startsWith("baseline "))).toBe(true);
  }, 120_000);

  it("type-checks a TypeScript consumer under tsc --strict, without @types/node", async () => {
    const consumer = path.join(dir, "consumer");
    await writeFile(
      path.join(consumer, "consumer.ts"),
      [
        'import { compareOptions, loadScenario, runScenario, type CompareReport, type RunSpec } from "chokepoint";',
        "const spec: RunSpec = { trials: 500, seed: 7 };",
        'const scenario = await loadScenario("s.yaml");',
        "const report = await runScenario(scenario, spec);",
        "const lowest: number = Math.min(...report.options.map((o) => o.risk.value));",
        "const compared: CompareReport = await compareOptions(scenario, { trials: 100 });",
        "export const out = [lowest, compared.frontier.length];",
        "",
      ].join("\n"),
    );
    const tsc = path.join(repoRoot, "node_modules/typescript/bin/tsc");
    const args = ["--noEmit", "--strict", "--module", "nodenext", "--target", "es2022", "consumer.ts"];
    await expect(exec("node", [tsc, ...args], { cwd: consumer })).resolves.toBeDefined();
    // and a wrong use is caught: the check can fail
    await writeFile(path.join(consumer, "wrong.ts"), 'import { runScenario } from "chokepoint";\nexport const x: string = runScenario;\n');
    const wrong = await exec("node", [tsc, ...args.slice(0, -1), "wrong.ts"], { cwd: consumer }).catch((e: { stdout: string }) => e);
    expect(wrong.stdout).toMatch(/wrong\.ts\(2,14\): error TS2322/);
  }, 120_000);

  it("runs `chokepoint --version` and a run from the compiled code, with no tsx installed", async () => {
    const consumer = path.join(dir, "consumer");
    const installed = await readdir(path.join(consumer, "node_modules"));
    expect(installed).toContain("chokepoint");
    expect(installed).not.toContain("tsx");
    const pkg = JSON.parse(await readFile(path.join(repoRoot, "package.json"), "utf8")) as { version: string };
    const bin = path.join(consumer, "node_modules/.bin/chokepoint");
    const version = await exec(bin, ["--version"], { cwd: consumer });
    expect(version.stdout.trim()).toBe(pkg.version);
    const flagship = path.join(consumer, "node_modules/chokepoint/scenarios/gallium-germanium-2023.yaml");
    const run = await exec(bin, ["run", flagship, "--trials", "200", "--format", "json"], { cwd: consumer });
    expect((JSON.parse(run.stdout) as { trials: number }).trials).toBe(200);
  }, 120_000);

  it("starts `chokepoint --version` from dist/ with no tsx in the process and none of the commands' work loaded", async () => {
    // the repository's own node_modules holds tsx: here it could be loaded, and the record would show it
    const loaded = async (args: string[]): Promise<{ stdout: string; modules: string[] }> => {
      const out = path.join(dir, `loaded-${args.length}.txt`);
      const recorder = path.join(repoRoot, "test/package/loaded-modules.mjs");
      const { stdout } = await exec("node", ["--import", recorder, ...args, "--version"], { cwd: repoRoot, env: { ...process.env, LOADED_MODULES_OUT: out } });
      return { stdout, modules: (await readFile(out, "utf8")).trim().split("\n") };
    };
    const isTsx = (m: string) => /[/\\]tsx[/\\]|^execArgv .*tsx/.test(m) || /\.[mc]?ts$/.test(m);
    const { version } = JSON.parse(await readFile(path.join(repoRoot, "package.json"), "utf8")) as { version: string };
    // npm pack ran the prepare script in beforeAll: dist/ is built from these sources. The bin runs
    // the bundle dist/cli.cjs, which keeps the modules' laziness; the modules themselves are
    // recorded from the compiled entry they are bundled from.
    const compiled = await loaded(["dist/cli/main.js"]);
    expect(compiled.stdout.trim()).toBe(version);
    expect(compiled.modules.some((m) => m.endsWith("/dist/cli/main.js"))).toBe(true);
    expect(compiled.modules.filter(isTsx)).toEqual([]);
    // the commands' modules load when a command runs, not at start-up
    expect(compiled.modules.filter((m) => /node_modules[/\\](zod|yaml|graphology|vega)|[/\\]dist[/\\]engine[/\\]/.test(m))).toEqual([]);
    const bin = await loaded(["bin/chokepoint.js"]);
    expect(bin.stdout.trim()).toBe(version);
    expect(bin.modules.filter(isTsx)).toEqual([]);
    // the same record of a start through tsx does show it: the check can fail
    const viaTsx = await loaded(["--import", "tsx", "src/cli/main.ts"]);
    expect(viaTsx.stdout.trim()).toBe(version);
    expect(viaTsx.modules.filter(isTsx).length).toBeGreaterThan(0);
  }, 60_000);

  it("runs the installed CLI from its bundle with the code cache made at build time, and refuses a cache that does not fit", async () => {
    const consumer = path.join(dir, "consumer");
    const { stdout: listing } = await exec("tar", ["tzf", tarball]);
    expect(listing.split("\n")).toEqual(expect.arrayContaining(["package/dist/cli.cjs", "package/dist/cli.cjs.cache"]));
    const bin = path.join(consumer, "node_modules/chokepoint/bin/chokepoint.js");
    const flagship = "node_modules/chokepoint/scenarios/gallium-germanium-2023.yaml";
    const env = { ...process.env, CHOKEPOINT_CODE_CACHE: "check" };
    const recorder = path.join(repoRoot, "test/package/loaded-modules.mjs");
    const out = path.join(dir, "loaded-validate.txt");
    const used = await exec("node", ["--import", recorder, bin, "validate", flagship], { cwd: consumer, env: { ...env, LOADED_MODULES_OUT: out } });
    expect(used.stdout).toBe(`ok ${flagship}\n`);
    expect(used.stderr).toBe("code cache: used\n");
    // one script: no module of dist/ and no package (zod, yaml, commander) is loaded as a file
    const modules = (await readFile(out, "utf8")).trim().split("\n");
    expect(modules.some((m) => m.endsWith("/chokepoint/bin/chokepoint.js"))).toBe(true);
    expect(modules.filter((m) => /[/\\](dist|node_modules)[/\\]/.test(m) && !m.endsWith("/chokepoint/bin/chokepoint.js"))).toEqual([]);
    // a V8 flag changes what V8 accepts: the cache is refused, the bundle compiles, the output is the same
    const refused = await exec("node", ["--no-opt", bin, "validate", flagship], { cwd: consumer, env });
    expect(refused.stdout).toBe(`ok ${flagship}\n`);
    expect(refused.stderr).toBe("code cache: rejected\n");
  }, 60_000);

  it("writes the explorer page from the built script (no bundler installed), with the scenario and its network embedded", async () => {
    const consumer = path.join(dir, "consumer");
    expect(await readdir(path.join(consumer, "node_modules"))).not.toContain("esbuild");
    const bin = path.join(consumer, "node_modules/.bin/chokepoint");
    await exec(bin, ["explore", "node_modules/chokepoint/scenarios/gallium-germanium-2023.yaml"], { cwd: consumer });
    const page = await readFile(path.join(consumer, "gallium-germanium-2023.html"), "utf8");
    const built = await readFile(path.join(consumer, "node_modules/chokepoint/dist/explore.js"), "utf8");
    expect(page).toContain(built.slice(0, 200));
    expect(page).toContain("node_modules/chokepoint/fixtures/gallium-germanium.yaml");
    expect(page).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
  }, 120_000);
});
