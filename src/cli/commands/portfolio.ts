// `chokepoint portfolio FILE`: one budget across several threats — the best set of candidate
// policies, the budget–score frontier, the marginal value of budget and the best buy per unit cost.
import type { Command } from "commander";
import { checkTarget, writeOutput } from "../../io/output.ts";
import type { Io } from "../../io/streams.ts";
import { formatNames, portfolioFormats } from "../../render/formats.ts";
import { portfolioHelp } from "../help.ts";
import { OUT_HELP, oneOf, positiveNumber, runSpecOf, type TrialFlags, trialCommand } from "../options.ts";

interface PortfolioFlags extends TrialFlags {
  budget?: number;
  format: keyof typeof portfolioFormats;
  out?: string;
}

export function register(program: Command, io: Io): void {
  const command = trialCommand(program, "portfolio", "choose policies across several threats within one budget: chosen set, frontier, marginal value, best buy per cost", "portfolio file (YAML or JSON)");
  command
    .option("--budget <b>", "the most the chosen set may cost (default: the file's budget)", positiveNumber("--budget"))
    .option("-f, --format <format>", `${formatNames(portfolioFormats).join(", ")}`, oneOf("--format", formatNames(portfolioFormats)), "table")
    .option("-o, --out <file>", OUT_HELP)
    .addHelpText("after", portfolioHelp)
    .action(async (file: string, flags: PortfolioFlags) => {
      const { loadPortfolio } = await import("../../io/portfolio-file.ts");
      const { runPortfolio } = await import("../../app/portfolio.ts");
      await checkTarget(io, flags.out);
      const loaded = await loadPortfolio(file, io.cwd);
      const { budget } = flags;
      const report = await runPortfolio(loaded, { ...runSpecOf(flags, io), ...(budget === undefined ? {} : { budget }) });
      await writeOutput(io, await portfolioFormats[flags.format](report), flags.out);
    });
}
