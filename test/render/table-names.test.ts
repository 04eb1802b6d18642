// The `--table` choices are listed by name in render/formats.ts (so that listing them loads no
// renderer); they must be exactly the tables each renderer module defines, in the same order.
import { describe, expect, it } from "vitest";
import { compareTables as compareNames, inspectTables as inspectNames, runTables as runNames } from "../../src/render/formats.ts";
import { compareTables } from "../../src/render/compare.ts";
import { inspectTables } from "../../src/render/inspect.ts";
import { runTables } from "../../src/render/run.ts";

describe("--table choices", () => {
  it("name every tidy table of run, compare and inspect, and no other", () => {
    expect([...runNames]).toEqual(Object.keys(runTables));
    expect([...compareNames]).toEqual(Object.keys(compareTables));
    expect([...inspectNames]).toEqual(Object.keys(inspectTables));
  });
});
