// JSON Schema (draft 2020-12) of sweep files, for editors (yaml-language-server) and other tools.
// Reference: zod 4 `z.toJSONSchema` with `io: "input"`, as scenario/json-schema.ts.
import { fileJsonSchema } from "../scenario/json-schema.ts";
import { sweepFileSchema } from "./schema.ts";

/** The JSON Schema of a sweep file. */
export function sweepJsonSchema(): Record<string, unknown> {
  return fileJsonSchema(sweepFileSchema, "sweep");
}

/** The schema as committed in `schema/sweep.schema.json`. */
export function renderSweepJsonSchema(): string {
  return `${JSON.stringify(sweepJsonSchema(), null, 2)}\n`;
}
