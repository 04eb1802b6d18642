// `chokepoint compare FILE`: ranks a scenario's policy options by tail risk (or expected
// shortfall) with paired statistics, the cost–risk frontier and an optional budget search.
import type { Command } from "commander";
import { optionsOf } from "../../engine/run.ts";
import { loadScenario } from "../../io/load.ts";
import { writeOutput } from "../../io/output.ts";
import { searchBudget } from "../../report/budget.ts";
import { type Objective, compareOptions } from "../../report/compare.ts";
import { type CompareReport, renderCompareCsv, renderCompareTable } from "../../report/compare-format.ts";
import { makeRunReport, renderJson } from "../../report/run-report.ts";
import { appendTrials, type OptionTrials, scoreOptions } from "../../stats/score-options.ts";
import type { CliIo } from "../context.ts";
import { executeTrials } from "../execute.ts";
import { addTrialOptions, FORMATS, oneOf, positiveInt, positiveNumber, workersFor } from "../options.ts";

/** compare alone also writes a self-contained HTML page, for sharing */
const COMPARE_FORMATS = [...FORMATS, "html"] as const;
type CompareFormat = (typeof COMPARE_FORMATS)[number];

interface CompareFlags {
  trials?: number;
  seed?: number;
  objective?: Objective;
  budget?: number;
  precision?: number;
  maxTrials: number;
  workers?: number | "auto";
  format: CompareFormat;
  out?: string;
}

export function register(program: Command, io: CliIo): void {
  const command = program
    .command("compare")
    .description("rank a scenario's policy options by risk, with paired differences, the cost–risk frontier and budget search")
    .argument("<file>", "scenario file (YAML or JSON)");
  addTrialOptions(command)
    .option("--objective <name>", "rank by `risk` (CVaR95) or `expected` shortfall (default: the scenario's)", oneOf("--objective", ["risk", "expected"] as const))
    .option("--budget <b>", "also find the best combination of the scenario's policies costing at most b", positiveNumber("--budget"))
    .option("--precision <p>", "add trials until every option's CI half-width is at most p points", positiveNumber("--precision"))
    .option("--max-trials <n>", "cap for --precision", positiveInt("--max-trials"), 1_000_000)
    .option("-f, --format <format>", "table, json, csv or html (one self-contained page with charts)", oneOf("--format", COMPARE_FORMATS), "table")
    .option("--out <file>", "write the result to a file (written whole, atomically) instead of stdout")
    .addHelpText(
      "after",
      `
How to read it:
  risk      100 × CVaR95 of the unmet share: the average loss in the worst 5% of trials
  autonomy  100 × (1 − mean unmet share): higher is better
  Δ vs baseline is PAIRED: every option sees the same shock draws in each trial, so the
  noise that options share cancels and the interval is much tighter than comparing two
  separate runs. "≈base" marks an option not distinguishable from baseline at 95%,
  "≈above" one not distinguishable from the option ranked just above it.
  points/cost = objective points removed per unit of cost. The frontier (*) holds the
  options that no other option beats on both cost and risk.

Examples:
  $ chokepoint compare scenarios/gallium-germanium-2023.yaml
  $ chokepoint compare scenarios/hormuz-closure.yaml --precision 0.5
  $ chokepoint compare scenarios/rare-earth-magnets-2025.yaml --budget 300 --format json
  $ chokepoint compare scenarios/gallium-germanium-2023.yaml --format html --out report.html
`,
    )
    .action(async (file: string, flags: CompareFlags) => {
      const scenario = await loadScenario(file, { cwd: io.cwd });
      const seed = flags.seed ?? scenario.seed;
      const objective = flags.objective ?? scenario.objective;
      const options = optionsOf(scenario);
      let total = flags.trials ?? scenario.trials;
      if (flags.precision !== undefined) total = Math.min(total, flags.maxTrials);
      const workers = workersFor(flags.workers, total);
      const run = (first: number, count: number, specs = options) =>
        executeTrials(io, scenario, { trials: count, seed, workers, options: specs, firstTrial: first, label: "trials" });

      let { trials, scoredGoods } = await run(0, total);
      let precision: CompareReport["precision"];
      if (flags.precision !== undefined) {
        const target = flags.precision;
        for (;;) {
          const widest = maxHalfWidth(trials, scoredGoods, objective);
          if (widest <= target || total >= flags.maxTrials) {
            precision = { target, reached: widest <= target, maxHalfWidth: widest };
            break;
          }
          // the half-width shrinks as 1/√N: aim 10% past the estimate, in whole thousands
          const need = Number.isFinite(widest) ? total * (widest / target) ** 2 * 1.1 : total * 4;
          const next = Math.min(flags.maxTrials, Math.max(total + 1000, Math.ceil(need / 1000) * 1000));
          const more = await run(total, next - total);
          trials = appendTrials(trials, more.trials);
          total = next;
          io.stderr.write(`precision ${target}: widest half-width ${widest.toFixed(3)}, continuing to ${total} trials\n`);
        }
      }
      const comparison = compareOptions(trials, scoredGoods, objective, scenario.currency === "units" ? "" : scenario.currency);
      const report: CompareReport = {
        ...makeRunReport(scenario, { trials: total, seed }, comparison.options),
        objective,
        ...(precision ? { precision } : {}),
        options: comparison.options,
        frontier: comparison.frontier,
        summary: comparison.summary,
      };
      if (flags.budget !== undefined) {
        const baseline = trials[0]!;
        report.budget = await searchBudget(scenario.policies, flags.budget, objective, baseline, async (specs) => {
          return (await run(0, total, specs)).trials;
        });
      }
      const text =
        flags.format === "json"
          ? renderJson(report)
          : flags.format === "csv"
            ? renderCompareCsv(report)
            : flags.format === "html"
              ? // vega is loaded only for the page, keeping every other command's start-up quick
                await (await import("../../report/compare-html.ts")).renderCompareHtml(report)
              : renderCompareTable(report);
      await writeOutput(io, text, flags.out);
    });
}

function maxHalfWidth(trials: readonly OptionTrials[], scoredGoods: readonly string[], objective: Objective): number {
  let widest = 0;
  for (const s of scoreOptions(trials, scoredGoods)) {
    const ci = objective === "risk" ? s.risk.ci95 : s.expected.ci95;
    const half = (ci[1] - ci[0]) / 2;
    if (!Number.isFinite(half)) return Number.POSITIVE_INFINITY;
    if (half > widest) widest = half;
  }
  return widest;
}
