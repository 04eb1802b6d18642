// Validation of a parsed network or scenario: the schema first, then the cross-reference checks.
import { checkNetwork, checkScenario } from "./check.ts";
import { type PathIssue, underPath } from "./issues.ts";
import { type Network, type Scenario, networkSchema, scenarioSchema } from "./schema.ts";
import { parseWithSchema } from "./zod-issues.ts";

/** Every problem found; `value` is present whenever the schema passed, even with other problems. */
export interface Validated<T> {
  value?: T;
  issues: PathIssue[];
}

/** Checks a network document (MODEL §1). Issue paths are relative to its root. */
export function validateNetwork(input: unknown): Validated<Network> {
  const parsed = parseWithSchema(networkSchema, input);
  if (!parsed.ok) return { issues: parsed.issues };
  return { value: parsed.value, issues: checkNetwork(parsed.value) };
}

/**
 * Checks a scenario document (MODEL §2, §3, §7). `external` is the network its `network` path
 * names, validated in its own file; an inline network is checked here, under `network`. Without
 * a network (the path could not be loaded), the checks that need one are skipped.
 */
export function validateScenario(input: unknown, external: Network | undefined): Validated<Scenario> {
  const parsed = parseWithSchema(scenarioSchema, input);
  if (!parsed.ok) return { issues: parsed.issues };
  const { network: given, ...scenario } = parsed.value;
  const inline = typeof given === "string" ? undefined : given;
  const network = inline ?? external;
  const issues = [
    ...(inline === undefined ? [] : underPath(["network"], checkNetwork(inline))),
    ...checkScenario(scenario, network),
  ];
  return network === undefined ? { issues } : { value: { ...scenario, network }, issues };
}
