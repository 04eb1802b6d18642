import { chromium } from "playwright-core";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
const [f, sel, out] = process.argv.slice(2);
await page.goto("file://" + process.cwd() + "/" + f);
await page.locator(sel).first().screenshot({ path: out });
await browser.close();
