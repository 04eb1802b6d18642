// JSON Schema (draft 2020-12) of the input files, for editors and other tools.
// Reference: zod 4 `z.toJSONSchema` with `io: "input"`, so fields with defaults are optional, and
// `reused: "ref"`, so a block used more than once (a distribution, a shock base field) is written
// once under `$defs`; schemas with an `id` in their metadata get that name there.
import { z } from "zod";
import type { SchemaKind } from "./document-kind.ts";
import { episodeSchema } from "./episode.ts";
import { networkSchema, scenarioSchema } from "./schema.ts";

const schemas = { scenario: scenarioSchema, network: networkSchema, episode: episodeSchema } as const;

export { type SchemaKind, schemaKinds } from "./document-kind.ts";

/** The JSON Schema of a file format described by a zod schema, titled `chokepoint <name> file`. */
export function fileJsonSchema(schema: z.ZodType, name: string): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12", reused: "inline" });
  return { $schema, title: `chokepoint ${name} file`, ...rest };
}

/** The JSON Schema of a scenario, network or episode file. */
export function jsonSchemaOf(kind: SchemaKind): Record<string, unknown> {
  return fileJsonSchema(schemas[kind], kind);
}

/** The schema as written to `schema/<kind>.schema.json` and printed by `chokepoint schema`. */
export function renderJsonSchema(kind: SchemaKind): string {
  return `${JSON.stringify(jsonSchemaOf(kind), null, 2)}\n`;
}
