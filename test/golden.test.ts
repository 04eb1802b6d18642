// Numbers change only on purpose: every golden command's output is byte-identical to the file
// committed in test/golden/. A deliberate change regenerates them (`npm run golden:write`) in its
// own commit that says why the numbers moved. The cases are split over this file and
// golden-more.test.ts (and the two-worker check over golden-workers.test.ts) so that the test
// runner's parallel workers share them.
import { describe } from "vitest";
import { goldenCases } from "../scripts/golden.ts";
import { checkGolden } from "./helpers/golden.ts";

describe("golden outputs (first half)", () => {
  for (const c of goldenCases().filter((_, i) => i % 2 === 0)) checkGolden(c);
});
