// JSON Schema (draft 2020-12) of the input files, for editors and other tools.
// Reference: zod 4 `z.toJSONSchema` with `io: "input"`, so fields with defaults are optional.
import { z } from "zod";
import type { DocumentKind } from "./document-kind.ts";
import { networkSchema, scenarioSchema } from "./schema.ts";

const schemas = { scenario: scenarioSchema, network: networkSchema } as const;

/** The JSON Schema of a file format described by a zod schema, titled `chokepoint <name> file`. */
export function fileJsonSchema(schema: z.ZodType, name: string): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12" });
  return { $schema, title: `chokepoint ${name} file`, ...rest };
}

/** The JSON Schema of a scenario or a network file. */
export function jsonSchemaOf(kind: DocumentKind): Record<string, unknown> {
  return fileJsonSchema(schemas[kind], kind);
}

/** The schema as written to `schema/<kind>.schema.json` and printed by `chokepoint schema`. */
export function renderJsonSchema(kind: DocumentKind): string {
  return `${JSON.stringify(jsonSchemaOf(kind), null, 2)}\n`;
}
