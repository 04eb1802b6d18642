import { describe, expect, it } from "vitest";
import { closest, didYouMean, editDistance } from "../../src/scenario/suggest.ts";

describe("suggestions", () => {
  it("counts edits, a swap of neighbours as one", () => {
    expect(editDistance("severty", "severity")).toBe(1);
    expect(editDistance("ndrp", "ndpr")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("suggests the nearest id only when it is close", () => {
    expect(didYouMean("JPN", ["CN", "JP", "US"])).toBe("; did you mean 'JP'?");
    expect(didYouMean("Malacca", ["malacca"])).toBe("; did you mean 'malacca'?");
    expect(didYouMean("EU", ["AU", "US"])).toBe("");
    expect(didYouMean("embargo", ["export_control", "blockade"])).toBe("");
  });

  it("prefers the nearest, then the first", () => {
    expect(closest("gallum", ["gallium", "galium"])).toBe("gallium");
    expect(closest("magnetx", ["magnets", "magnet"])).toBe("magnets");
  });
});
