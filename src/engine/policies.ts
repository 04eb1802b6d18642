// Policy kinds (MODEL §3): each owns how it transforms the network plan before trials run.
// Kinds apply in a fixed order (diversify, capacity, recycling, substitution, stockpile,
// partnership) so an option's result never depends on how its policies are listed.
import { InputError } from "../errors.ts";
import type { Policy, PolicyType } from "../scenario/schema.ts";
import {
  countryIndexOf,
  goodIndexOf,
  type NetworkPlan,
  type PlanStage,
  resolveCountries,
  useKey,
} from "./plan.ts";

interface PolicyKind<T extends PolicyType> {
  type: T;
  apply(plan: NetworkPlan, policy: Extract<Policy, { type: T }>, where: string): void;
}

const diversify: PolicyKind<"diversify"> = {
  type: "diversify",
  apply(plan, p, where) {
    const c = countryIndexOf(plan, p.country, `${where}.country`);
    const g = goodIndexOf(plan, p.good, `${where}.good`);
    const from = resolveCountries(plan, p.from, `${where}.from`);
    const to = resolveCountries(plan, p.to, `${where}.to`);
    const receivers = plan.producers
      .map((q, i) => ({ q, i }))
      .filter(({ q }) => q.good === g && to[q.country] === 1 && from[q.country] !== 1 && q.standbyOwner < 0);
    const totalCap = receivers.reduce((s, { q }) => s + q.capacity, 0);
    if (receivers.length === 0 || totalCap <= 0) {
      throw new InputError([
        { path: `${where}.to`, message: `no producer of '${p.good}' with capacity stands in ${p.to.join(", ")}` },
      ]);
    }
    let moved = 0;
    for (const f of plan.flows) {
      const q = plan.producers[f.producer];
      if (f.to === c && q !== undefined && q.good === g && from[q.country] === 1) {
        moved += f.volume * p.share;
        f.volume *= 1 - p.share;
      }
    }
    for (const { q, i } of receivers) {
      const add = (moved * q.capacity) / totalCap;
      if (add <= 0) continue;
      const existing = plan.flows.find((f) => f.producer === i && f.to === c);
      if (existing) existing.volume += add;
      else plan.flows.push({ producer: i, to: c, volume: add, route: routeBetween(plan, q.country, c) });
      const load = plan.flows.reduce((s, f) => (f.producer === i ? s + f.volume : s), 0);
      // the investment: the receiving producer's capacity grows to carry its new load
      if (load > q.capacity) q.capacity = load;
    }
  },
};

/** A new flow's route: that of any existing flow between the same two countries, else direct. */
function routeBetween(plan: NetworkPlan, from: number, to: number): number[] {
  const same = plan.flows.find((f) => f.to === to && plan.producers[f.producer]?.country === from);
  return same ? [...same.route] : [];
}

const capacity: PolicyKind<"capacity"> = {
  type: "capacity",
  apply(plan, p, where) {
    const c = countryIndexOf(plan, p.country, `${where}.country`);
    const g = goodIndexOf(plan, p.good, `${where}.good`);
    const producer = plan.producers.length;
    plan.producers.push({
      id: `policy:${p.id}`,
      country: c,
      good: g,
      capacity: p.units,
      standbyOwner: p.mode === "standby" ? c : -1,
      immune: false,
    });
    const stage: PlanStage = {
      policyId: p.id,
      from: p.buildPeriods,
      successProbability: 1,
      flows: new Map(),
      uses: new Map(),
      producers: new Map([[producer, [0, 1]]]),
    };
    if (p.mode === "displace") {
      // baseline use: policies applied before this one keep each country's total inflow
      const inflow = plan.use0.get(useKey(plan, c, g)) ?? 0;
      const supplied = Math.min(p.units, inflow);
      const keep = inflow > 0 ? 1 - supplied / inflow : 1;
      plan.flows.forEach((f, i) => {
        if (f.to === c && plan.producers[f.producer]?.good === g) stage.flows.set(i, [1, keep]);
      });
      stage.flows.set(plan.flows.length, [0, 1]);
      plan.flows.push({ producer, to: c, volume: supplied, route: [] });
    }
    plan.stages.push(stage);
  },
};

const recycling: PolicyKind<"recycling"> = {
  type: "recycling",
  apply(plan, p, where) {
    const c = countryIndexOf(plan, p.country, `${where}.country`);
    const g = goodIndexOf(plan, p.good, `${where}.good`);
    const use = plan.use0.get(useKey(plan, c, g)) ?? 0;
    for (const f of plan.flows) if (f.to === c && plan.producers[f.producer]?.good === g) f.volume *= 1 - p.share;
    const producer = plan.producers.length;
    plan.producers.push({
      id: `policy:${p.id}`,
      country: c,
      good: g,
      capacity: p.share * use,
      standbyOwner: -1,
      immune: true,
    });
    plan.flows.push({ producer, to: c, volume: p.share * use, route: [] });
  },
};

const substitution: PolicyKind<"substitution"> = {
  type: "substitution",
  apply(plan, p, where) {
    const c = countryIndexOf(plan, p.country, `${where}.country`);
    const g = goodIndexOf(plan, p.good, `${where}.good`);
    const keep = 1 - p.share;
    const stage: PlanStage = {
      policyId: p.id,
      from: p.delayPeriods,
      successProbability: p.successProbability,
      flows: new Map(),
      uses: new Map([[useKey(plan, c, g), [1, keep]]]),
      producers: new Map(),
    };
    plan.flows.forEach((f, i) => {
      if (f.to === c && plan.producers[f.producer]?.good === g) stage.flows.set(i, [1, keep]);
    });
    plan.stages.push(stage);
  },
};

const stockpile: PolicyKind<"stockpile"> = {
  type: "stockpile",
  apply(plan, p, where) {
    const key = useKey(plan, countryIndexOf(plan, p.country, `${where}.country`), goodIndexOf(plan, p.good, `${where}.good`));
    // sized on baseline use before any policy (MODEL §4 step 4)
    const units = p.units ?? (p.periods ?? 0) * (plan.use0.get(key) ?? 0);
    plan.stockpiles.set(key, (plan.stockpiles.get(key) ?? 0) + units);
  },
};

const partnership: PolicyKind<"partnership"> = {
  type: "partnership",
  apply(plan, p, where) {
    const goods = new Uint8Array(plan.goodIds.length);
    p.goods.forEach((id, i) => {
      goods[goodIndexOf(plan, id, `${where}.goods[${i}]`)] = 1;
    });
    plan.partnerships.push({ countries: resolveCountries(plan, [p.group], `${where}.group`), goods });
  },
};

const kinds: { [T in PolicyType]: PolicyKind<T> } = {
  diversify,
  capacity,
  recycling,
  substitution,
  stockpile,
  partnership,
};

/** The order in which kinds apply. */
export const POLICY_ORDER: readonly PolicyType[] = [
  "diversify",
  "capacity",
  "recycling",
  "substitution",
  "stockpile",
  "partnership",
];

/** Applies an option's policies to the plan, kind by kind in POLICY_ORDER, file order within a kind. */
export function applyPolicies(plan: NetworkPlan, policies: readonly { policy: Policy; where: string }[]): void {
  for (const type of POLICY_ORDER) {
    const kind = kinds[type] as PolicyKind<PolicyType>;
    for (const { policy, where } of policies) {
      if (policy.type === type) kind.apply(plan, policy as never, where);
    }
  }
}
