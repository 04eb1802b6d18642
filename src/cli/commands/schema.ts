// `chokepoint schema`: prints the JSON Schema of scenario or network files, for editors.
import { type Command, Option } from "commander";
import { type DocumentKind, documentKinds } from "../../scenario/document-kind.ts";
import { renderJsonSchema } from "../../scenario/json-schema.ts";
import { renderSweepJsonSchema } from "../../sweep/json-schema.ts";
import type { CliIo } from "../context.ts";

export function register(program: Command, io: CliIo): void {
  program
    .command("schema")
    .description("print the JSON Schema (draft 2020-12) of scenario, network or sweep files")
    .addOption(new Option("--kind <kind>", "which file format").choices([...documentKinds, "sweep"]).default("scenario"))
    .addHelpText(
      "after",
      `
The same schemas are committed as schema/scenario.schema.json, schema/network.schema.json
and schema/sweep.schema.json.
They describe the shape of a file only; \`chokepoint validate\` also checks references and
consistency (unknown ids, capacities, cycles).

Examples:
  $ chokepoint schema > scenario.schema.json
  $ chokepoint schema --kind network
  $ chokepoint schema --kind sweep

For completion and checks while editing YAML (yaml-language-server, e.g. in VS Code), put on
the first line of a scenario file:
  # yaml-language-server: $schema=../schema/scenario.schema.json
`,
    )
    .action((options: { kind: DocumentKind | "sweep" }) => {
      io.stdout.write(options.kind === "sweep" ? renderSweepJsonSchema() : renderJsonSchema(options.kind));
    });
}
