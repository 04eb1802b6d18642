// `chokepoint explore [FILE]`: writes the what-if explorer, one self-contained HTML file that runs
// the engine in the browser (offline), with the scenario and its network embedded.
import type { Command } from "commander";
import { resolveTarget, writeOutput } from "../../io/output.ts";
import type { Io } from "../../io/streams.ts";
import { exploreHelp } from "../help.ts";

interface ExploreFlags {
  out?: string;
}

export function register(program: Command, io: Io): void {
  program
    .command("explore")
    .description("write the what-if explorer: one offline HTML page that reruns the scenario as you move its numbers")
    .argument("[file]", "scenario file (YAML or JSON); without it the page waits for a file to be opened or dropped")
    .option("-o, --out <file>", "the page to write (default: the scenario's name with .html, here); - for stdout")
    .addHelpText("after", exploreHelp)
    .action(async (file: string | undefined, flags: ExploreFlags) => {
      const { defaultPageName, explorerPage } = await import("../../app/explore.ts");
      const page = await explorerPage(file, io.cwd);
      const out = flags.out ?? defaultPageName(file);
      await writeOutput(io, page, out);
      if (out !== "-") io.stderr.write(`wrote ${resolveTarget(io, out)}: open it in a browser (it needs no network)\n`);
    });
}
