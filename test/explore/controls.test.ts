// The explorer's pure parts: controls generated from a scenario, setting one number in a
// scenario's text without touching any other byte, reading files the way the CLI does, and the
// shareable state in the URL fragment.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { controlsOf, setNumberInText } from "../../src/explore/controls.ts";
import { normalizePath, pageReader } from "../../src/explore/files.ts";
import { struckCountries } from "../../src/explore/network.ts";
import { decodeState, encodeState } from "../../src/explore/state.ts";
import { loadScenario } from "../../src/io/load.ts";
import { readSourceWith, scenarioFrom } from "../../src/scenario/from-source.ts";
import { repoRoot } from "../helpers/cli.ts";

const FLAGSHIP = "scenarios/gallium-germanium-2023.yaml";

describe("controls", () => {
  it("has one control per number the flagship writes in each shock and policy, in file order", async () => {
    const text = await readFile(path.join(repoRoot, FLAGSHIP), "utf8");
    const controls = controlsOf(await loadScenario(FLAGSHIP, { cwd: repoRoot }), text);
    const of = (group: string) => controls.filter((c) => c.group === group).map((c) => c.label);
    // cn-ga-licensing: probability 1, start 0, severity uniform 0.2–0.5; duration left out (to the horizon)
    expect(of("cn-ga-licensing")).toEqual(["start", "probability", "severity min", "severity max"]);
    // the triggered ban writes no start: probability 1 + duration 3 + severity 2 + the trigger's lag 3
    expect(of("cn-likeminded-ban")).toHaveLength(9);
    expect(of("cn-likeminded-ban")).not.toContain("start");
    expect(of("ga-stock-60d").sort()).toEqual(["cost", "periods"]);
    expect(of("ga-substitution").sort()).toEqual(["cost", "delayPeriods", "share", "successProbability"]);
    const severityMax = controls.find((c) => c.path === "shocks.cn-ga-licensing.severity.max")!;
    expect(severityMax).toMatchObject({ value: 0.5, min: 0, max: 1, family: "shocks" });
    // a whole number of periods: up to the 24-month horizon in steps of 1
    expect(controls.find((c) => c.path === "policies.ga-recovery.buildPeriods")).toMatchObject({ value: 12, min: 0, max: 24, step: 1 });
    // a stockpile's periods may be fractional: 0 to 3 × 2 = 6, rounded up to 10 (1-2-5 steps)
    expect(controls.find((c) => c.path === "policies.ga-stock-60d.periods")).toMatchObject({ value: 2, min: 0, max: 10 });
  });

  it("sets one number in the text and leaves every other character as it was", async () => {
    const text = await readFile(path.join(repoRoot, FLAGSHIP), "utf8");
    const edited = setNumberInText(text, ["shocks", 1, "severity", "max"], 0.8)!;
    expect(edited).toBe(text.replace("{dist: uniform, min: 0.2, max: 0.5}", "{dist: uniform, min: 0.2, max: 0.8}"));
    expect(setNumberInText(text, ["policies", 0, "cost"], 4)).toBe(text.replace("periods: 2, cost: 3.5}", "periods: 2, cost: 4}"));
    // not a number there: nothing to set
    expect(setNumberInText(text, ["shocks", 1, "imposer"], 1)).toBeUndefined();
    expect(setNumberInText(text, ["shocks", 9, "probability"], 1)).toBeUndefined();
  });
});

describe("network picture", () => {
  it("highlights the countries the flagship's shocks strike: the imposer, not the receiving targets", async () => {
    // all three shocks are export controls imposed by CN; their targets (all, likeminded) receive
    const struck = struckCountries(await loadScenario(FLAGSHIP, { cwd: repoRoot }));
    expect([...struck]).toEqual([["CN", ["cn-licensing-halt", "cn-ga-licensing", "cn-likeminded-ban"]]]);
  });
});

describe("page files", () => {
  it("normalises paths as path.join does", () => {
    expect(normalizePath("scenarios/../fixtures/x.yaml")).toBe("fixtures/x.yaml");
    expect(normalizePath("./a//b/./c")).toBe("a/b/c");
    expect(normalizePath("../a/../../b")).toBe("../../b");
    expect(normalizePath("/x/../y")).toBe("/y");
  });

  it("validates a scenario from the page's files with the CLI's result, and names a missing network plainly", async () => {
    const read = (f: string) => readFile(path.join(repoRoot, f), "utf8");
    const files = [
      { name: FLAGSHIP, text: await read(FLAGSHIP) },
      { name: "fixtures/gallium-germanium.yaml", text: await read("fixtures/gallium-germanium.yaml") },
    ];
    const reader = pageReader(files);
    const fromPage = await scenarioFrom(await readSourceWith(reader, FLAGSHIP), FLAGSHIP, reader);
    expect(fromPage).toEqual(await loadScenario(FLAGSHIP, { cwd: repoRoot }));
    // a dropped file has no folder: its network is found by name among the page's files
    const alone = pageReader([{ name: "mine.yaml", text: files[0]!.text }, files[1]!]);
    await expect(scenarioFrom(await readSourceWith(alone, "mine.yaml"), "mine.yaml", alone)).resolves.toMatchObject({ home: "JP" });
    const missing = pageReader([{ name: "mine.yaml", text: files[0]!.text }]);
    await expect(scenarioFrom(await readSourceWith(missing, "mine.yaml"), "mine.yaml", missing)).rejects.toThrow(
      /mine\.yaml:\d+:\d+  network  cannot read the network file \.\.\/fixtures\/gallium-germanium\.yaml: not among the page's files/,
    );
  });
});

describe("shared state", () => {
  it("round-trips through the URL fragment, non-ASCII text included, and ignores other fragments", () => {
    const state = { name: "a.yaml", text: "name: Ga/Ge — ±5 % €\n", trials: 500, seed: 7, focus: "package" };
    const fragment = encodeState(state);
    expect(fragment).toMatch(/^s=[A-Za-z0-9_-]+$/);
    expect(decodeState(`#${fragment}`)).toEqual(state);
    expect(decodeState("#top")).toBeUndefined();
    expect(decodeState("#s=!!!")).toBeUndefined();
  });
});
