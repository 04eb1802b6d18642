// Writes a large synthetic network as a JSON file and a scenario that names it, for the loading
// and worker-memory figures of bench/RESULTS.md: 100 countries, 120 goods, about 4 300 producers
// and 52 000 flows, about 8 MB of JSON indented by four spaces (under the 10 MB input limit).
//
//   npx tsx bench/large-network.ts DIR     # DIR/network.json and DIR/scenario.json
//   chokepoint validate DIR/network.json
//   chokepoint run DIR/scenario.json --trials 10000 --workers 2
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { type SyntheticSpec, syntheticInput } from "./synthetic.ts";

export const LARGE_NETWORK: SyntheticSpec = {
  name: "xl",
  countries: 100,
  goods: 120,
  producersPerGood: 35,
  flowsPerProducer: 12,
  bomDepth: 4,
  chokepoints: 6,
  horizon: 24,
  seed: 14,
};

const dir = process.argv[2];
if (dir === undefined) {
  process.stderr.write("usage: npx tsx bench/large-network.ts DIR\n");
  process.exit(2);
}
const { network, ...scenario } = syntheticInput(LARGE_NETWORK);
await mkdir(dir, { recursive: true });
const networkText = `${JSON.stringify(network, null, 4)}\n`;
await writeFile(path.join(dir, "network.json"), networkText);
await writeFile(path.join(dir, "scenario.json"), `${JSON.stringify({ ...scenario, network: "network.json" }, null, 2)}\n`);
process.stdout.write(`${path.join(dir, "network.json")}: ${network.flows.length} flows, ${network.producers.length} producers, ${networkText.length} bytes\n`);
