// `chokepoint inspect FILE --home XX`: the structural exposure report of a network or scenario.
// Reference: docs/inspect.md; the metrics live in src/report/inspect.ts.
import type { Command } from "commander";
import { UsageError } from "../../errors.ts";
import { loadInput } from "../../io/load.ts";
import { DEFAULT_GOVERNANCE, inspect } from "../../report/inspect.ts";
import { renderInspectCsv, renderInspectTable } from "../../report/inspect-format.ts";
import type { CliIo } from "../context.ts";
import { inspectSources } from "./inspect-sources.ts";
import { FORMATS, type Format, oneOf } from "../options.ts";

interface InspectFlags {
  home?: string;
  format: Format;
  sources?: boolean;
  sourcesFile?: string;
  good?: string;
  country?: string;
}

export function register(program: Command, io: CliIo): void {
  program
    .command("inspect")
    .description(
      "structural exposure of a country before any shock: per good its import share, concentration (HHI), " +
        "governance-weighted concentration and BOM depth; the countries and chokepoints its supply runs through",
    )
    .argument("<file>", "a network or scenario file, YAML or JSON (the kind is detected)")
    .option("--home <country>", "the country to inspect (default: the scenario's home; required for a network)")
    .option("-f, --format <format>", "table, json or csv (csv: the per-good table)", oneOf("--format", FORMATS), "table")
    .option("--sources", "instead: every number used for the home's goods and where it came from (docs/data.md)")
    .option("--sources-file <file>", "with --sources: the provenance table (default: sources.yaml beside the network file)")
    .option("--good <good>", "with --sources: one good, all its lines")
    .option("--country <country>", "with --sources: every line that names this country")
    .addHelpText(
      "after",
      `
Per good: use, import share, HHI of the home's sources by country (0–10 000; < 1 500
unconcentrated, < 2 500 moderate, else high; domestic supply counts as the home's own share),
the top three sources, shares by group, and Σ s²·(10 − governance) on world and home shares.
Per country and chokepoint: betweenness on the trade graph and the home-critical flows through it.
Formulas and how to read them: docs/inspect.md

Examples:
  $ chokepoint inspect fixtures/critical-minerals.yaml --home JP
  $ chokepoint inspect scenarios/gallium-germanium-2023.yaml --format json
  $ chokepoint inspect fixtures/critical-minerals.yaml --home EU --format csv > eu-goods.csv
`,
    )
    .action(async (file: string, flags: InspectFlags) => {
      const input = await loadInput(file, { cwd: io.cwd });
      const network = input.kind === "scenario" ? input.scenario.network : input.network;
      const home = flags.home ?? (input.kind === "scenario" ? input.scenario.home : undefined);
      const valid = network.countries.map((c) => c.id).join(", ");
      if (home === undefined) throw new UsageError(`--home is required for a network file; valid countries: ${valid}`);
      if (!network.countries.some((c) => c.id === home)) {
        throw new UsageError(`unknown --home "${home}"; valid countries: ${valid}`);
      }
      if (flags.sources === true) {
        await inspectSources(io, file, input, network, { ...flags, home });
        return;
      }
      const report = inspect(network, home);
      const text =
        flags.format === "json"
          ? `${JSON.stringify(report, null, 2)}\n`
          : flags.format === "csv"
            ? renderInspectCsv(report)
            : renderInspectTable(report);
      io.stdout.write(text);
      // The table carries this note itself; CSV has no room for it, so it goes to stderr.
      if (flags.format === "csv" && report.governanceImputed.length > 0) {
        const ids = report.governanceImputed.join(", ");
        io.stderr.write(`note: no governance given for ${ids}; taken as ${DEFAULT_GOVERNANCE}\n`);
      }
    });
}
