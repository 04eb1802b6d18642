// Validation of a parsed network or scenario: the schema first, then the cross-reference checks.
import { checkNetwork, checkScenario } from "./check.ts";
import { type PathIssue, underPath } from "./issues.ts";
import { outsideRepairs, salvage } from "./salvage.ts";
import { type Network, type Scenario, type ScenarioFile, networkSchema, scenarioSchema } from "./schema.ts";
import { parseWithSchema } from "./zod-issues.ts";

/** Every problem found; `value` is present whenever the schema passed, even with other problems. */
export interface Validated<T> {
  value?: T;
  issues: PathIssue[];
}

/** Checks a network document (MODEL §1). Issue paths are relative to its root. */
export function validateNetwork(input: unknown): Validated<Network> {
  const parsed = parseWithSchema(networkSchema, input);
  if (parsed.ok) return { value: parsed.value, issues: checkNetwork(parsed.value) };
  // still run the checks where the schema's problems can be set aside safely (unknown fields)
  const saved = salvage(input, parsed.issues, []);
  const retry = saved && parseWithSchema(networkSchema, saved.input);
  if (!saved || !retry?.ok) return { issues: parsed.issues };
  return { issues: [...parsed.issues, ...outsideRepairs(checkNetwork(retry.value), saved.repaired)] };
}

/**
 * Checks a scenario document (MODEL §2, §3, §7). `external` is the network its `network` path
 * names, validated in its own file; an inline network is checked here, under `network`. Without
 * a network (the path could not be loaded), the checks that need one are skipped.
 */
export function validateScenario(input: unknown, external: Network | undefined): Validated<Scenario> {
  const parsed = parseWithSchema(scenarioSchema, input);
  if (parsed.ok) return checkedScenario(parsed.value, external);
  // Still run the checks on a salvaged copy, so every problem shows at once; the value stays
  // unset, since the file is not usable as it is.
  const saved = salvage(input, parsed.issues, ["shocks", "policies"]);
  const retry = saved && parseWithSchema(scenarioSchema, saved.input);
  if (!saved || !retry?.ok) return { issues: parsed.issues };
  return { issues: [...parsed.issues, ...outsideRepairs(checkedScenario(retry.value, external).issues, saved.repaired)] };
}

function checkedScenario(parsed: ScenarioFile, external: Network | undefined): Validated<Scenario> {
  const { network: given, ...scenario } = parsed;
  const inline = typeof given === "string" ? undefined : given;
  const network = inline ?? external;
  const issues = [
    ...(inline === undefined ? [] : underPath(["network"], checkNetwork(inline))),
    ...checkScenario(scenario, network),
  ];
  return network === undefined ? { issues } : { value: { ...scenario, network }, issues };
}
