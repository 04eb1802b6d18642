// Reads a provenance table (fixtures/sources.yaml; docs/data.md "Provenance") and validates it,
// every problem placed at its file:line:col. By default the table beside the network file.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../errors.ts";
import { type ProvenanceTable, provenanceTableSchema } from "../model/sources.ts";
import { placeIssues } from "../scenario/issues.ts";
import { parseSource } from "../scenario/parse.ts";
import { parseWithSchema } from "../scenario/zod-issues.ts";

/** The default table of a network file: `sources.yaml` in the same directory. */
export function defaultSourcesFile(networkFile: string): string {
  return path.join(path.dirname(networkFile), "sources.yaml");
}

/**
 * Reads and validates a provenance table.
 * @throws {InputError} with every problem found, positioned in the file.
 */
export async function loadProvenanceTable(file: string, cwd: string): Promise<ProvenanceTable> {
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : (err as Error).message;
    throw new InputError([{ file, path: "", message: `cannot read the provenance table: ${reason} (give one with --sources-file)` }]);
  }
  const source = parseSource(text, file);
  if (source.issues.length > 0) throw new InputError(source.issues);
  const result = parseWithSchema(provenanceTableSchema, source.value);
  if (!result.ok) throw new InputError(placeIssues(result.issues, file, source));
  return result.value;
}
