// A loaded network or scenario as the views need it: the home (checked), and a scenario to run
// synthetic shocks in (a network becomes a scenario without shocks, policies or options).
import { UsageError } from "../errors.ts";
import type { LoadedInput } from "../io/load.ts";
import type { Network, Scenario } from "../scenario/schema.ts";

/** Periods a bare network is run over when no horizon is given. */
export const DEFAULT_HORIZON = 24;

export const networkOfInput = (input: LoadedInput): Network => (input.kind === "scenario" ? input.scenario.network : input.network);

/** The home asked for, else the scenario's own; a usage error naming the valid countries otherwise. */
export function homeOf(input: LoadedInput, home?: string): string {
  const network = networkOfInput(input);
  const who = home ?? (input.kind === "scenario" ? input.scenario.home : undefined);
  const valid = network.countries.map((c) => c.id).join(", ");
  if (who === undefined) throw new UsageError(`--home is required for a network file; valid countries: ${valid}`);
  if (!network.countries.some((c) => c.id === who)) throw new UsageError(`option --home: unknown country '${who}'; valid countries: ${valid}`);
  return who;
}

/**
 * The scenario the shocks of a view run in: a scenario's own (its policies and options kept, its
 * shocks to be replaced), or a bare network's, scored for `home` over `horizon` periods.
 */
export function scenarioOfInput(input: LoadedInput, home: string, horizon?: number): Scenario {
  if (input.kind === "scenario") return { ...input.scenario, home, horizon: horizon ?? input.scenario.horizon };
  const network = input.network;
  return {
    name: network.name ?? input.file,
    network,
    home,
    horizon: horizon ?? DEFAULT_HORIZON,
    period: "period",
    trials: 1,
    seed: 1,
    objective: "risk",
    currency: "units",
    shocks: [],
    policies: [],
    options: {},
  };
}
