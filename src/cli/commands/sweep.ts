// `chokepoint sweep SCENARIO`: batch sensitivity sweeps over scenario parameters (grid,
// one-at-a-time, Latin hypercube), streamed as tidy rows, shardable for array jobs, resumable.
import type { Command } from "commander";
import type { Io } from "../../io/streams.ts";
import { SWEEP_FORMATS } from "../../render/sweep-rows.ts";
import { sweepSummaryFormats } from "../../render/formats.ts";
import type { FlagParameter } from "../../sweep/plan.ts";
import { DESIGNS } from "../../sweep/designs.ts";
import { sweepHelp } from "../help.ts";
import { addLimitOptions, addOutOption, addProgressOptions, listOf, nonNegativeInt, oneOf, positiveInt, workersOption } from "../options.ts";
import type { SweepFlags } from "../sweep-spec.ts";

export function register(program: Command, io: Io): void {
  // --set and --range in command-line order: it is the column order of the output
  const parameters: FlagParameter[] = [];
  const collect = (flag: FlagParameter["flag"]) => (text: string): FlagParameter[] => {
    parameters.push({ flag, text });
    return parameters;
  };
  const command = program
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
    .option("--option <ids>", "score only these options at each point, comma-separated or repeated (baseline always)", listOf("--option"))
    .option("-w, --workers <k|auto>", "worker threads; results are identical for any count (default: auto)", workersOption)
    .option(
      "-f, --format <format>",
      "csv or jsonl rows (default csv; jsonl when --out ends in .jsonl), or html: a page with the tornado or heat map on stdout instead of the rows (rows still go to --out)",
      oneOf("--format", [...SWEEP_FORMATS, "html"] as const),
    )
    .option("--shard <k/N>", "run only points whose index mod N is k−1 (k from 1); auto/N takes k from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID")
    .option("--shards <N>", "same as --shard auto/N", positiveInt("--shards"))
    .option("--resume", "skip the points already complete in --out and append the rest")
    .option("--list-paths", "list every parameter path of the scenario with its value, and exit");
  addOutOption(addProgressOptions(addLimitOptions(command)), "append rows to this file as points finish ({shard} becomes k of --shard k/N, 1 unsharded); the summary then goes to stdout")
    .addHelpText("after", sweepHelp)
    .action(async (file: string, flags: SweepFlags) => {
      const { loadScenario } = await import("../../io/load.ts");
      const scenario = await loadScenario(file, { cwd: io.cwd });
      if (flags.listPaths === true) {
        const [{ indexPaths }, { renderParameterPaths }] = await Promise.all([import("../../sweep/paths.ts"), import("../../render/sweep-summary.ts")]);
        io.stdout.write(renderParameterPaths(indexPaths(scenario).paths));
        return;
      }
      const [{ sweepSpecOf }, { sweep }] = await Promise.all([import("../sweep-spec.ts"), import("../../app/sweep.ts")]);
      const spec = await sweepSpecOf(scenario, flags, parameters, io);
      const summary = await sweep(scenario, spec, io);
      if (flags.format === "html") io.stdout.write(await sweepSummaryFormats.html(summary));
      else (spec.out === undefined ? io.stderr : io.stdout).write(await sweepSummaryFormats.text(summary));
    });
}
