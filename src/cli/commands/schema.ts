// `chokepoint schema`: prints the JSON Schema of scenario or network files, for editors.
import { type Command, Option } from "commander";
import { checkTarget, writeOutput } from "../../io/output.ts";
import type { Io } from "../../io/streams.ts";
import { type SchemaKind, schemaKinds } from "../../scenario/document-kind.ts";
import { schemaHelp } from "../help.ts";
import { addOutOption } from "../options.ts";

export function register(program: Command, io: Io): void {
  const command = program
    .command("schema")
    .description("print the JSON Schema (draft 2020-12) of scenario, network, episode, sweep or portfolio files")
    .addOption(new Option("--kind <kind>", "which file format").choices([...schemaKinds, "sweep", "portfolio"]).default("scenario"));
  addOutOption(command)
    .addHelpText("after", schemaHelp)
    .action(async (options: { kind: SchemaKind | "sweep" | "portfolio"; out?: string }) => {
      const { kind } = options;
      await checkTarget(io, options.out);
      const [{ renderJsonSchema }, { renderPortfolioJsonSchema }, { renderSweepJsonSchema }] = await Promise.all([
        import("../../scenario/json-schema.ts"),
        import("../../scenario/portfolio.ts"),
        import("../../sweep/json-schema.ts"),
      ]);
      const text = kind === "sweep" ? renderSweepJsonSchema() : kind === "portfolio" ? renderPortfolioJsonSchema() : renderJsonSchema(kind);
      await writeOutput(io, text, options.out);
    });
}
