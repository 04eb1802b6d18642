// The second half of the golden cases (see golden.test.ts).
import { describe } from "vitest";
import { goldenCases } from "../scripts/golden.ts";
import { checkGolden } from "./helpers/golden.ts";

describe("golden outputs (second half)", () => {
  for (const c of goldenCases().filter((_, i) => i % 2 === 1)) checkGolden(c);
});
