// The files the explorer page holds (embedded at build, opened or dropped later), read the way the
// CLI reads them from disk: a scenario's `network` path is relative to the scenario's own name.
import type { SourceReader } from "../scenario/from-source.ts";

/** One file as the page holds it: its name as the user would type it, and its text. */
export interface PageFile {
  name: string;
  text: string;
}

/** `a/b/../c/./d` → `a/c/d` (POSIX, as node's path.join normalises); leading `..` kept. */
export function normalizePath(name: string): string {
  const absolute = name.startsWith("/");
  const out: string[] = [];
  for (const part of name.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." && out.length > 0 && out.at(-1) !== "..") out.pop();
    else if (part !== ".." || !absolute) out.push(part);
  }
  const joined = out.join("/");
  return absolute ? `/${joined}` : joined === "" ? "." : joined;
}

const dirname = (name: string): string => (name.includes("/") ? name.slice(0, name.lastIndexOf("/")) : ".");
const basename = (name: string): string => name.slice(name.lastIndexOf("/") + 1);

/**
 * Reads from the page's files: by the normalised name, or else by the file name alone (a dropped
 * file carries no folder).
 */
export function pageReader(files: readonly PageFile[]): SourceReader {
  return {
    async read(file) {
      const want = normalizePath(file);
      const hit = files.find((f) => normalizePath(f.name) === want) ?? files.find((f) => basename(f.name) === basename(want));
      return hit === undefined ? { error: "not among the page's files; open or drop it together with the scenario" } : hit.text;
    },
    resolve: (scenarioFile, named) => (named.startsWith("/") ? named : normalizePath(`${dirname(scenarioFile)}/${named}`)),
  };
}
