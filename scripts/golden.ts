// The golden outputs: the commands whose bytes must not change unless a commit says why.
// `npm run golden:write` regenerates test/golden/ from the CLI; test/golden.test.ts and golden-more.test.ts compare.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("..", import.meta.url));
export const goldenDir = `${root}test/golden`;

export interface GoldenCase {
  name: string;
  argv: string[];
}

/** every bundled scenario's run at its own trials and seed, a budget search and a small sweep */
export function goldenCases(): GoldenCase[] {
  const scenarios = readdirSync(`${root}scenarios`).filter((f) => f.endsWith(".yaml")).sort();
  return [
    ...scenarios.map((f) => ({
      name: `run-${f.replace(/\.yaml$/, "")}.json`,
      argv: ["run", `scenarios/${f}`, "--format", "json"],
    })),
    {
      name: "compare-budget-gallium-germanium-2023.json",
      argv: ["compare", "scenarios/gallium-germanium-2023.yaml", "--budget", "60", "--format", "json"],
    },
    {
      name: "sweep-gallium-germanium-2023.csv",
      argv: [
        "sweep", "scenarios/gallium-germanium-2023.yaml", "--design", "oat",
        "--range", "shocks.cn-ga-licensing.severity=0.3:0.9:2",
        "--set", "policies.ga-stock-60d.periods=1,4",
        "--trials", "500", "--format", "csv",
      ],
    },
  ];
}

export function runGolden(c: GoldenCase, extra: string[] = []): string {
  return execFileSync(process.execPath, ["--import", "tsx", `${root}src/cli/main.ts`, ...c.argv, ...extra], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "ignore"],
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(goldenDir, { recursive: true });
  for (const c of goldenCases()) {
    writeFileSync(`${goldenDir}/${c.name}`, runGolden(c));
    process.stderr.write(`wrote test/golden/${c.name}\n`);
  }
}
