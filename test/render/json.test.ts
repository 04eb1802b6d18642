// JSON output field names: snake_case everywhere, as the CSV columns, while the keys of id maps
// (a run's goods, inspect's group shares) stay as the files write them.
import { describe, expect, it } from "vitest";
import { renderJson, snakeCase } from "../../src/render/json.ts";
import { runCli } from "../helpers/cli.ts";

/** Every field name of a parsed JSON value, skipping the keys of id maps (checked apart). */
function fieldNames(value: unknown, out: string[] = [], idKeys = false): string[] {
  if (Array.isArray(value)) value.forEach((v) => fieldNames(v, out));
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (!idKeys) out.push(k);
      fieldNames(v, out, !idKeys && (k === "goods" || k === "group_shares") && !Array.isArray(v));
    }
  }
  return out;
}

describe("JSON field names", () => {
  it("turns each capital into _ and its lower case", () => {
    expect(snakeCase("pShortfall10Ci95")).toBe("p_shortfall10_ci95");
    expect(snakeCase("vsBaseline")).toBe("vs_baseline");
    expect(snakeCase("ci95")).toBe("ci95");
  });

  it("keeps the ids of a goods or group map as written, converting the fields inside", () => {
    const text = renderJson({ perCost: null, goods: { ndFeB: { pShort: 0.5 } }, groupShares: { G7: 0.1 }, list: [{ homeName: "x" }], bad: Number.NaN });
    expect(JSON.parse(text)).toEqual({ per_cost: null, goods: { ndFeB: { p_short: 0.5 } }, group_shares: { G7: 0.1 }, list: [{ home_name: "x" }], bad: null });
  });

  it("run, compare and inspect write only snake_case field names", async () => {
    const outputs = await Promise.all([
      runCli(["run", "scenarios/neon-2022.yaml", "--trials", "50", "--trajectory", "10", "--format", "json"]),
      runCli(["compare", "scenarios/gallium-germanium-2023.yaml", "--trials", "50", "--budget", "60", "--format", "json"]),
      runCli(["inspect", "fixtures/critical-minerals.yaml", "--home", "JP", "--format", "json"]),
    ]);
    for (const r of outputs) {
      expect(r.code, r.stderr).toBe(0);
      const names = new Set(fieldNames(JSON.parse(r.stdout)));
      expect([...names].filter((n) => !/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(n))).toEqual([]);
    }
  }, 60_000);
});
