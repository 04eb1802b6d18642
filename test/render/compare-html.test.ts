// The shareable HTML page of a comparison: self-contained, escaped, deterministic, and written
// by `chokepoint compare --format html --out FILE`.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareRun, runTrials } from "../../src/engine/run.ts";
import { searchBudget } from "../../src/analysis/budget.ts";
import { rankOptions } from "../../src/analysis/compare.ts";
import type { CompareReport } from "../../src/analysis/compare-report.ts";
import { escapeHtml, niceDomain, placeLabels, renderCompareHtml } from "../../src/render/compare-html.ts";
import { optionTrialsOf } from "../../src/stats/score-options.ts";
import { runCli } from "../helpers/cli.ts";
import { scenarioOf, twoStockpiles, twoSupplierNetwork, uncertainControlOnCN } from "../engine/builders.ts";

const NAME = `Tin & tungsten <2026> "draft"`;
const ODD_ID = "mix <&>";

const shocks = uncertainControlOnCN();
const policies = twoStockpiles();

/** A comparison of baseline, two stockpiles and their mix on a few hundred trials. */
async function report(withBudget = false): Promise<CompareReport> {
  const scenario = scenarioOf(twoSupplierNetwork({ inventoryPeriods: 0.5 }), {
    name: NAME,
    home: "JP",
    horizon: 12,
    seed: 7,
    shocks,
    policies,
    options: { A: ["big"], B: ["small"], [ODD_ID]: ["big", "small"] },
  });
  const N = 400;
  const prepared = prepareRun(scenario);
  const trials = optionTrialsOf(prepared.options, runTrials(prepared, 0, N));
  const c = rankOptions(trials, prepared.scoredGoods, "risk");
  const r: CompareReport = {
    scenario: scenario.name,
    home: scenario.home,
    trials: N,
    seed: scenario.seed,
    horizon: scenario.horizon,
    period: scenario.period,
    currency: scenario.currency,
    objective: "risk",
    options: c.options,
    frontier: c.frontier,
    summary: c.summary,
  };
  if (withBudget) {
    r.budget = await searchBudget(scenario.policies, 25, "risk", trials[0]!, async (specs, first, count) => {
      const p = prepareRun(scenario, { options: specs });
      return optionTrialsOf(p.options, runTrials(p, first, count));
    });
  }
  return r;
}

describe("renderCompareHtml", () => {
  let r: CompareReport;
  let html: string;
  beforeAll(async () => {
    r = await report();
    html = await renderCompareHtml(r);
  });

  it("is one self-contained page: inline styles and SVG charts, nothing fetched, no script", () => {
    expect(html.startsWith("<!DOCTYPE html>\n")).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain("<style>");
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|@import|url\(/i);
  });

  it("names every option in the charts and the table, and carries the summary", () => {
    expect(r.options.map((o) => o.id).sort()).toEqual([ODD_ID, "A", "B", "baseline"].sort());
    const [chart1, chart2] = html.split("<svg ").slice(1);
    for (const o of r.options) {
      expect(chart1).toContain(`>${escapeHtml(o.id)}</text>`);
      expect(chart2).toContain(`>${escapeHtml(o.id)}</text>`);
      expect(html).toContain(`<th scope="row" class="id">${escapeHtml(o.id)}</th>`);
    }
    expect(r.summary).toMatch(/^mix <&> cuts tail risk by .*; A cuts tail risk by/);
    // the one-line summary, as a sentence per clause
    for (const clause of r.summary.split("; ")) expect(html).toContain(escapeHtml(clause.slice(1)));
    expect(html).toContain(`<div class="summary">\n<p>${escapeHtml(r.summary.split("; ")[0]!)}.</p>`);
  });

  it("escapes the scenario name and option ids everywhere", () => {
    expect(html).toContain(`<title>Tin &amp; tungsten &lt;2026&gt; &quot;draft&quot; — policy comparison</title>`);
    expect(html).toContain(`<h1>Tin &amp; tungsten &lt;2026&gt; &quot;draft&quot;</h1>`);
    expect(html).not.toContain("<2026>");
    expect(html).not.toContain(ODD_ID);
    expect(html).toContain("mix &lt;&amp;&gt;");
  });

  it("formats numbers like the text table: one decimal, CIs in brackets, frontier and ≈ marks", () => {
    expect(html).toContain("home JP · 400 trials · seed 7 · horizon 12 periods");
    for (const o of r.options) {
      const row = html.split("\n").find((l) => l.includes(`class="id">${escapeHtml(o.id)}<`))!;
      expect(row).toContain(`>${o.autonomy.mean.toFixed(1)}<`);
      expect(row).toContain(`>[${o.risk.ci95[0].toFixed(1)}, ${o.risk.ci95[1].toFixed(1)}]<`);
      expect(row).toContain(`<tr class="${o.id === "baseline" ? "baseline" : o.frontier ? "frontier" : "dominated"}">`);
      expect(row.includes('class="mark">*<')).toBe(o.frontier);
    }
    expect(html).toContain("* on the efficient frontier (no option costs less and scores better)");
    expect(html).toContain("≈base: the paired difference from baseline is not significant at 95%");
    expect(html).not.toContain("Best policy mix");
  });

  it("gives byte-identical pages for the same report, whatever was rendered before", async () => {
    const other = await renderCompareHtml({ ...r, scenario: "another", options: r.options.slice(0, 2) });
    expect(other).not.toBe(html);
    expect(await renderCompareHtml(r)).toBe(html);
    expect(await renderCompareHtml(await report())).toBe(html);
  });

  it("adds the budget result when there is one", async () => {
    const b = await report(true);
    const page = await renderCompareHtml(b);
    // cost 10 + 20 = 30 exceeds 25, so the best fitting mix is one policy
    expect(b.budget?.best?.policies).toHaveLength(1);
    expect(page).toContain("<h2>Best policy mix within a budget of 25</h2>");
    expect(page).toContain(`<td>${b.budget!.best!.policies.join(" + ")}</td>`);
  });
});

describe("chart helpers", () => {
  it("rounds axis domains to 1, 2 or 5 × 10^k steps", () => {
    // 44.7 / 8 = 5.6 → step 10; 2.04 / 8 = 0.26 → step 0.5; 1300 / 10 = 130 → step 200
    expect(niceDomain(0, 44.7)).toEqual([0, 50]);
    expect(niceDomain(0, 2.04)).toEqual([0, 2.5]);
    expect(niceDomain(0, 1300, 10)).toEqual([0, 1400]);
    expect(niceDomain(-0.3, 12)).toEqual([-2, 12]);
    expect(niceDomain(0, 0)).toEqual([0, 1]);
  });

  it("keeps the labels of crowded points apart and inside the plot", () => {
    // baseline, partnership and lng-diversify of the Hormuz scenario: nearly the same spot
    const points = [
      { text: "baseline", x: 0, y: 100, top: 80, bottom: 120 },
      { text: "partnership", x: 2, y: 100, top: 80, bottom: 120 },
      { text: "lng-diversify", x: 16, y: 100, top: 80, bottom: 120 },
    ];
    const labels = placeLabels(points, { width: 600, height: 360 });
    const box = (l: (typeof labels)[number]) => {
      const w = 6.5 * l.text.length;
      const x0 = l.align === "left" ? l.x : l.align === "right" ? l.x - w : l.x - w / 2;
      const y0 = l.baseline === "top" ? l.y : l.baseline === "bottom" ? l.y - 12 : l.y - 6;
      return { x0, x1: x0 + w, y0, y1: y0 + 12 };
    };
    const boxes = labels.map(box);
    for (const [i, a] of boxes.entries()) {
      expect(a.x0).toBeGreaterThanOrEqual(0);
      for (const b of boxes.slice(i + 1)) {
        const apart = a.x1 <= b.x0 || b.x1 <= a.x0 || a.y1 <= b.y0 || b.y1 <= a.y0;
        expect(apart).toBe(true);
      }
    }
    expect(labels.map((l) => l.text)).toEqual(["baseline", "partnership", "lng-diversify"]);
  });
});

describe("chokepoint compare --format html", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "chokepoint-html-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("writes the page whole to --out, nothing to stdout, exit 0", async () => {
    const out = path.join(dir, "report.html");
    const r = await runCli(["compare", "scenarios/gallium-germanium-2023.yaml", "--trials", "200", "--workers", "1", "--format", "html", "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(await readdir(dir)).toEqual(["report.html"]);
    const page = await readFile(out, "utf8");
    expect(page.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(page.trimEnd().endsWith("</html>")).toBe(true);
    const json = JSON.parse((await runCli(["compare", "scenarios/gallium-germanium-2023.yaml", "--trials", "200", "--workers", "1", "--format", "json"])).stdout);
    for (const o of json.options) expect(page).toContain(`class="id">${o.id}<`);
    for (const clause of json.summary.split("; ")) expect(page).toContain(escapeHtml(clause.slice(1)));
  });

  it("is one of the formats every command lists; an unknown one is a usage error naming them", async () => {
    const r = await runCli(["run", "scenarios/gallium-germanium-2023.yaml", "--trials", "10", "--format", "pdf"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("option --format: must be one of table, json, csv, jsonl, html");
  });
});
