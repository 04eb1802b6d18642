// `chokepoint schema`: prints the JSON Schema of scenario or network files, for editors.
import { type Command, Option } from "commander";
import { checkTarget, writeOutput } from "../../io/output.ts";
import type { Io } from "../../io/streams.ts";
import { renderJsonSchema, type SchemaKind, schemaKinds } from "../../scenario/json-schema.ts";
import { renderSweepJsonSchema } from "../../sweep/json-schema.ts";
import { schemaHelp } from "../help.ts";
import { addOutOption } from "../options.ts";

export function register(program: Command, io: Io): void {
  const command = program
    .command("schema")
    .description("print the JSON Schema (draft 2020-12) of scenario, network, episode or sweep files")
    .addOption(new Option("--kind <kind>", "which file format").choices([...schemaKinds, "sweep"]).default("scenario"));
  addOutOption(command)
    .addHelpText("after", schemaHelp)
    .action(async (options: { kind: SchemaKind | "sweep"; out?: string }) => {
      await checkTarget(io, options.out);
      await writeOutput(io, options.kind === "sweep" ? renderSweepJsonSchema() : renderJsonSchema(options.kind), options.out);
    });
}
