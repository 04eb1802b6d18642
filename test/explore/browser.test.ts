// The explorer in a real browser: headless Chromium (the system package, driven by
// playwright-core) opens the page `chokepoint explore` writes for the flagship from file://, with
// every request that is not the page itself or its own Blob workers blocked and recorded. It
// checks that the page's comparison is byte for byte `chokepoint compare --format json`, that
// moving a severity control gives the CLI's numbers for the same edited file, that a broken
// scenario dropped on the page lists every problem at the line and column `validate` gives while
// the app keeps working, and it saves screenshots (out/explore-*.png) and its timings
// (out/explore-timings.json; bench/RESULTS.md records them; they are not asserted).
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../helpers/cli.ts";

// What the page functions below use of the browser (this test's TypeScript has no DOM types).
declare const document: { body: { dataset: Record<string, string | undefined> } };
declare const chokepoint: { json(): string; text(): string };
declare class DataTransfer {
  items: { add(file: unknown): void };
}
declare class Event {
  constructor(type: string);
}
declare class File {
  constructor(parts: string[], name: string, options: { type: string });
}

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`explorer browser test skipped: ${CHROMIUM} is missing (install it with: apt-get install -y chromium; .ci/run does)`);

const FLAGSHIP = "scenarios/gallium-germanium-2023.yaml";
const NETWORK = "fixtures/gallium-germanium.yaml";
const OUT = path.join(repoRoot, "out");
const SEVERITY = "shocks.cn-ga-licensing.severity.max";

/** The flagship as a file in `dir` that names its network by absolute path (so it runs from anywhere). */
async function flagshipCopy(dir: string, name: string, edit: (text: string) => string): Promise<string> {
  const text = await readFile(path.join(repoRoot, FLAGSHIP), "utf8");
  const file = path.join(dir, name);
  await writeFile(file, edit(text).replace("network: ../fixtures/gallium-germanium.yaml", `network: ${path.join(repoRoot, NETWORK)}`));
  return file;
}

/**
 * The rows of a CLI comparison table, by option: the cells between runs of two or more spaces, up
 * to the paired interval (rank, option, cost, autonomy and CI, risk and CI, Δ and CI; the
 * baseline's row stops at the risk CI), which are never empty, so the split cannot misalign.
 */
function tableRows(table: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of table.split("\n")) {
    const cells = line.trim().split(/\s{2,}/);
    if (/^\d+$/.test(cells[0] ?? "")) rows.set(cells[1]!, cells.slice(0, cells[1] === "baseline" ? 7 : 9));
  }
  return rows;
}

async function pageRows(page: Page): Promise<Map<string, string[]>> {
  const rows = await page.$$eval("#table tbody tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
  return new Map(rows.map((cells) => [cells[1]!, cells.slice(0, cells[1] === "baseline" ? 7 : 9)]));
}

async function settled(page: Page, version: number): Promise<void> {
  await page.waitForFunction((v) => document.body.dataset.state === "done" && Number(document.body.dataset.version) >= v, version, { timeout: 90_000 });
}

describe.skipIf(!hasChromium)("chokepoint explore in headless Chromium", () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "chokepoint-explore-"));
    await mkdir(OUT, { recursive: true });
    const html = path.join(dir, "flagship.html");
    const made = await runCli(["explore", FLAGSHIP, "--out", html]);
    expect(made.code, made.stderr).toBe(0);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    const context = await browser.newContext({ viewport: { width: 1360, height: 1000 } });
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url === pathToFileURL(html).href || url.startsWith("blob:")) return route.continue();
      requests.push(url);
      return route.abort();
    });
    page = await context.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(pathToFileURL(html).href);
    await settled(page, 1);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("opens offline and shows exactly `chokepoint compare --format json` for the file's seed and trials", async () => {
    const cli = await runCli(["compare", FLAGSHIP, "--format", "json"]);
    expect(cli.code).toBe(0);
    expect(await page.evaluate(() => chokepoint.json())).toBe(cli.stdout);
    await page.screenshot({ path: path.join(OUT, "explore-flagship.png"), fullPage: true });
    // the network picture names the struck source and the shocks that strike it
    expect(await page.locator("#network svg").getAttribute("aria-label")).toContain("struck by shocks: CN: cn-licensing-halt, cn-ga-licensing, cn-likeminded-ban");
    await page.locator("#network-section").screenshot({ path: path.join(OUT, "explore-network.png") });
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);

  it("moves a severity control and shows the CLI's numbers for the same edited file", async () => {
    const before = (await pageRows(page)).get("baseline")!;
    const exact = page.locator(`.control[data-path="${SEVERITY}"] input.exact`);
    await exact.fill("0.8");
    await exact.press("Tab");
    await settled(page, 2);
    const timings = await page.evaluate(() => ({ firstMs: Number(document.body.dataset.firstMs), fullMs: Number(document.body.dataset.fullMs) }));
    // the licensing friction's severity range, written by hand: uniform 0.2–0.5 becomes 0.2–0.8
    const edit = (t: string) => t.replace("severity: {dist: uniform, min: 0.2, max: 0.5}", "severity: {dist: uniform, min: 0.2, max: 0.8}");
    const edited = await flagshipCopy(dir, "edited.yaml", edit);
    const table = await runCli(["compare", edited]);
    const json = await runCli(["compare", edited, "--format", "json"]);
    expect(table.code, table.stderr).toBe(0);
    const shown = await pageRows(page);
    expect(shown).toEqual(tableRows(table.stdout));
    expect(shown.get("baseline")![5]).not.toBe(before[5]); // the risk column moved with the severity
    expect(await page.evaluate(() => chokepoint.json())).toBe(json.stdout);
    // "Download scenario" hands back the edited text: the original with only that number changed
    const original = await readFile(path.join(repoRoot, FLAGSHIP), "utf8");
    expect(page.url()).toMatch(/#s=[A-Za-z0-9_-]+$/);
    expect(await page.evaluate(() => chokepoint.text())).toBe(edit(original));
    expect(await page.locator("#changes li").allTextContents()).toEqual([`${SEVERITY} 0.5 → 0.8`]);
    // the option switcher: the focus moves to the package's row, chart and per-good table
    await page.selectOption("#focus", "package");
    expect(await page.locator("#table tr.focus").getAttribute("data-option")).toBe("package");
    expect(await page.locator("#focus-title").textContent()).toBe("Option package: per good");
    await page.screenshot({ path: path.join(OUT, "explore-edited.png"), fullPage: true });
    // the link carries the what-if: the same file opened at this address shows the same comparison
    const linked = await page.context().newPage();
    await linked.goto(page.url());
    await settled(linked, 1);
    expect(await linked.evaluate(() => chokepoint.text())).toBe(edit(original));
    expect(await linked.evaluate(() => chokepoint.json())).toBe(json.stdout);
    expect(await linked.locator("#table tr.focus").getAttribute("data-option")).toBe("package");
    expect(await linked.locator("#changes li").allTextContents()).toEqual([`${SEVERITY} 0.5 → 0.8`]);
    await linked.close();
    await page.emulateMedia({ media: "print" });
    await page.screenshot({ path: path.join(OUT, "explore-print.png"), fullPage: true });
    await page.emulateMedia({ media: "screen" });
    await writeFile(path.join(OUT, "explore-timings.json"), `${JSON.stringify({ afterControlChange: timings, trials: 2000 }, null, 2)}\n`);
    console.log(`explorer: first answer ${timings.firstMs} ms, all 2000 trials ${timings.fullMs} ms after the control moved`);
    expect(requests).toEqual([]);
  }, 120_000);

  it("lists every problem of a dropped broken scenario at the CLI's line and column, and keeps working", async () => {
    const original = await readFile(path.join(repoRoot, FLAGSHIP), "utf8");
    // two problems by hand: an unknown home country, a probability above 1
    const breakIt = (t: string) => t.replace("home: JP", "home: XX").replace("probability: 0.25", "probability: 2.5");
    const broken = breakIt(original);
    const lineOf = (needle: string) => broken.split("\n").findIndex((l) => l.includes(needle)) + 1;
    const dataTransfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], "broken.yaml", { type: "application/yaml" }));
      return dt;
    }, broken);
    await page.dispatchEvent("body", "drop", { dataTransfer });
    await page.waitForSelector("#issues:not([hidden]) li");
    const shown = await page.$$eval("#issues li", (lis) => lis.map((li) => li.textContent ?? ""));
    const cli = await runCli(["validate", await flagshipCopy(dir, "broken.yaml", breakIt)]);
    expect(cli.code).toBe(2);
    const cliLines = cli.stderr.split("\n").filter((l) => l.includes("broken.yaml:")).map((l) => l.slice(l.indexOf("broken.yaml:")));
    expect(shown).toEqual(cliLines);
    expect(shown.some((l) => l.startsWith(`broken.yaml:${lineOf("home: XX")}:7 `))).toBe(true);
    expect(shown.some((l) => l.startsWith(`broken.yaml:${lineOf("probability: 2.5")}:18 `))).toBe(true);
    await page.screenshot({ path: path.join(OUT, "explore-broken.png"), fullPage: true });
    // still the edited flagship, and the keyboard still moves its sliders
    const version = Number(await page.evaluate(() => document.body.dataset.version));
    await page.focus(`.control[data-path="${SEVERITY}"] input[type=range]`);
    await page.keyboard.press("ArrowLeft");
    await settled(page, version + 1);
    expect((await pageRows(page)).size).toBe(8);
    expect(await page.locator(`.control[data-path="${SEVERITY}"] input.exact`).inputValue()).toBe("0.79");
    // a dragged slider: a burst of values, of which the last is the one applied
    await page.locator(`.control[data-path="${SEVERITY}"] input[type=range]`).evaluate((el) => {
      const range = el as unknown as { value: string; dispatchEvent(e: unknown): boolean };
      for (let v = 0.7; v >= 0.595; v -= 0.01) {
        range.value = v.toFixed(2);
        range.dispatchEvent(new Event("input"));
      }
    });
    await page.waitForFunction(() => chokepoint.text().includes("{dist: uniform, min: 0.2, max: 0.6}"));
    await settled(page, version + 2);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);
});
