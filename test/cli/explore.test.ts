// `chokepoint explore`: the page it writes (where, with what embedded), and a broken scenario
// refused like every command refuses one (located problems, exit 2, no page). The page at work
// in a browser: test/explore/browser.test.ts.
import { mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../helpers/cli.ts";

describe("chokepoint explore", () => {
  it("writes <scenario>.html in the working directory, embedding the scenario and its network, with no external resource", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "chokepoint-explore-cli-"));
    const scenario = path.join(repoRoot, "scenarios/hormuz-closure.yaml");
    const { code, stderr } = await runCli(["explore", scenario], dir);
    expect(code, stderr).toBe(0);
    expect(await readdir(dir)).toEqual(["hormuz-closure.html"]);
    expect(stderr).toContain(`wrote ${path.join(dir, "hormuz-closure.html")}`);
    const page = await readFile(path.join(dir, "hormuz-closure.html"), "utf8");
    const data = JSON.parse(/<script type="application\/json" id="chokepoint-data">([\s\S]*?)<\/script>/.exec(page)![1]!) as { files: { name: string; text: string }[]; scenario: string };
    expect(data.scenario).toBe(scenario);
    expect(data.files[0]!.text).toBe(await readFile(scenario, "utf8"));
    // the network the scenario names (fixtures/energy-japan.yaml or whichever): its text, under the path the CLI resolves
    const network = /^network: (.+)$/m.exec(data.files[0]!.text)![1]!.trim();
    expect(data.files[1]!.name).toBe(path.join(path.dirname(scenario), network));
    expect(data.files[1]!.text).toBe(await readFile(data.files[1]!.name, "utf8"));
    expect(page).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/[^"'\s]*\.(js|css)\b/);
    expect(page.match(/<\/script>/g)).toHaveLength(2);
  }, 60_000);

  it("refuses a broken scenario with every problem located, exit 2, and writes no page", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "chokepoint-explore-cli-"));
    const text = await readFile(path.join(repoRoot, "scenarios/gallium-germanium-2023.yaml"), "utf8");
    await writeFile(path.join(dir, "bad.yaml"), text.replace("network: ../fixtures/", `network: ${repoRoot}/fixtures/`).replace("horizon: 24", "horizon: -1"));
    const { code, stderr } = await runCli(["explore", "bad.yaml", "--out", "page.html"], dir);
    expect(code).toBe(2);
    const line = text.split("\n").findIndex((l) => l.startsWith("horizon: 24")) + 1;
    expect(stderr).toContain(`bad.yaml:${line}:10  horizon  `);
    expect(await readdir(dir)).toEqual(["bad.yaml"]);
  }, 60_000);
});
