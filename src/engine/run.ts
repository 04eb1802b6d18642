// Prepares a scenario for the trial loop (one compiled network per option) and runs a range of
// trials with common random numbers: every option sees the same shock draws in trial i.
import { InputError } from "../errors.ts";
import { buildModel, type SupplyGraph } from "../model/build.ts";
import { defaultKinds, type Kinds } from "../kinds/index.ts";
import type { Scenario } from "../scenario/schema.ts";
import { compileProgram, type Program, shareProgram } from "./program.ts";
import { TrialStreams } from "./rng.ts";
import { makeShockSampler, newShockDraws, type ShockSampler, sampleShocks } from "./sample.ts";
import { newTrialResults, PairScratch, Simulator, type TrialResults } from "./simulate.ts";

/** A named bundle of policies; `baseline` has none. */
export interface OptionSpec {
  id: string;
  policies: string[];
  cost: number;
}

export interface PreparedRun {
  scenario: Scenario;
  seed: number;
  options: OptionSpec[];
  /** one compiled program per option */
  networks: Program[];
  /** a simulator on each program, made when first used (a thread that only hands the programs on makes none) */
  readonly simulators: Simulator[];
  sampler: ShockSampler;
  /** ids of the home's scored goods, in result column order */
  scoredGoods: string[];
}

/** The options a scenario defines, `baseline` first; `only` keeps those named (baseline always). */
export function optionsOf(scenario: Scenario, only?: readonly string[]): OptionSpec[] {
  const costOf = new Map(scenario.policies.map((p) => [p.id, p.cost]));
  const all: OptionSpec[] = [{ id: "baseline", policies: [], cost: 0 }];
  for (const [id, policies] of Object.entries(scenario.options)) {
    all.push({ id, policies, cost: policies.reduce((s, p) => s + (costOf.get(p) ?? 0), 0) });
  }
  if (only === undefined || only.length === 0) return all;
  const unknown = only.filter((id) => !all.some((o) => o.id === id));
  if (unknown.length > 0) {
    throw new InputError(
      unknown.map((id) => ({
        path: "options",
        message: `unknown option '${id}'; the scenario has ${all.map((o) => o.id).join(", ")}`,
      })),
    );
  }
  return all.filter((o) => o.id === "baseline" || only.includes(o.id));
}

/**
 * Compiles every option of a scenario once: one frozen Program per option from the scenario's
 * model graph (built here unless given), and a simulator on each. With `shared`, the programs'
 * arrays live in SharedArrayBuffers (for worker threads, {@link shareProgram}); with `programs`
 * (one per option, compiled by an earlier prepareRun, e.g. in another thread) nothing is compiled.
 */
export function prepareRun(
  scenario: Scenario,
  opts: { options?: OptionSpec[]; seed?: number; graph?: SupplyGraph; kinds?: Kinds; shared?: boolean; programs?: readonly Program[] } = {},
): PreparedRun {
  const kinds = opts.kinds ?? defaultKinds;
  const options = opts.options ?? optionsOf(scenario);
  const networks = opts.programs === undefined ? compileOptions(scenario, options, opts.graph ?? buildModel(scenario.network), kinds, opts.shared === true) : [...opts.programs];
  const sampler = makeShockSampler(scenario.shocks, scenario.horizon, (s) => kinds.shocks.of(s).bypass?.(s, scenario.network) ?? -1);
  let simulators: Simulator[] | undefined;
  const first = networks[0]!;
  return {
    scenario,
    seed: opts.seed ?? scenario.seed,
    options,
    networks,
    get simulators() {
      // one set of pair scratch for all: options run one after another within a trial
      if (simulators === undefined) {
        const scratch = PairScratch.forPrograms(networks);
        simulators = networks.map((program) => new Simulator(program, scratch));
      }
      return simulators;
    },
    sampler,
    scoredGoods: Array.from(first.scoredGood, (g) => first.goodIds[g]!),
  };
}

function compileOptions(scenario: Scenario, options: readonly OptionSpec[], graph: SupplyGraph, kinds: Kinds, shared: boolean): Program[] {
  const policyIndex = new Map(scenario.policies.map((p, i) => [p.id, i]));
  return options.map((option) => {
    // file order, whatever order the option lists its policies in (optionsOf resolved the ids)
    const indices = option.policies.map((id) => policyIndex.get(id) ?? unresolvedPolicy(option, id));
    const chosen = indices.sort((a, b) => a - b).map((i) => scenario.policies[i]!);
    const program = compileProgram(graph, scenario, chosen, kinds);
    return shared ? shareProgram(program) : program;
  });
}

function unresolvedPolicy(option: OptionSpec, id: string): never {
  throw new Error(`internal: option '${option.id}' names policy '${id}', which the scenario does not define`);
}

/** Per option and row, a hook called after each simulated period (trajectories), or none. */
export type PeriodObserver = (option: number, row: number) => ((t: number) => void) | undefined;

/**
 * Runs trials [first, first + count) for every option; results are in trial order. With `into`
 * (result arrays of a range that holds these trials), rows are written there and it is returned.
 */
export function runTrials(prepared: PreparedRun, first: number, count: number, observe?: PeriodObserver, into?: TrialResults[]): TrialResults[] {
  const { sampler, simulators, networks, seed } = prepared;
  const nScored = prepared.scoredGoods.length;
  const results = into ?? simulators.map(() => newTrialResults(first, count, nScored));
  const offset = into === undefined ? 0 : first - into[0]!.first;
  const draws = newShockDraws(sampler.shocks.length, sampler);
  const stageOn = networks.map((net) => new Uint8Array(net.nStages));
  // Each uncertain policy is drawn once per trial, from its own stream (MODEL §6), and shared by
  // every option that holds it; stages of certain policies are always on.
  const uncertain = [
    ...new Set(networks.flatMap((net) => net.stagePolicyIds.filter((_, k) => net.stageProbability[k]! < 1))),
  ];
  const drawOf = networks.map((net) => Int32Array.from(net.stagePolicyIds, (id) => uncertain.indexOf(id)));
  const u = new Float64Array(uncertain.length);
  const streams = new TrialStreams(seed);
  for (let row = 0; row < count; row++) {
    const trial = first + row;
    for (let i = 0; i < uncertain.length; i++) u[i] = streams.policyDraw(trial, uncertain[i]!);
    sampleShocks(sampler, streams.shocks(trial), draws);
    for (let o = 0; o < simulators.length; o++) {
      const net = networks[o]!;
      const on = stageOn[o]!;
      const which = drawOf[o]!;
      for (let k = 0; k < net.nStages; k++) {
        const d = which[k]!;
        on[k] = d < 0 || u[d]! < net.stageProbability[k]! ? 1 : 0;
      }
      simulators[o]!.run(draws, on, results[o]!, offset + row, observe?.(o, row));
    }
  }
  return results;
}

/**
 * Runs trials [first, first + count) and records, per option, the availability r of every scored
 * good in every period: `[(row * horizon + t) * nScored + h]`. The same trials as `runTrials`.
 */
export function traceAvailability(prepared: PreparedRun, first: number, count: number): Float64Array[] {
  const nS = prepared.scoredGoods.length;
  const H = prepared.scenario.horizon;
  const traces = prepared.simulators.map(() => new Float64Array(count * H * nS));
  runTrials(prepared, first, count, (o, row) => {
    const ratio = prepared.simulators[o]!.ratio;
    const scoredSlot = prepared.networks[o]!.scoredSlot;
    const trace = traces[o]!;
    return (t) => {
      for (let h = 0; h < nS; h++) trace[(row * H + t) * nS + h] = ratio[scoredSlot[h]!]!;
    };
  });
  return traces;
}
