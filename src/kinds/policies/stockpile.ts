// Strategic stockpile (MODEL §3): units held by a country for a good, drawn after commercial
// inventory; sized in periods of baseline use before any policy (MODEL §4 step 4).
import { z } from "zod";
import { definePolicy } from "../define.ts";
import { countryGoodOf, useKey } from "../../engine/plan.ts";
import { id, nonNegative, periods } from "../fields.ts";

export const stockpile = definePolicy(
  "stockpile",
  {
    country: id.describe("the country that holds the stockpile"),
    good: id.describe("the good stocked"),
    periods: nonNegative.optional().describe("size in periods of the country's baseline use (or give units)"),
    units: nonNegative.optional().describe("size in the good's unit (or give periods)"),
    refillPeriods: periods
      .optional()
      .describe("rebuild the stock over this many periods once the country is no longer short, buying from suppliers' spare; absent = never (docs/model.md, stock refill)"),
  },
  {
    refs: { country: "country", good: "good" },
    stubValues: { units: 0 },
    applyRank: 5,
    apply(plan, p) {
      const key = useKey(plan, ...countryGoodOf(plan, p));
      const units = p.units ?? (p.periods ?? 0) * (plan.use0.get(key) ?? 0);
      plan.stockpiles.set(key, (plan.stockpiles.get(key) ?? 0) + units);
      if (p.refillPeriods !== undefined && p.refillPeriods > 0) plan.stockpileRefill.set(key, p.refillPeriods);
    },
  },
  (s) =>
    s
      .refine((p) => (p.periods === undefined) !== (p.units === undefined), {
        message: "needs exactly one of periods or units",
        path: ["periods"],
      }),
);
