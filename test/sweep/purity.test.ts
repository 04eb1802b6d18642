import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// ARCHITECTURE: src/sweep is pure core (designs, paths, statistics, text); files and threads are in
// src/io and src/cli.
const dir = join(import.meta.dirname, "../../src/sweep");

describe("src/sweep is pure", () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
    it(file, () => {
      const code = readFileSync(join(dir, file), "utf8").replace(/^\s*\/\/.*$/gm, "");
      expect(code).not.toMatch(/from\s+["']node:/);
      expect(code).not.toMatch(/\bprocess\.|\bconsole\.|Date\.now|Math\.random/);
    });
  }
});
