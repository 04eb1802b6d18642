// Writes schema/scenario, network, episode, portfolio and sweep .schema.json from the zod schemas
// (`npm run schema:write`); a test fails when the committed files fall behind.
import { writeFile } from "node:fs/promises";
import { renderJsonSchema, schemaKinds } from "../src/scenario/json-schema.ts";

for (const kind of schemaKinds) {
  const target = new URL(`../schema/${kind}.schema.json`, import.meta.url);
  await writeFile(target, renderJsonSchema(kind));
  console.log(`wrote schema/${kind}.schema.json`);
}

const { renderPortfolioJsonSchema } = await import("../src/scenario/portfolio.ts");
await writeFile(new URL("../schema/portfolio.schema.json", import.meta.url), renderPortfolioJsonSchema());
console.log("wrote schema/portfolio.schema.json");

const { renderSweepJsonSchema } = await import("../src/sweep/json-schema.ts");
await writeFile(new URL("../schema/sweep.schema.json", import.meta.url), renderSweepJsonSchema());
console.log("wrote schema/sweep.schema.json");
