// A `.json` file is read with JSON.parse (the YAML parser only when a position is needed), and
// gives the same value, the same refusals and the same positions as through the YAML parser.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type * as yaml from "yaml";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { locate, parseSource } from "../../src/scenario/parse.ts";
import { runCli } from "../helpers/cli.ts";

// count the YAML parser's documents: the module is replaced by itself with a counting parseDocument
const parsed = vi.hoisted(() => ({ documents: 0 }));
vi.mock("yaml", async (original) => {
  const real = await original<typeof yaml>();
  const parseDocument: typeof real.parseDocument = (...args: Parameters<typeof real.parseDocument>) => {
    parsed.documents++;
    return real.parseDocument(...args);
  };
  return { ...real, parseDocument };
});
const yamlDocuments = () => parsed.documents;
beforeEach(() => {
  parsed.documents = 0;
});

// escapes, unicode, numbers of every JSON form, empty containers, a key named like a value
const varied = `{
  "name": "caf\\u00e9 \\"quoted\\" \\\\ tab\\t",
  "numbers": [0, -0.5, 1e3, 2.5E-3, 12345678901234567890, -7],
  "flags": [true, false, null],
  "empty": {"list": [], "map": {}},
  "unicode": "\\ud83d\\ude00 日本",
  "nested": [{"a": "b"}, {"a": "c", "b": [{"a": 1}]}]
}
`;

describe("a .json file", () => {
  it("gives the value the YAML parser gives, without running it", () => {
    const fast = parseSource(varied, "v.json");
    expect(yamlDocuments()).toBe(0);
    expect(fast.issues).toEqual([]);
    const viaYaml = parseSource(varied, "v.yaml");
    expect(yamlDocuments()).toBe(1);
    expect(fast.value).toEqual(viaYaml.value);
    expect((fast.value as { name: string }).name).toBe('café "quoted" \\ tab\t');
  });

  it("parses its YAML document once, when a position is first needed, at the same place", () => {
    const text = '{\n  "flows": [\n    {"from": "a", "to": "JP"},\n    {"from": "nope", "to": "JP"}\n  ]\n}\n';
    const source = parseSource(text, "n.json");
    expect(yamlDocuments()).toBe(0);
    // line 4 is the second flow; its "from" value starts after `    {"from": ` (13 characters): column 14
    expect(locate(source, ["flows", 1, "from"])).toEqual({ line: 4, col: 14 });
    expect(locate(source, ["flows", 0, "to"])).toEqual({ line: 3, col: 25 });
    expect(yamlDocuments()).toBe(1);
  });

  it("refuses a repeated key at the second one, as YAML does, escaped spellings included", () => {
    const duplicate = { path: "", message: "duplicate key: each key may appear only once in a map" };
    // the second "home" starts line 3, column 3
    expect(parseSource('{\n  "home": "JP",\n  "home": "KR"\n}\n', "d.json").issues).toEqual([{ file: "d.json", line: 3, col: 3, ...duplicate }]);
    // "\u0061" is "a": the second key of the inner map, after `  {"a": 1, "b": {"a": 2, ` (25 characters): line 2, column 26
    expect(parseSource('{"x": [\n  {"a": 1, "b": {"a": 2, "\\u0061": 3}}]}', "e.json").issues).toEqual([{ file: "e.json", line: 2, col: 26, ...duplicate }]);
  });

  it("takes the same key in sibling maps, and values that spell keys, as no repetition", () => {
    const text = '[{"a": "a"}, {"a": "b:", "b": "a"}, {"c": {"a": 1}, "a": ["a", "a"]}]';
    const source = parseSource(text, "s.json");
    expect(source.issues).toEqual([]);
    expect(yamlDocuments()).toBe(0);
    expect(source.value).toEqual([{ a: "a" }, { a: "b:", b: "a" }, { c: { a: 1 }, a: ["a", "a"] }]);
  });

  it("falls back to the YAML parser for what JSON.parse refuses: located syntax errors, and the YAML it always accepted", () => {
    // a comma is missing before "name": the unexpected text starts after `    {"id": "JP" ` (16 characters), line 3 column 17
    const bad = parseSource('{\n  "countries": [\n    {"id": "JP" "name": "Japan"}\n  ]\n}\n', "bad.json");
    expect(bad.value).toBeUndefined();
    expect(bad.issues[0]).toMatchObject({ file: "bad.json", line: 3, col: 17, path: "" });
    expect(bad.issues[0]?.message).toMatch(/^invalid JSON: /);
    // a comment and a trailing comma are YAML, not JSON: read as before
    expect(parseSource('{"a": 1, # one\n "b": [2,],}\n', "lenient.json").value).toEqual({ a: 1, b: [2] });
    expect(parseSource("null\n", "n.json").issues).toEqual([{ file: "n.json", line: 1, col: 1, path: "", message: "the document is empty" }]);
  });

  it("keeps the command line's located problems: file, line, column and sentence, exit 2", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "chokepoint-json-"));
    await writeFile(path.join(dir, "net.json"), '{\n  "countries": [\n    {"id": "JP" "name": "Japan"}\n  ]\n}\n');
    await writeFile(path.join(dir, "dup.json"), '{"countries": [], "goods": [], "goods": []}');
    const { code, stderr } = await runCli(["validate", "net.json", "dup.json"], dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^net\.json:3:17 {2}\(document\) {2}invalid JSON: /m);
    // the second "goods" key starts after `{"countries": [], "goods": [], ` (31 characters): column 32
    expect(stderr).toContain("dup.json:1:32  (document)  duplicate key: each key may appear only once in a map");
    expect(stderr).not.toMatch(/\bat \S+:\d+:\d+\)/);
  });
});
