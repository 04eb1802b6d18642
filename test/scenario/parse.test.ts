import { describe, expect, it } from "vitest";
import { locate, parseSource } from "../../src/scenario/parse.ts";

const yamlText = `name: Gallium
shocks:
  - id: cn-ga
    type: export_control
    targets: [JP, likeminded]
    severity: {dist: uniform, min: 0.4, max: 1.4}
  - id: strait
    type: chokepoint_closure
options:
  empty:
`;

describe("parseSource", () => {
  it("keeps the plain value of YAML", () => {
    const source = parseSource(yamlText, "s.yaml");
    expect(source.issues).toEqual([]);
    expect(source.file).toBe("s.yaml");
    expect(source.value).toMatchObject({ name: "Gallium", shocks: [{ targets: ["JP", "likeminded"] }, { id: "strait" }] });
  });

  it("turns syntax errors into positioned issues, and gives no value", () => {
    const source = parseSource("a: 1\nb: [1, 2\nc: 3\n", "bad.yaml");
    expect(source.value).toBeUndefined();
    expect(source.issues[0]).toMatchObject({ file: "bad.yaml", line: 3, col: 1, path: "" });
    expect(source.issues[0]?.message).toMatch(/^invalid YAML: /);
  });

  it("names JSON as the syntax of a .json file", () => {
    const source = parseSource('{"name": "x",\n', "bad.json");
    expect(source.issues[0]?.message).toMatch(/^invalid JSON: /);
  });

  it("rejects duplicate keys at the second one", () => {
    const source = parseSource("home: JP\nhorizon: 12\nhome: KR\n", "dup.yaml");
    expect(source.issues).toEqual([
      { file: "dup.yaml", line: 3, col: 1, path: "", message: "duplicate key: each key may appear only once in a map" },
    ]);
  });

  it("rejects a second document and an empty one", () => {
    expect(parseSource("a: 1\n---\nb: 2\n").issues).toEqual([
      { line: 2, col: 1, path: "", message: "a file holds one document, but a second one starts here (---)" },
    ]);
    expect(parseSource("# only a comment\n").issues).toEqual([{ line: 1, col: 1, path: "", message: "the document is empty" }]);
  });

  it("parses JSON as YAML, tabs included", () => {
    const source = parseSource('{\n\t"home": "JP",\n\t"shocks": [\n\t\t{"id": "a", "severity": 1.4}\n\t]\n}\n');
    expect(source.issues).toEqual([]);
    expect(source.value).toEqual({ home: "JP", shocks: [{ id: "a", severity: 1.4 }] });
    expect(locate(source, ["shocks", 0, "severity"])).toEqual({ line: 4, col: 27 });
  });
});

describe("locate", () => {
  const source = parseSource(yamlText);

  it("finds values in block and flow collections", () => {
    expect(locate(source, ["name"])).toEqual({ line: 1, col: 7 });
    expect(locate(source, ["shocks", 0, "type"])).toEqual({ line: 4, col: 11 });
    expect(locate(source, ["shocks", 0, "targets", 1])).toEqual({ line: 5, col: 19 });
    expect(locate(source, ["shocks", 0, "severity", "max"])).toEqual({ line: 6, col: 46 });
  });

  it("points at the key on request", () => {
    expect(locate(source, ["shocks", 1, "type"], "key")).toEqual({ line: 8, col: 5 });
  });

  it("falls back to the deepest node that exists: for a missing key, the map that should hold it", () => {
    expect(locate(source, ["shocks", 1, "chokepoint"])).toEqual({ line: 7, col: 5 });
    expect(locate(source, ["shocks", 5, "id"])).toEqual({ line: 3, col: 3 });
    expect(locate(source, ["horizon"])).toEqual({ line: 1, col: 1 });
    expect(locate(source, [])).toEqual({ line: 1, col: 1 });
  });

  it("points at a key whose value is empty", () => {
    expect(locate(source, ["options", "empty"])).toEqual({ line: 10, col: 9 });
  });

  it("follows aliases into the anchored node", () => {
    const aliased = parseSource("base: &b {country: CN, severity: 2}\nshocks:\n  - *b\n");
    expect(locate(aliased, ["shocks", 0, "severity"])).toEqual({ line: 1, col: 34 });
  });
});
