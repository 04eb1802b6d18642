// The portfolio brief (src/render/portfolio-html.ts): self-contained, deterministic, and it says
// what the report says.
import { describe, expect, it } from "vitest";
import type { PortfolioReport } from "../../src/analysis/portfolio-report.ts";
import { renderPortfolioHtml } from "../../src/render/portfolio-html.ts";
import { parseReport } from "../helpers/json.ts";
import { runCli } from "../helpers/cli.ts";

describe("portfolio --format html", async () => {
  const json = await runCli(["portfolio", "test/data/portfolio/hand.yaml", "--format", "json"]);
  const report = parseReport<PortfolioReport>(json.stdout);
  const page = await renderPortfolioHtml(report);

  it("is one page with two inline SVG charts and no script or external resource", () => {
    expect(page.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(page.match(/<svg /g)?.length).toBe(2);
    expect(page).not.toMatch(/<script|<link|src="http/);
  });
  it("is byte-identical when rendered again, and the CLI writes the same bytes", async () => {
    expect(await renderPortfolioHtml(report)).toBe(page);
    expect((await runCli(["portfolio", "test/data/portfolio/hand.yaml", "--format", "html"])).stdout).toBe(page);
  });
  it("names the chosen set, its cost, the best buy per cost and each threat", () => {
    expect(page).toContain("The chosen set within 13");
    expect(page).toContain("<td>p3 + p4</td>");
    expect(page).toContain("p2: 12.5 points per unit");
    for (const t of report.threats) expect(page).toContain(t.name);
  });
});
