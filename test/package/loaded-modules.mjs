// Preloaded with `node --import` by the package test: records every module the process loads and
// writes the list, one per line, to the file named by LOADED_MODULES_OUT when the process exits.
// ES modules are seen by a resolve hook (which runs in the loader's own thread and posts each
// URL back here); CommonJS modules by the require cache; the flags node was started with too.
import { createRequire, register } from "node:module";
import { writeFileSync } from "node:fs";
import { MessageChannel, receiveMessageOnPort } from "node:worker_threads";

const hook = `
let port;
export function initialize(data) { port = data.port; }
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  port.postMessage(resolved.url);
  return resolved;
}`;
const { port1, port2 } = new MessageChannel();
port1.unref();
register(`data:text/javascript,${encodeURIComponent(hook)}`, { data: { port: port2 }, transferList: [port2] });

process.on("exit", () => {
  const urls = new Set();
  for (let m = receiveMessageOnPort(port1); m !== undefined; m = receiveMessageOnPort(port1)) urls.add(m.message);
  const required = Object.keys(createRequire(import.meta.url).cache);
  const lines = [...process.execArgv.map((a) => `execArgv ${a}`), ...urls, ...required];
  writeFileSync(process.env.LOADED_MODULES_OUT, `${lines.join("\n")}\n`);
});
