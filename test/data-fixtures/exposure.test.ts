// The bundled critical-minerals network shows the concentration the public figures describe.
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";

describe("inspect on fixtures/critical-minerals.yaml for Japan", () => {
  it("reports high concentration (HHI ≥ 2 500) for gallium, rare-earth separation and graphite", async () => {
    const r = await runCli(["inspect", "fixtures/critical-minerals.yaml", "--home", "JP", "--format", "json"]);
    expect(r.code).toBe(0);
    const goods = new Map(
      JSON.parse(r.stdout).goods.map((g: { good: string; hhi_points: number; hhi_band: string }) => [g.good, g]),
    );
    // USGS MCS 2026: China ~99% of primary gallium; IEA GCMO 2024: China 92% of rare-earth
    // refining; USGS MCS 2026: China ~78–82% of natural graphite. Any of these alone puts a
    // single-supplier HHI near or above 0.6 (6 000 points).
    for (const id of ["gallium", "ndpr-oxide", "natural-graphite"]) {
      const g = goods.get(id) as { hhi_points: number; hhi_band: string } | undefined;
      expect(g, id).toBeDefined();
      expect(g!.hhi_points).toBeGreaterThanOrEqual(2500);
      expect(g!.hhi_band).toBe("high");
    }
  });
});
