// Random small worlds for property tests: a home H and another consumer K buying x from three
// suppliers A, B, C; random shocks on them (fast-check arbitraries).
import fc from "fast-check";
import type { NetworkInput, ShockInput } from "../../src/scenario/schema.ts";

export const SUPPLIERS = ["A", "B", "C"] as const;

export interface World {
  capacity: number[];
  flow: number[];
  /** a second consumer K buys from the suppliers too */
  other: number[];
  demandShare: number;
  inventoryPeriods: number;
  switchPeriods: number;
}

export const world: fc.Arbitrary<World> = fc
  .record({
    capacity: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 3, maxLength: 3 }),
    flowShare: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
    otherShare: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
    demandShare: fc.double({ min: 0.2, max: 1, noNaN: true }),
    inventoryPeriods: fc.constantFrom(0, 0.5, 1),
    switchPeriods: fc.constantFrom(0, 1, 3),
    withOther: fc.boolean(),
  })
  .map((r) => {
    const flow = r.capacity.map((c, i) => Math.floor(c * (r.flowShare[i] ?? 0) * 0.7));
    const other = r.capacity.map((c, i) =>
      r.withOther ? Math.floor((c - (flow[i] ?? 0)) * (r.otherShare[i] ?? 0) * 0.7) : 0,
    );
    if (!flow.some((f) => f > 0)) flow[0] = 1;
    return { ...r, flow, other };
  });

export function networkOf(w: World): NetworkInput {
  const use = w.flow.reduce((a, b) => a + b, 0);
  const otherUse = w.other.reduce((a, b) => a + b, 0);
  return {
    countries: [
      { id: "H", name: "Home", groups: ["club"] },
      { id: "K", name: "Other consumer" },
      ...SUPPLIERS.map((id, i) => ({ id, name: id, groups: i === 2 ? ["club"] : [] })),
    ],
    goods: [
      { id: "x", name: "X", unit: "t", price: 1, inventoryPeriods: w.inventoryPeriods, switchPeriods: w.switchPeriods },
    ],
    producers: SUPPLIERS.map((id, i) => ({ id: `${id}-x`, country: id, good: "x", capacity: w.capacity[i]! })),
    flows: [
      ...SUPPLIERS.map((id, i) => ({ from: `${id}-x`, to: "H", volume: w.flow[i]! })),
      ...SUPPLIERS.map((id, i) => ({ from: `${id}-x`, to: "K", volume: w.other[i]! })).filter((f) => f.volume > 0),
    ],
    demand: [
      { country: "H", good: "x", volume: use * w.demandShare },
      ...(otherUse > 0 ? [{ country: "K", good: "x", volume: otherUse }] : []),
    ],
  };
}

export const shockArb: fc.Arbitrary<ShockInput> = fc
  .oneof(
  fc.record({
    id: fc.constant("ec"),
    type: fc.constant("export_control" as const),
    imposer: fc.constant("A"),
    goods: fc.constant(["x"]),
    targets: fc.constantFrom(["H"], ["H", "K"], ["all"]),
    probability: fc.double({ min: 0, max: 1, noNaN: true }),
    severity: fc.double({ min: 0, max: 1, noNaN: true }),
    start: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({
    id: fc.constant("out"),
    type: fc.constant("outage" as const),
    producers: fc.constantFrom(["A-x"], ["B-x"], ["A-x", "C-x"]),
    severity: fc.double({ min: 0, max: 1, noNaN: true }),
    duration: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({
    id: fc.constant("blk"),
    type: fc.constant("blockade" as const),
    country: fc.constantFrom("A", "B"),
    severity: fc.double({ min: 0, max: 1, noNaN: true }),
    probability: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  )
  // the literal tuples above are readonly; the schema's input type wants plain arrays
  .map((s) => structuredClone(s) as unknown as ShockInput);

export function uniqueIds(shocks: ShockInput[]): ShockInput[] {
  return shocks.map((s, i) => ({ ...s, id: `${s.id}${i}` }));
}
