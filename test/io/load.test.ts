import { mkdir, mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { InputError, type InputIssue } from "../../src/errors.ts";
import { loadInput, loadNetwork, loadScenario } from "../../src/io/load.ts";
import { repoRoot } from "../helpers/cli.ts";

const cwd = repoRoot;

/** A fresh directory holding `files` (name → text). */
async function workspace(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "chokepoint-load-"));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

async function issuesOf(promise: Promise<unknown>): Promise<InputIssue[]> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof InputError) return err.issues;
    throw err;
  }
  throw new Error("expected an InputError");
}

const chipNetwork = `countries:
  - {id: JP, name: Japan}
  - {id: KR, name: Korea}
goods:
  - {id: chip, name: Chip, unit: k, price: 5}
producers:
  - {id: kr-chip, country: KR, good: chip, capacity: 10}
flows:
  - {from: kr-chip, to: JP, volume: 8}
demand:
  - {country: JP, good: chip, volume: 8}
`;

describe("loadScenario", () => {
  it("loads a scenario and the network it names, relative to the scenario file", async () => {
    const scenario = await loadScenario("test/data/valid/scenario.yaml", { cwd });
    expect(scenario).toMatchObject({
      file: "test/data/valid/scenario.yaml",
      networkFile: "test/data/valid/network.yaml",
      home: "JP",
      trials: 2000,
      currency: "units",
    });
    expect(scenario.network.goods.map((g) => g.id)).toEqual(["ndpr", "magnet"]);
    expect(scenario.shocks[1]).toMatchObject({ after: { shock: "cn-ndpr-licensing" }, start: 0 });
  });

  it("reports the problems of both files together, each with its own file, line and column", async () => {
    const issues = await issuesOf(loadScenario("test/data/three-mistakes/scenario.yaml", { cwd }));
    expect(issues).toEqual([
      {
        file: "test/data/three-mistakes/scenario.yaml",
        line: 11,
        col: 15,
        path: "shocks[0].targets[0]",
        message: "unknown country or group 'JPN'; did you mean 'JP'?",
      },
      {
        file: "test/data/three-mistakes/scenario.yaml",
        line: 12,
        col: 15,
        path: "shocks[0].severity",
        message: "must be between 0 and 1, got 1.4",
      },
      {
        file: "test/data/three-mistakes/network.yaml",
        line: 16,
        col: 14,
        path: "goods[1].inputs.magnet",
        message: "bill of materials has a cycle: magnet → ndpr → magnet",
      },
    ]);
  });

  it("names the network file as seen from where the user stands", async () => {
    const dir = await workspace({
      "fixtures/chips.yaml": chipNetwork.replace("volume: 8}\ndemand", "volume: 80}\ndemand"),
      "scenarios/chips.yaml": "name: Chips\nnetwork: ../fixtures/chips.yaml\nhome: JP\nhorizon: 6\n",
    });
    const issues = await issuesOf(loadScenario("scenarios/chips.yaml", { cwd: dir }));
    expect(issues).toEqual([
      {
        file: "fixtures/chips.yaml",
        line: 7,
        col: 54,
        path: "producers[0].capacity",
        message: "flows from 'kr-chip' sum to 80, above its capacity of 10",
      },
    ]);
  });

  it("reports a network file it cannot read at the scenario's network field", async () => {
    const dir = await workspace({ "s.yaml": "name: S\nhome: JP\nhorizon: 6\nnetwork: nowhere.yaml\n" });
    expect(await issuesOf(loadScenario("s.yaml", { cwd: dir }))).toEqual([
      { file: "s.yaml", line: 4, col: 10, path: "network", message: "cannot read the network file nowhere.yaml: no such file" },
    ]);
  });

  it("still reports the network's problems when the scenario fails its schema, and vice versa", async () => {
    const dir = await workspace({
      "net.yaml": `${chipNetwork}colour: red\n`,
      "s.yaml": "name: S\nnetwork: net.yaml\nhome: JP\nhorizon: 6\nshocks:\n  - {id: a, type: embargo}\n",
      "t.yaml": "name: T\nnetwork: syntax.yaml\nhome: XX\nhorizon: 6\nshocks:\n  - {id: a, type: blockade, country: KR, severity: 2}\n",
      "syntax.yaml": "countries: [\n",
    });
    expect((await issuesOf(loadScenario("s.yaml", { cwd: dir }))).map((i) => `${i.file}:${i.line}  ${i.path}`)).toEqual([
      "s.yaml:6  shocks[0].type",
      "net.yaml:12  colour",
    ]);
    // A network that cannot be parsed leaves only the scenario checks that need no network.
    expect((await issuesOf(loadScenario("t.yaml", { cwd: dir }))).map((i) => `${i.file}:${i.line}  ${i.path}`)).toEqual([
      "t.yaml:6  shocks[0].severity",
      "syntax.yaml:2  ",
    ]);
  });

  it("loads JSON, with positions, and an inline network", async () => {
    const scenario = await loadScenario("test/data/valid/inline.json", { cwd });
    expect(scenario.network.countries).toHaveLength(2);
    expect(scenario).not.toHaveProperty("networkFile");
    const dir = await workspace({ "s.json": '{\n  "name": "S",\n  "home": "JP",\n  "horizon": 0,\n  "network": "n.yaml"\n}\n', "n.yaml": chipNetwork });
    expect(await issuesOf(loadScenario("s.json", { cwd: dir }))).toEqual([
      { file: "s.json", line: 4, col: 14, path: "horizon", message: "must be at least 1, got 0" },
    ]);
  });

  it("reports a missing scenario file as an issue", async () => {
    expect(await issuesOf(loadScenario("no/such.yaml", { cwd }))).toEqual([
      { file: "no/such.yaml", path: "", message: "cannot read the file: no such file" },
    ]);
  });
});

describe("loadNetwork", () => {
  it("loads a network file", async () => {
    const network = await loadNetwork("test/data/valid/network.yaml", { cwd });
    expect(network.chokepoints).toEqual([{ id: "malacca", name: "Strait of Malacca", bypassPeriods: 2 }]);
  });

  it("orders a file's problems by position", async () => {
    const dir = await workspace({ "n.yaml": chipNetwork.replace("to: JP", "to: JPN").replace("id: KR, name", "id: KR, nam") });
    expect((await issuesOf(loadNetwork("n.yaml", { cwd: dir }))).map((i) => `${i.line}:${i.col}  ${i.message}`)).toEqual([
      "3:5  is required",
      "3:14  unknown field 'nam'; did you mean 'name'?",
    ]);
  });
});

describe("loadInput", () => {
  it("tells a network from a scenario", async () => {
    expect(await loadInput("test/data/valid/network.yaml", { cwd })).toMatchObject({ kind: "network", file: "test/data/valid/network.yaml" });
    expect(await loadInput("test/data/valid/scenario.yaml", { cwd })).toMatchObject({ kind: "scenario", scenario: { home: "JP" } });
  });

  it("rejects a document that is neither, and an empty one", async () => {
    const dir = await workspace({ "x.yaml": "# notes\nfoo: 1\n", "e.yaml": "" });
    expect(await issuesOf(loadInput("x.yaml", { cwd: dir }))).toEqual([
      {
        file: "x.yaml",
        line: 2,
        col: 1,
        path: "",
        message: "is neither a scenario (it has no home or network field) nor a network (it has no countries field)",
      },
    ]);
    expect(await issuesOf(loadInput("e.yaml", { cwd: dir }))).toEqual([
      { file: "e.yaml", line: 1, col: 1, path: "", message: "the document is empty" },
    ]);
  });
});

// Every network and scenario shipped with the project validates, including ones added later.
for (const dir of ["fixtures", "scenarios"]) {
  const names = await readdir(path.join(repoRoot, dir)).catch(() => []);
  // fixtures/sources.yaml is the fixtures' provenance table, not a network or scenario.
  for (const name of names.filter((n) => /\.(ya?ml|json)$/.test(n) && `${dir}/${n}` !== "fixtures/sources.yaml")) {
    it(`bundled ${dir}/${name} is valid`, async () => {
      await expect(loadInput(`${dir}/${name}`, { cwd })).resolves.toBeDefined();
    });
  }
}
