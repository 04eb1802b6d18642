import { describe, expect, it } from "vitest";
import { buildModel, goodsInBomOrder, networkSchema } from "../src/index.ts";

describe("model", () => {
  it("orders goods inputs-first", () => {
    const network = networkSchema.parse({
      countries: [{ id: "JP", name: "Japan" }],
      goods: [
        { id: "magnet", name: "Magnet", unit: "t", price: 1, inputs: { ndpr: 0.3 } },
        { id: "ndpr", name: "NdPr", unit: "t", price: 1 },
      ],
      producers: [],
      flows: [],
      demand: [],
    });
    expect(goodsInBomOrder(buildModel(network)).map((g) => g.id)).toEqual(["ndpr", "magnet"]);
  });
});
