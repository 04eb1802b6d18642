// Summarises a V8 .cpuprofile: self time by function, and optionally by source line of one function.
//   node bench/cpuprofile-top.mjs <file.cpuprofile> [top=25] [function-name]
// Line numbers refer to the code V8 ran: profile an esbuild bundle (see bench/RESULTS.md) to get
// real lines, since tsx's transform puts a module on very few lines.
import fs from "node:fs";

const [file, topArg, fn] = process.argv.slice(2);
if (file === undefined) {
  console.error("usage: node bench/cpuprofile-top.mjs <file.cpuprofile> [top] [function]");
  process.exit(2);
}
const prof = JSON.parse(fs.readFileSync(file, "utf8"));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const selfTime = new Map();
let total = 0;
prof.samples.forEach((id, i) => {
  const dt = prof.timeDeltas[i] ?? 0;
  total += dt;
  const cf = byId.get(id).callFrame;
  const key = `${cf.functionName || "(anonymous)"}  ${cf.url.split("/").slice(-2).join("/")}:${cf.lineNumber + 1}`;
  selfTime.set(key, (selfTime.get(key) ?? 0) + dt);
});
for (const [key, t] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg ?? 25))) {
  console.log(`${((100 * t) / total).toFixed(1).padStart(5)}%  ${key}`);
}
if (fn !== undefined) {
  const ticks = new Map();
  let url = "";
  for (const n of prof.nodes) {
    if (n.callFrame.functionName !== fn) continue;
    url = n.callFrame.url;
    for (const pt of n.positionTicks ?? []) ticks.set(pt.line, (ticks.get(pt.line) ?? 0) + pt.ticks);
  }
  const src = url.startsWith("file://") ? fs.readFileSync(new URL(url), "utf8").split("\n") : [];
  const sum = [...ticks.values()].reduce((a, b) => a + b, 0);
  console.log(`\n${fn}: ticks by line`);
  for (const [line, t] of [...ticks].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    console.log(`${((100 * t) / sum).toFixed(1).padStart(5)}%  ${String(line).padStart(5)}  ${(src[line - 1] ?? "").trim().slice(0, 100)}`);
  }
}
