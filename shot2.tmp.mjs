import { chromium } from "playwright-core";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
for (const f of process.argv.slice(2)) {
  await page.goto("file://" + process.cwd() + "/" + f);
  await page.screenshot({ path: f.replace(/\.html$/, ".png"), fullPage: true });
}
await browser.close();
