// Validation goes on past schema problems where it safely can, so every problem shows at once.
import { describe, expect, it } from "vitest";
import { formatPath } from "../../src/errors.ts";
import { defaultKinds } from "../../src/kinds/index.ts";
import { outsideRepairs, salvage } from "../../src/scenario/salvage.ts";
import { validateNetwork } from "../../src/scenario/validate.ts";

const lines = (issues: { path: PropertyKey[]; message: string }[]) => issues.map((i) => `${formatPath(i.path)}  ${i.message}`);

describe("salvage", () => {
  it("checks references in a network that also has an unknown field", () => {
    const network = {
      countries: [{ id: "JP", name: "Japan", goverance: 8 }],
      goods: [{ id: "x", name: "X", unit: "t", price: 1 }],
      producers: [{ id: "jp-x", country: "JP", good: "x", capacity: 10 }],
      flows: [{ from: "jp-y", to: "JP", volume: 5 }],
      demand: [],
    };
    expect(lines(validateNetwork(network).issues)).toEqual([
      "countries[0].goverance  unknown field 'goverance'; did you mean 'governance'?",
      "flows[0].from  unknown producer 'jp-y'; did you mean 'jp-x'?",
    ]);
  });

  it("replaces a broken list element by a stub that keeps its id, and gives up where no repair is safe", () => {
    const input = { home: "JP", shocks: [{ id: "s", type: "embargo" }], policies: [] };
    const saved = salvage(input, [{ path: ["shocks", 0, "type"], message: "unknown shock type" }], { shocks: defaultKinds.shocks.stub });
    expect(saved?.repaired).toEqual([["shocks", 0]]);
    expect((saved?.input.shocks as { id: string }[])[0]?.id).toBe("s");
    // the original is left alone
    expect(input.shocks[0]?.type).toBe("embargo");
    // a broken home is not repairable: no salvage
    expect(salvage(input, [{ path: ["home"], message: "must be a text" }], { shocks: defaultKinds.shocks.stub })).toBeUndefined();
  });

  it("discards check issues at or under a repaired path only", () => {
    const issues = [
      { path: ["shocks", 0, "country"], message: "a" },
      { path: ["shocks", 1, "country"], message: "b" },
      { path: ["shocks"], message: "c" },
    ];
    expect(outsideRepairs(issues, [["shocks", 0]]).map((i) => i.message)).toEqual(["b", "c"]);
  });
});
