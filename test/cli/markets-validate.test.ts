// The market fields of a scenario are checked like every other reference, at file:line:col.
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";

describe("validate: markets and licensing paths", () => {
  it("places an unknown market good, an unknown price-market place and a level above 1", async () => {
    const { code, stderr } = await runCli(["validate", "test/data/markets/bad-markets.yaml"]);
    expect(code).toBe(2);
    expect(stderr).toContain("bad-markets.yaml:6:3  markets.helium  unknown good 'helium'");
    expect(stderr).toContain("bad-markets.yaml:7:50  markets.neon.priceMarket[1]  unknown country or group 'XX'");
    expect(stderr).toContain("bad-markets.yaml:9:80  shocks[0].path[0].level  must be between 0 and 1, got 1.5");
  });
});
