// Who can coerce whom: for every (coercer country, good it exports, target country), a full
// export control of that good against that target alone, the target's unmet share and value lost,
// and what the coercer gives up in exports. The quantified form of "weaponized interdependence"
// (Farrell & Newman, International Security 44(1), 2019); docs/leverage.md.
import { exportControl } from "../kinds/shocks/export-control.ts";
import type { Network, Scenario } from "../scenario/schema.ts";
import { descending } from "./stress.ts";

/** One coercer's control of one good against one target, before it is run. */
export interface LeveragePlan {
  coercer: string;
  good: string;
  target: string;
  /** the coercer's baseline exports of the good to the target, units per period */
  exports: number;
}

/** The shock duration and horizon every cell runs with. */
export interface LeverageShape {
  duration: number;
  horizon: number;
}

/** Countries with scored (final) demand: the only ones an unmet share is defined for. */
export function countriesWithDemand(network: Network): Set<string> {
  return new Set(network.demand.filter((d) => d.volume > 0).map((d) => d.country));
}

/**
 * The cells worth running: a control only changes anything where the coercer ships the good to
 * the target (elsewhere nothing is cut and nobody is short, so damage and cost are exactly 0).
 * With a home: every coercer's control against the home (threats), and the home's own controls
 * against those coercers (counter-leverage). Without: every pair.
 */
export function leveragePlans(network: Network, home?: string): LeveragePlan[] {
  const producer = new Map(network.producers.map((p) => [p.id, p]));
  const scored = countriesWithDemand(network);
  const exports = new Map<string, LeveragePlan>();
  for (const f of network.flows) {
    const p = producer.get(f.from)!;
    if (p.country === f.to || f.volume <= 0 || !scored.has(f.to)) continue;
    const key = `${p.country}\u0000${p.good}\u0000${f.to}`;
    const plan = exports.get(key) ?? { coercer: p.country, good: p.good, target: f.to, exports: 0 };
    plan.exports += f.volume;
    exports.set(key, plan);
  }
  const order = (a: LeveragePlan, b: LeveragePlan) =>
    a.coercer.localeCompare(b.coercer) || a.good.localeCompare(b.good) || a.target.localeCompare(b.target);
  const all = [...exports.values()].sort(order);
  if (home === undefined) return all;
  const threats = all.filter((p) => p.target === home);
  const coercers = new Set(threats.map((p) => p.coercer));
  return [...threats, ...all.filter((p) => p.coercer === home && coercers.has(p.target))];
}

/** The scenario a cell runs: the target scored, the coercer's control of the good against it alone, no policies. */
export function leverageScenario(base: Scenario, plan: LeveragePlan, shape: LeverageShape): Scenario {
  const shock = exportControl.schema.parse({
    id: `leverage-${plan.coercer}-${plan.good}-${plan.target}`,
    type: exportControl.type,
    imposer: plan.coercer,
    goods: [plan.good],
    targets: [plan.target],
    start: 0,
    duration: shape.duration,
  });
  return { ...base, home: plan.target, horizon: shape.horizon, shocks: [shock], policies: [], options: {} };
}

export interface LeverageCell extends LeveragePlan {
  /** the target's unmet share U over the horizon, 0–1 */
  unmet: number;
  /** price × volume of the target's final demand left unmet */
  valueLost: number;
  /** the coercer's lost export value: baseline exports × price × periods of the control */
  coercerCost: number;
  /** valueLost / coercerCost: damage per unit of the coercer's own cost */
  damagePerCost: number;
}

/** The coercer's cost of a cell: its baseline exports of the good to the target over the control's periods. */
export function coercerCost(network: Network, plan: LeveragePlan, shape: LeverageShape): number {
  const price = network.goods.find((g) => g.id === plan.good)?.price ?? 0;
  return plan.exports * price * Math.min(shape.duration, shape.horizon);
}

export function leverageCell(plan: LeveragePlan, unmet: number, valueLost: number, cost: number): LeverageCell {
  return { ...plan, unmet, valueLost, coercerCost: cost, damagePerCost: cost > 0 ? valueLost / cost : valueLost > 0 ? Number.POSITIVE_INFINITY : 0 };
}

/** One coercer against one target over every good (each good's control run on its own, then summed). */
export interface LeverageSum {
  coercer: string;
  target: string;
  unmet: number;
  valueLost: number;
  coercerCost: number;
}

export interface LeverageReport {
  scenario: string;
  /** the home, when the view is of one country's threats */
  home: string | null;
  horizon: number;
  period: string;
  duration: number;
  coercers: string[];
  targets: string[];
  goods: string[];
  /** every cell run (pairs with no exports are 0 and left out) */
  cells: LeverageCell[];
  /** coercer × target over every good */
  summed: LeverageSum[];
  /** with a home: the controls against it that hurt, most damage per unit of the coercer's cost first */
  threats: LeverageCell[];
  /** with a home: its own controls against the coercers that threaten it, most damage first */
  counter: LeverageCell[];
}

/** Sums the cells of each coercer and target pair over goods. */
export function sumCells(cells: readonly LeverageCell[]): LeverageSum[] {
  const sums = new Map<string, LeverageSum>();
  for (const c of cells) {
    const key = `${c.coercer}\u0000${c.target}`;
    const s = sums.get(key) ?? { coercer: c.coercer, target: c.target, unmet: 0, valueLost: 0, coercerCost: 0 };
    s.unmet += c.unmet;
    s.valueLost += c.valueLost;
    s.coercerCost += c.coercerCost;
    sums.set(key, s);
  }
  return [...sums.values()].sort((a, b) => a.coercer.localeCompare(b.coercer) || a.target.localeCompare(b.target));
}

/** Assembles the report: the matrix, and with a home its threats and counter-leverage ranked. */
export function makeLeverageReport(base: Scenario, home: string | undefined, shape: LeverageShape, cells: LeverageCell[]): LeverageReport {
  const uniq = (xs: string[]) => [...new Set(xs)].sort();
  const byDamage = (a: LeverageCell, b: LeverageCell) =>
    descending(a.damagePerCost, b.damagePerCost) || descending(a.valueLost, b.valueLost) || a.coercer.localeCompare(b.coercer) || a.good.localeCompare(b.good);
  const hurts = (c: LeverageCell) => c.valueLost > 0;
  return {
    scenario: base.name,
    home: home ?? null,
    horizon: shape.horizon,
    period: base.period,
    duration: shape.duration,
    coercers: uniq(cells.map((c) => c.coercer)),
    targets: uniq(cells.map((c) => c.target)),
    goods: uniq(cells.map((c) => c.good)),
    cells,
    summed: sumCells(cells),
    threats: home === undefined ? [] : cells.filter((c) => c.target === home && hurts(c)).sort(byDamage),
    counter:
      home === undefined
        ? []
        : cells
            .filter((c) => c.coercer === home && hurts(c))
            .sort((a, b) => descending(a.valueLost, b.valueLost) || a.target.localeCompare(b.target) || a.good.localeCompare(b.good)),
  };
}
