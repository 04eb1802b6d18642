// Every page in a real browser: headless Chromium opens each page of every bundled scenario
// (test/render/pages.ts) from disk and checks that every chart drew (an SVG with marks), that
// nothing was requested from the network and that no console error was logged. Screenshots go
// to out/browser/ (git-ignored) for a person to look at. Each page is also checked to be under
// 1 MB, and two renders of the same page to be the same bytes.
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../helpers/cli.ts";
import { pageCases } from "./pages.ts";

const OUT = path.join(repoRoot, "out", "browser");
const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium", "/usr/bin/google-chrome"].filter(
  (p): p is string => p !== undefined && p !== "",
);
const executable = CANDIDATES.find((p) => existsSync(p));

/** Why the browser part cannot run here, or undefined when it can. */
const missing =
  executable === undefined
    ? `no Chromium found (looked at ${CANDIDATES.join(", ")}); .ci/run installs it with apt-get, or set CHROMIUM_PATH`
    : undefined;

describe("pages in headless Chromium", () => {
  let browser: Browser | undefined;
  const pages = new Map<string, string>();

  beforeAll(async () => {
    await mkdir(OUT, { recursive: true });
    for (const c of pageCases) {
      const r = await runCli(c.argv);
      if (r.code !== 0) throw new Error(`${c.argv.join(" ")} failed: ${r.stderr}`);
      const file = path.join(OUT, `${c.name}.html`);
      await writeFile(file, r.stdout);
      pages.set(c.name, r.stdout);
    }
    if (executable !== undefined) browser = await chromium.launch({ executablePath: executable, args: ["--no-sandbox"] });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("has every page, each a self-contained file under 1 MB", () => {
    expect([...pages.keys()]).toEqual(pageCases.map((c) => c.name));
    for (const [name, html] of pages) {
      expect(Buffer.byteLength(html), name).toBeLessThan(1_000_000);
      // url(#id) points inside the page (a legend's gradient); anything else would be a request
      expect(html, name).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|@import|url\((?!#)/i);
      const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
      expect(new Set(ids).size, `${name}: ids are unique`).toBe(ids.length);
      expect(html, name).toMatch(/<div class="summary">\n<p>[^<]+\.<\/p>/);
    }
  });

  it("renders the same bytes twice", async () => {
    for (const c of pageCases.filter((p) => /^(run|stress|inspect)-hormuz/.test(p.name))) {
      expect((await runCli(c.argv)).stdout, c.name).toBe(pages.get(c.name));
    }
  }, 60_000);

  it("draws every chart, requests nothing and logs no error, in Chromium", async () => {
    if (browser === undefined) {
      // In CI a missing browser is a failure: .ci/run installs it.
      expect(process.env.CHOKEPOINT_REQUIRE_BROWSER, missing).toBeUndefined();
      process.stderr.write(`browser check not run: ${missing}\n`);
      return;
    }
    for (const c of pageCases) {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const requests: string[] = [];
      const errors: string[] = [];
      page.on("request", (req) => {
        if (!req.url().startsWith("file:")) requests.push(req.url());
      });
      page.on("console", (msg) => {
        if (msg.type() === "error") errors.push(msg.text());
      });
      page.on("pageerror", (err) => errors.push(err.message));
      const file = path.join(OUT, `${c.name}.html`);
      await page.goto(pathToFileURL(file).href);
      const charts = await page.$$eval("figure[data-chart]", (figures) =>
        figures.map((f) => {
          const svg = f.querySelector("svg");
          const box = svg?.getBoundingClientRect();
          return {
            name: f.getAttribute("data-chart"),
            marks: f.querySelectorAll("g.role-mark > *").length,
            width: box?.width ?? 0,
            height: box?.height ?? 0,
          };
        }),
      );
      expect(charts.length, c.name).toBeGreaterThan(0);
      for (const chart of charts) {
        expect(chart.marks, `${c.name} ${chart.name}`).toBeGreaterThan(0);
        expect(chart.width * chart.height, `${c.name} ${chart.name}`).toBeGreaterThan(0);
      }
      expect(requests, c.name).toEqual([]);
      expect(errors, c.name).toEqual([]);
      await page.screenshot({ path: path.join(OUT, `${c.name}.png`), fullPage: true });
      await page.close();
    }
  }, 240_000);
});
