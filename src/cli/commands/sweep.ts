// `chokepoint sweep SCENARIO`: batch sensitivity sweeps over scenario parameters (grid,
// one-at-a-time, Latin hypercube), streamed as tidy rows, shardable for array jobs, resumable.
import type { Command } from "commander";
import { UsageError } from "../../errors.ts";
import { loadScenario } from "../../io/load.ts";
import { loadSweepFile } from "../../io/sweep-file.ts";
import type { Column } from "../../report/columns.ts";
import { renderTable } from "../../report/table.ts";
import { shardPoints } from "../../sweep/design.ts";
import { type ParameterPath, indexPaths } from "../../sweep/paths.ts";
import { type FlagParameter, planSweep } from "../../sweep/plan.ts";
import { SWEEP_FORMATS, type SweepFormat } from "../../sweep/rows.ts";
import { DESIGNS, type Design } from "../../sweep/schema.ts";
import { resolveShard } from "../../sweep/shard.ts";
import type { CliIo } from "../context.ts";
import { nonNegativeInt, oneOf, positiveInt, workersFor, workersOption } from "../options.ts";
import { executeSweep } from "../sweep-execute.ts";

interface SweepFlags {
  file?: string;
  design?: Design;
  samples?: number;
  lhsSeed?: number;
  trials?: number;
  seed?: number;
  option?: string[];
  workers?: number | "auto";
  format?: SweepFormat;
  out?: string;
  shard?: string;
  shards?: number;
  resume?: boolean;
  listPaths?: boolean;
}

export function register(program: Command, io: CliIo): void {
  // --set and --range in command-line order: it is the column order of the output
  const parameters: FlagParameter[] = [];
  const collect = (flag: FlagParameter["flag"]) => (text: string): FlagParameter[] => {
    parameters.push({ flag, text });
    return parameters;
  };
  program
    .command("sweep")
    .description("run a scenario at many parameter values (grid, one-at-a-time or Latin hypercube) and rank what moves risk")
    .argument("<scenario>", "scenario file (YAML or JSON)")
    .option("--file <sweep.yaml>", "sweep file: parameters, design, trials, seed, options (flags take precedence)")
    .option("--set <path=v1,v2,...>", "sweep a parameter over these values (repeatable)", collect("--set"))
    .option("--range <path=min:max:steps>", "sweep a parameter over evenly spaced values, both ends included; steps default 2 (repeatable)", collect("--range"))
    .option("--design <design>", "grid (every combination), oat (one at a time around the scenario) or lhs (Latin hypercube); default grid", oneOf("--design", DESIGNS))
    .option("--samples <n>", "lhs: number of points", positiveInt("--samples"))
    .option("--lhs-seed <s>", "lhs: seed of the design itself (default 1)", nonNegativeInt("--lhs-seed"))
    .option("-n, --trials <n>", "trials per point (default: the sweep file's, else the scenario's)", positiveInt("--trials"))
    .option("-s, --seed <s>", "trial seed, the same at every point (default: the sweep file's, else the scenario's)", nonNegativeInt("--seed"))
    .option("-o, --option <id...>", "score only these options at each point (baseline always)")
    .option("-w, --workers <k|auto>", "worker threads; results are identical for any count (default: auto)", workersOption)
    .option("-f, --format <format>", "csv or jsonl (default csv; jsonl when --out ends in .jsonl)", oneOf("--format", SWEEP_FORMATS))
    .option("--out <file>", "append rows to this file as points finish ({shard} becomes k of --shard k/N, 1 unsharded); the summary then goes to stdout")
    .option("--shard <k/N>", "run only points whose index mod N is k−1 (k from 1); auto/N takes k from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID")
    .option("--shards <N>", "same as --shard auto/N", positiveInt("--shards"))
    .option("--resume", "skip the points already complete in --out and append the rest")
    .option("--list-paths", "list every parameter path of the scenario with its value, and exit")
    .addHelpText(
      "after",
      `
Paths (see docs/sweep.md): shocks.<id>.severity, shocks.<id>.duration.mode,
  shocks.<id>.probability, policies.<id>.share, policies.<id>.cost,
  network.producers.<id>.capacity, network.goods.<id>.inventoryPeriods,
  network.flows[3].volume, horizon, …  (--list-paths shows them all)

Output: one row per point × option (csv header once, or JSON Lines):
  point, <one column per parameter>, option, trials, seed, cost, autonomy, autonomy_lo, autonomy_hi,
  risk, risk_lo, risk_hi, risk_diff, risk_diff_lo, risk_diff_hi, expected, expected_lo, expected_hi
Every point uses the same trial seeds (common random numbers across points and options).
--resume refuses a file whose rows were made with other --trials or another --seed.
Summary: a tornado table (oat), or each parameter's standardized rank regression
coefficient (SRRC) on risk (grid, lhs), and where the best option changes.

Examples:
  $ chokepoint sweep scenarios/gallium-germanium-2023.yaml --range shocks.cn-likeminded-ban.probability=0.1:0.5:3 \\
      --set policies.ga-stock-60d.periods=1,2,4 --trials 2000 --out sweep.csv
  $ chokepoint sweep s.yaml --file sweep.yaml --design oat
  $ chokepoint sweep s.yaml --file sweep.yaml --shard auto/16 --out 'out-{shard}.csv' --resume
  $ chokepoint merge out-*.csv --out sweep.csv
`,
    )
    .action(async (file: string, flags: SweepFlags) => {
      const scenario = await loadScenario(file, { cwd: io.cwd });
      if (flags.listPaths === true) {
        io.stdout.write(renderPaths(indexPaths(scenario).paths));
        return;
      }
      if (flags.resume === true && flags.out === undefined) {
        throw new UsageError("--resume needs --out FILE: it continues the rows already in that file");
      }
      const shard = resolveShard({ ...(flags.shard === undefined ? {} : { shard: flags.shard }), ...(flags.shards === undefined ? {} : { shards: flags.shards }) }, io.env);
      const sweep = flags.file === undefined ? undefined : await loadSweepFile(flags.file, io.cwd);
      const plan = planSweep(scenario, sweep, parameters, {
        ...(flags.design === undefined ? {} : { design: flags.design }),
        ...(flags.samples === undefined ? {} : { samples: flags.samples }),
        ...(flags.lhsSeed === undefined ? {} : { lhsSeed: flags.lhsSeed }),
        ...(flags.trials === undefined ? {} : { trials: flags.trials }),
        ...(flags.seed === undefined ? {} : { seed: flags.seed }),
        ...(flags.option === undefined ? {} : { options: flags.option }),
      });
      const out = flags.out?.replaceAll("{shard}", String(shard?.index ?? 1));
      const format = flags.format ?? (out !== undefined && /\.(jsonl|ndjson)$/i.test(out) ? "jsonl" : "csv");
      const points = shardPoints(plan.design.count, shard).length;
      await executeSweep(io, scenario, plan, {
        format,
        ...(out === undefined ? {} : { out }),
        resume: flags.resume === true,
        ...(shard === undefined ? {} : { shard }),
        workers: workersFor(flags.workers, points * plan.trials),
        origin: sweep?.file ?? parameters.map((p) => p.flag).filter((f, i, all) => all.indexOf(f) === i).join("/"),
      });
    });
}

function renderPaths(paths: readonly ParameterPath[]): string {
  const columns: Column<ParameterPath>[] = [
    { header: "path", get: (p) => p.text },
    { header: "value", get: (p) => (p.holds === "number" ? p.base : p.holds === "distribution" ? "(distribution)" : "(not set)"), align: "right" },
    { header: "kind", get: (p) => (p.integer ? "whole number" : "") },
  ];
  return renderTable(columns, paths);
}
