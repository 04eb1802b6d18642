// `chokepoint inspect FILE --sources`: every number of a network used for the home's goods (or
// one good, or one country) and the figure it came from, read from the provenance table.
// Reference: docs/inspect.md ("--sources"), docs/data.md ("Provenance").
import path from "node:path";
import { UsageError } from "../../errors.ts";
import { defaultSourcesFile, loadProvenanceTable } from "../../io/sources-file.ts";
import type { LoadedInput } from "../../io/load.ts";
import { sourcesReport } from "../../model/sources.ts";
import { sourcesFormats } from "../../render/sources-format.ts";
import { writeOutput } from "../../io/output.ts";
import type { Io } from "../../io/streams.ts";

export async function inspectSources(
  io: Io & { out?: string | undefined },
  file: string,
  input: LoadedInput,
  flags: { home: string; format: string; sourcesFile?: string; good?: string; country?: string },
): Promise<void> {
  const network = input.kind === "scenario" ? input.scenario.network : input.network;
  if (flags.good !== undefined && !network.goods.some((g) => g.id === flags.good)) {
    throw new UsageError(`option --good: unknown good '${flags.good}'; valid goods: ${network.goods.map((g) => g.id).join(", ")}`);
  }
  if (flags.country !== undefined && !network.countries.some((c) => c.id === flags.country)) {
    throw new UsageError(`option --country: unknown country '${flags.country}'; valid countries: ${network.countries.map((c) => c.id).join(", ")}`);
  }
  const networkFile = input.kind === "scenario" ? (input.scenario.networkFile ?? file) : file;
  const tableFile = flags.sourcesFile ?? path.relative(io.cwd, path.resolve(io.cwd, defaultSourcesFile(networkFile)));
  const table = await loadProvenanceTable(tableFile, io.cwd);
  const report = sourcesReport(network, table, {
    home: flags.home,
    ...(flags.good === undefined ? {} : { good: flags.good }),
    ...(flags.country === undefined ? {} : { country: flags.country }),
  });
  const format = flags.format in sourcesFormats ? (flags.format as keyof typeof sourcesFormats) : "table";
  await writeOutput(io, sourcesFormats[format](report), io.out);
}
