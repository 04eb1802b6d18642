// The hand-built network of the stress and leverage tests: three countries, two goods, one strait.
//
//   A (home) buys x: 10/period from bx (B), routed through the strait S; inventory 2 periods = 20.
//            buys y:  4/period from cy (C), no route; inventory 1 period = 4.
//   B        buys y:  2/period from cy (C) and 1/period from ay (A); inventory 1 period = 3.
//   cx (C, x) has capacity 3 and no flows: pure spare.  cy (C, y) capacity 6, all of it shipped.
//   prices: x 10, y 5; horizon 10.  A's baseline demand value per period: 10·10 + 5·4 = 120,
//   so over the horizon 1200 (the denominator of A's unmet share); B's: 5·3·10 = 150.
import { networkSchema, type Network } from "../../src/scenario/schema.ts";
import type { LoadedInput } from "../../src/io/load.ts";

export function threeCountryNetwork(): Network {
  return networkSchema.parse({
    name: "three countries",
    countries: [
      { id: "A", name: "Aland" },
      { id: "B", name: "Bland" },
      { id: "C", name: "Cland" },
    ],
    goods: [
      { id: "x", name: "X", unit: "t", price: 10, inventoryPeriods: 2 },
      { id: "y", name: "Y", unit: "t", price: 5, inventoryPeriods: 1 },
    ],
    producers: [
      { id: "bx", country: "B", good: "x", capacity: 10 },
      { id: "cx", country: "C", good: "x", capacity: 3 },
      { id: "cy", country: "C", good: "y", capacity: 6 },
      { id: "ay", country: "A", good: "y", capacity: 1 },
    ],
    chokepoints: [{ id: "S", name: "the Strait" }],
    flows: [
      { from: "bx", to: "A", volume: 10, route: ["S"] },
      { from: "cy", to: "A", volume: 4 },
      { from: "cy", to: "B", volume: 2 },
      { from: "ay", to: "B", volume: 1 },
    ],
    demand: [
      { country: "A", good: "x", volume: 10 },
      { country: "A", good: "y", volume: 4 },
      { country: "B", good: "y", volume: 3 },
    ],
  });
}

export const threeCountryInput = (): LoadedInput => ({ kind: "network", network: threeCountryNetwork(), file: "three.yaml" });
