// `chokepoint inspect FILE --home XX`: the structural exposure report of a network or scenario.
// Reference: docs/inspect.md; the metrics live in src/analysis/inspect.ts.
import type { Command } from "commander";
import { checkTarget, writeOutput } from "../../io/output.ts";
import type { Io } from "../../io/streams.ts";
import { formatNames, inspectFormats, inspectTables } from "../../render/formats.ts";
import { inspectHelp } from "../help.ts";
import { addOutOption, addTableOption, checkTable, formatHelp, oneOf } from "../options.ts";

interface InspectFlags {
  home?: string;
  format: keyof typeof inspectFormats;
  out?: string;
  sources?: boolean;
  sourcesFile?: string;
  good?: string;
  country?: string;
  table?: (typeof inspectTables)[number];
}

/** Formats that draw or export the network itself. */
const GRAPH_FORMATS: readonly string[] = ["html", "gexf", "graphml"];

export function register(program: Command, io: Io): void {
  const command = program
    .command("inspect")
    .description(
      "structural exposure of a country before any shock: per good its import share, concentration (HHI), " +
        "governance-weighted concentration and BOM depth; the countries and chokepoints its supply runs through",
    )
    .argument("<file>", "a network or scenario file, YAML or JSON (the kind is detected)")
    .option("--home <country>", "the country to inspect (default: the scenario's home; required for a network)")
    .option(
      "-f, --format <format>",
      formatHelp(formatNames(inspectFormats), " (csv, jsonl: one tidy table, see --table; html: a page with the network drawn; gexf, graphml: the network for Gephi or Cytoscape)"),
      oneOf("--format", formatNames(inspectFormats)),
      "table",
    )
    .option("--sources", "instead: every number used for the home's goods and where it came from (docs/data.md)")
    .option("--sources-file <file>", "with --sources: the provenance table (default: sources.yaml beside the network file)")
    .option("--good <good>", "with --sources: one good, all its lines")
    .option("--country <country>", "with --sources: every line that names this country");
  addTableOption(command, [...inspectTables], "goods (default), sources (home and world, by country), groups (share by group tag) or nodes (countries and chokepoints); see docs/outputs.md");
  addOutOption(command)
    .addHelpText("after", inspectHelp)
    .action(async (file: string, flags: InspectFlags) => {
      if (flags.sources !== true) checkTable(flags);
      const { loadInput } = await import("../../io/load.ts");
      const { inspectNetwork } = await import("../../app/inspect.ts");
      const { imputedNote } = await import("../../render/inspect.ts");
      const { inspectSources } = await import("./inspect-sources.ts");
      await checkTarget(io, flags.out);
      const input = await loadInput(file, { cwd: io.cwd });
      const report = inspectNetwork(input, flags.home, { graph: GRAPH_FORMATS.includes(flags.format) });
      if (flags.sources === true) return inspectSources({ ...io, out: flags.out }, file, input, { ...flags, home: report.home });
      await writeOutput(io, await inspectFormats[flags.format](report, undefined, flags.table), flags.out);
      // The table carries this note itself; CSV has no room for it, so it goes to stderr.
      const note = imputedNote(report);
      if ((flags.format === "csv" || flags.format === "jsonl") && note !== undefined) io.stderr.write(`note: ${note}\n`);
    });
}
