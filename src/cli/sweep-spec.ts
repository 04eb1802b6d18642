// Turns the sweep command's flags into the app's SweepSpec: the plan (sweep file, --set/--range
// in command-line order, settings), the shard, the output file and its format.
import type { SweepSpec } from "../app/sweep.ts";
import { UsageError } from "../errors.ts";
import { checkTarget } from "../io/output.ts";
import type { Io } from "../io/streams.ts";
import { loadSweepFile } from "../io/sweep-file.ts";
import type { SweepFormat } from "../render/sweep-rows.ts";
import type { Scenario } from "../scenario/schema.ts";
import { type FlagParameter, planSweep, type SweepSettings } from "../sweep/plan.ts";
import type { Design } from "../sweep/schema.ts";
import { resolveShard } from "../sweep/shard.ts";
import { runSpecOf, type TrialFlags } from "./options.ts";

export interface SweepFlags extends TrialFlags {
  file?: string;
  design?: Design;
  samples?: number;
  lhsSeed?: number;
  option?: string[];
  /** a row format, or `html`: a page instead of the rows on stdout (rows still go to --out) */
  format?: SweepFormat | "html";
  out?: string;
  shard?: string;
  shards?: number;
  resume?: boolean;
  listPaths?: boolean;
}

/** Drops the keys whose value is undefined (exactOptionalPropertyTypes). */
function defined<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

export async function sweepSpecOf(scenario: Scenario, flags: SweepFlags, parameters: readonly FlagParameter[], io: Io): Promise<SweepSpec> {
  if (flags.resume === true && flags.out === undefined) {
    throw new UsageError("--resume needs --out FILE: it continues the rows already in that file");
  }
  const shard = resolveShard(defined({ shard: flags.shard, shards: flags.shards }), io.env);
  const sweepFile = flags.file === undefined ? undefined : await loadSweepFile(flags.file, io.cwd);
  const settings: SweepSettings = defined({
    design: flags.design,
    samples: flags.samples,
    lhsSeed: flags.lhsSeed,
    trials: flags.trials,
    seed: flags.seed,
    options: flags.option,
  });
  const plan = planSweep(scenario, sweepFile, parameters, settings);
  const out = flags.out?.replaceAll("{shard}", String(shard?.index ?? 1));
  await checkTarget(io, out);
  const { progress, log, signal, workers, limits } = runSpecOf(flags, io);
  return {
    plan,
    format: flags.format !== undefined && flags.format !== "html" ? flags.format : out !== undefined && /\.(jsonl|ndjson)$/i.test(out) ? "jsonl" : "csv",
    keepRowsOnly: flags.format === "html",
    resume: flags.resume === true,
    origin: sweepFile?.file ?? parameters.map((p) => p.flag).filter((f, i, all) => all.indexOf(f) === i).join("/"),
    ...defined({ out, shard, progress, log, signal, workers, limits }),
  };
}
