// Validation of a parsed network or scenario: the schema first, then the cross-reference checks.
import { checkNetwork, checkScenario } from "./check.ts";
import { type PathIssue, underPath } from "./issues.ts";
import { outsideRepairs, salvage } from "./salvage.ts";
import { defaultKinds, type Kinds } from "../kinds/index.ts";
import { type Network, type Scenario, type ScenarioFile, makeScenarioSchema, networkSchema } from "./schema.ts";
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
  const saved = salvage(input, parsed.issues, {});
  const retry = saved && parseWithSchema(networkSchema, saved.input);
  if (!saved || !retry?.ok) return { issues: parsed.issues };
  return { issues: [...parsed.issues, ...outsideRepairs(checkNetwork(retry.value), saved.repaired)] };
}

/**
 * Checks a scenario document (MODEL §2, §3, §7). `external` is the network its `network` path
 * names, validated in its own file; an inline network is checked here, under `network`. Without
 * a network (the path could not be loaded), the checks that need one are skipped. `kinds` are
 * the shock and policy kinds the file may use.
 */
export function validateScenario(
  input: unknown,
  external: Network | undefined,
  kinds: Kinds = defaultKinds,
): Validated<Scenario> {
  const schema = makeScenarioSchema(kinds);
  const parsed = parseWithSchema(schema, input);
  if (parsed.ok) return checkedScenario(parsed.value, external, kinds);
  // Still run the checks on a salvaged copy, so every problem shows at once; the value stays
  // unset, since the file is not usable as it is.
  const saved = salvage(input, parsed.issues, { shocks: kinds.shocks.stub, policies: kinds.policies.stub });
  const retry = saved && parseWithSchema(schema, saved.input);
  if (!saved || !retry?.ok) return { issues: parsed.issues };
  const checked = checkedScenario(retry.value, external, kinds);
  return { issues: [...parsed.issues, ...outsideRepairs(checked.issues, saved.repaired)] };
}

function checkedScenario(parsed: ScenarioFile, external: Network | undefined, kinds: Kinds): Validated<Scenario> {
  const { network: given, ...scenario } = parsed;
  const inline = typeof given === "string" ? undefined : given;
  const network = inline ?? external;
  const issues = [
    ...(inline === undefined ? [] : underPath(["network"], checkNetwork(inline))),
    ...checkScenario(scenario, network, kinds),
  ];
  return network === undefined ? { issues } : { value: { ...scenario, network }, issues };
}
