// The two kinds of input document and how to tell them apart.
import { isRecord } from "./is-record.ts";

export type DocumentKind = "scenario" | "network";

export const documentKinds: readonly DocumentKind[] = ["scenario", "network"];

/** The file formats with a JSON Schema (json-schema.ts): the two documents and episode files. */
export type SchemaKind = DocumentKind | "episode";
export const schemaKinds: readonly SchemaKind[] = ["scenario", "network", "episode"];

/** A map with `countries` is a network; one with `home` or `network` is a scenario. */
export function detectKind(value: unknown): DocumentKind | undefined {
  if (!isRecord(value)) return undefined;
  if ("countries" in value) return "network";
  if ("home" in value || "network" in value) return "scenario";
  return undefined;
}
