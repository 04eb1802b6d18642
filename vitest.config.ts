import { defineConfig } from "vitest/config";

export default defineConfig({
  // "chokepoint" resolves to the TypeScript sources under test, not to the compiled dist/.
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"] } },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    pool: "forks",
  },
});
