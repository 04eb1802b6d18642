// Editor help, checked the way an editor sees it: the YAML language server (yaml-language-server,
// over LSP on stdio) opens a scenario whose first line points at the generated JSON Schema. A
// hover on `severity` shows the field's description, and a typo in a key is one diagnostic.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderJsonSchema } from "../../src/scenario/json-schema.ts";
import { repoRoot } from "../helpers/cli.ts";

type Message = { id?: number; method?: string; params?: any; result?: any };

/** A minimal LSP client: Content-Length framed JSON-RPC over the server's stdin and stdout. */
class Client {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private waiting = new Map<number, (result: unknown) => void>();
  private listeners: ((m: Message) => void)[] = [];

  constructor(private readonly server: ChildProcessWithoutNullStreams) {
    server.stdout.on("data", (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const end = this.buffer.indexOf("\r\n\r\n");
        if (end < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())?.[1]);
        if (this.buffer.length < end + 4 + length) return;
        const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString()) as Message;
        this.buffer = this.buffer.subarray(end + 4 + length);
        this.receive(message);
      }
    });
  }

  private receive(m: Message) {
    if (m.id !== undefined && m.method === undefined) this.waiting.get(m.id)?.(m.result);
    else if (m.id !== undefined) this.send({ id: m.id, result: m.method === "workspace/configuration" ? (m.params.items as unknown[]).map(() => settings.yaml) : null });
    else for (const l of this.listeners) l(m);
  }

  private send(m: object) {
    const body = JSON.stringify({ jsonrpc: "2.0", ...m });
    this.server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  request(method: string, params: unknown): Promise<any> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: unknown) {
    this.send({ method, params });
  }

  /** The next notification of a method that satisfies `accept`. */
  next(method: string, accept: (params: any) => boolean): Promise<any> {
    return new Promise((resolve) => {
      const listener = (m: Message) => {
        if (m.method !== method || !accept(m.params)) return;
        this.listeners = this.listeners.filter((l) => l !== listener);
        resolve(m.params);
      };
      this.listeners.push(listener);
    });
  }
}

const settings = { yaml: { validate: true, hover: true, completion: true, schemaStore: { enable: false }, schemas: {} } };

let dir = "";
let server: ChildProcessWithoutNullStreams;
let client: Client;
let version = 0;

/** Opens `text` as a scenario file next to the generated schema; resolves with its diagnostics. */
async function open(name: string, text: string): Promise<{ uri: string; diagnostics: { message: string }[] }> {
  const uri = pathToFileURL(path.join(dir, name)).href;
  writeFileSync(path.join(dir, name), text);
  const published = client.next("textDocument/publishDiagnostics", (p) => p.uri === uri);
  client.notify("textDocument/didOpen", { textDocument: { uri, languageId: "yaml", version: ++version, text } });
  return { uri, diagnostics: (await published).diagnostics };
}

/** A bundled test scenario, pointed at the schema the code generates (not the committed file). */
function scenarioText(): string {
  const text = readFileSync(path.join(repoRoot, "test/data/valid/scenario.yaml"), "utf8");
  const schema = pathToFileURL(path.join(dir, "scenario.schema.json")).href;
  return text.replace(/^# yaml-language-server: \$schema=.*$/m, `# yaml-language-server: $schema=${schema}`);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "chokepoint-yls-"));
  writeFileSync(path.join(dir, "scenario.schema.json"), renderJsonSchema("scenario"));
  const bin = createRequire(import.meta.url).resolve("yaml-language-server/bin/yaml-language-server");
  server = spawn(process.execPath, [bin, "--stdio"], { stdio: "pipe" });
  client = new Client(server);
  await client.request("initialize", {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    capabilities: { textDocument: { hover: { contentFormat: ["markdown", "plaintext"] }, publishDiagnostics: {} }, workspace: { configuration: true } },
  });
  client.notify("initialized", {});
  client.notify("workspace/didChangeConfiguration", { settings });
}, 30_000);

afterAll(() => {
  server?.kill();
  if (dir !== "") rmSync(dir, { recursive: true, force: true });
});

describe("the scenario schema in the YAML language server", () => {
  it("reports no problem in a valid scenario, and shows severity's description on hover", async () => {
    const text = scenarioText();
    const { uri, diagnostics } = await open("valid.yaml", text);
    expect(diagnostics).toEqual([]);
    const lines = text.split("\n");
    const line = lines.findIndex((l) => l.trimStart().startsWith("severity:"));
    const hover = await client.request("textDocument/hover", { textDocument: { uri }, position: { line, character: lines[line]!.indexOf("severity") + 2 } });
    const shown = JSON.stringify(hover?.contents);
    expect(shown).toContain("share of what the shock hits that is lost");
  }, 30_000);

  it("reports a typo in a shock's key as one diagnostic naming the key", async () => {
    const text = scenarioText().replace(/^(\s+)severity:/m, "$1severty:");
    expect(text).toContain("severty:");
    const { diagnostics } = await open("typo.yaml", text);
    expect(diagnostics.map((d) => d.message)).toEqual(["Property severty is not allowed."]);
  }, 30_000);
});
