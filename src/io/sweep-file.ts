// Reads and validates a sweep file (YAML or JSON), placing every problem at its file:line:col.
import { InputError } from "../errors.ts";
import { placeIssues } from "../scenario/issues.ts";
import { parseSource } from "../scenario/parse.ts";
import { parseWithSchema } from "../scenario/zod-issues.ts";
import type { SweepSource } from "../sweep/plan.ts";
import { sweepFileSchema } from "../sweep/schema.ts";
import { readText } from "./load.ts";

/**
 * Reads a sweep file relative to `cwd`.
 * @throws {InputError} with every problem found, positioned in the file.
 */
export async function loadSweepFile(file: string, cwd: string): Promise<SweepSource> {
  const text = await readText(file, cwd);
  if (typeof text !== "string") throw new InputError([{ file, path: "", message: `cannot read the sweep file: ${text.error}` }]);
  const source = parseSource(text, file);
  if (source.issues.length > 0) throw new InputError(source.issues);
  const parsed = parseWithSchema(sweepFileSchema, source.value);
  if (!parsed.ok) {
    const issues = placeIssues(parsed.issues, file, source);
    throw new InputError(issues.toSorted((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0)));
  }
  return { file, value: parsed.value, source };
}
