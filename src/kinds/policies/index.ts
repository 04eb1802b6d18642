// The policy kinds (MODEL §3). Adding a kind: its file in this folder, and one line below.
import { makeRegistry } from "../registry.ts";
import { capacity } from "./capacity.ts";
import { diversify } from "./diversify.ts";
import { partnership } from "./partnership.ts";
import { recycling } from "./recycling.ts";
import { stockpile } from "./stockpile.ts";
import { substitution } from "./substitution.ts";

/** The policy kinds in file-format order (the order they apply in is each kind's `applyRank`). */
export const policyKinds = [
  stockpile,
  diversify,
  capacity,
  substitution,
  recycling,
  partnership,
] as const;

export const policies = makeRegistry(policyKinds);
