// `chokepoint schema`: prints the JSON Schema of scenario or network files, for editors.
import { type Command, Option } from "commander";
import type { Io } from "../../io/streams.ts";
import { type DocumentKind, documentKinds } from "../../scenario/document-kind.ts";
import { renderJsonSchema } from "../../scenario/json-schema.ts";
import { renderPortfolioJsonSchema } from "../../scenario/portfolio.ts";
import { renderSweepJsonSchema } from "../../sweep/json-schema.ts";
import { schemaHelp } from "../help.ts";

export function register(program: Command, io: Io): void {
  program
    .command("schema")
    .description("print the JSON Schema (draft 2020-12) of scenario, network, sweep or portfolio files")
    .addOption(new Option("--kind <kind>", "which file format").choices([...documentKinds, "sweep", "portfolio"]).default("scenario"))
    .addHelpText("after", schemaHelp)
    .action((options: { kind: DocumentKind | "sweep" | "portfolio" }) => {
      const { kind } = options;
      io.stdout.write(kind === "sweep" ? renderSweepJsonSchema() : kind === "portfolio" ? renderPortfolioJsonSchema() : renderJsonSchema(kind));
    });
}
