// Every page the browser check renders: per bundled scenario, each command's `--format html`
// page. A new page is one more entry (a name and the command line that writes it to stdout).
import { readdirSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "../helpers/cli.ts";

export interface PageCase {
  /** file name of the page and its screenshot, without extension */
  name: string;
  /** the command line (the page goes to stdout) */
  argv: string[];
}

const scenarios = readdirSync(path.join(repoRoot, "scenarios"))
  .filter((f) => f.endsWith(".yaml"))
  .sort();

/** Small runs: the check is of the pages, not of the numbers. */
const TRIALS = ["--trials", "100", "--workers", "1"];

/** A sweep of the flagship over the halt's probability and the licensing severity, as a page. */
function sweepPage(name: string, design: string[], probability: string): PageCase {
  const ranges = ["--range", `shocks.cn-licensing-halt.probability=${probability}`, "--range", "shocks.cn-ga-licensing.severity.max=0.3:0.9:3"];
  return { name, argv: ["sweep", "scenarios/gallium-germanium-2023.yaml", ...design, ...ranges, ...TRIALS, "--option", "stockpile-180d", "--format", "html"] };
}

export const pageCases: PageCase[] = [
  ...scenarios.flatMap((file): PageCase[] => {
    const name = file.replace(/\.yaml$/, "");
    const at = `scenarios/${file}`;
    return [
      { name: `run-${name}`, argv: ["run", at, ...TRIALS, "--format", "html"] },
      { name: `compare-${name}`, argv: ["compare", at, ...TRIALS, "--format", "html"] },
      { name: `inspect-${name}`, argv: ["inspect", at, "--format", "html"] },
      { name: `stress-${name}`, argv: ["stress", at, "--by", "country,chokepoint,good", "--workers", "1", "--format", "html"] },
      { name: `leverage-${name}`, argv: ["leverage", at, "--workers", "1", "--format", "html"] },
    ];
  }),
  sweepPage("sweep-oat-gallium-germanium-2023", ["--design", "oat"], "0.5:1:3"),
  sweepPage("sweep-grid-gallium-germanium-2023", [], "0.2:1:3"),
  { name: "backtest-episodes", argv: ["backtest", "episodes/antimony-2024.yaml", "episodes/fluorochemicals-2019.yaml", "episodes/neon-2022.yaml", "--trials", "200", "--format", "html"] },
  { name: "portfolio-taiwan", argv: ["portfolio", "portfolios/taiwan.yaml", "--trials", "200", "--format", "html"] },
  { name: "leverage-matrix-rare-earths", argv: ["leverage", "fixtures/rare-earths.yaml", "--workers", "1", "--format", "html"] },
];
