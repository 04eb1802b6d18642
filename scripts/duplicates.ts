// Finds blocks of six or more lines in src/ that repeat another block: the same lines (after
// trimming), or with --shape the same shape with other names (identifiers, numbers and strings
// replaced by placeholders). Blank lines, comments and import lines are skipped; a window counts
// only if most of its lines carry code, not just brackets.
//   npx tsx scripts/duplicates.ts [--shape] [--min 6]
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const shape = process.argv.includes("--shape");
const minAt = process.argv.indexOf("--min");
const size = minAt > 0 ? Number(process.argv[minAt + 1]) : 6;

interface Line {
  file: string;
  number: number;
  key: string;
}

const KEYWORDS = new Set(
  "const let var function return if else for while of in new await async export import from type interface extends readonly true false null undefined throw try catch finally break continue class this typeof instanceof".split(" "),
);

function normalise(text: string): string {
  if (!shape) return text;
  return text
    .replace(/`(?:[^`\\]|\\.)*`|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, "S")
    .replace(/\b\d[\d_.eE]*\b/g, "N")
    .replace(/[A-Za-z_$][\w$]*/g, (word) => (KEYWORDS.has(word) ? word : "I"));
}

function linesOf(file: string): Line[] {
  const out: Line[] = [];
  readFileSync(path.join(root, file), "utf8")
    .split("\n")
    .forEach((raw, i) => {
      const text = raw.trim();
      if (text === "" || text.startsWith("//") || text.startsWith("*") || text.startsWith("/*") || text.startsWith("import ")) return;
      out.push({ file, number: i + 1, key: normalise(text) });
    });
  return out;
}

const files = readdirSync(path.join(root, "src"), { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith(".ts"))
  .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
  .sort();

const seen = new Map<string, Line[]>();
for (const file of files) {
  const lines = linesOf(file);
  for (let i = 0; i + size <= lines.length; i++) {
    const window = lines.slice(i, i + size);
    const substantial = window.filter((l) => l.key.replace(/[\s{}()[\];,]/g, "").length >= 8).length;
    if (substantial < size - 1) continue;
    const key = window.map((l) => l.key).join("\n");
    const list = seen.get(key) ?? [];
    list.push(window[0]!);
    seen.set(key, list);
  }
}

let found = 0;
const reported = new Set<string>();
for (const [key, starts] of seen) {
  // the same block found again one line further on is the same repetition
  const places = starts.map((s) => `${s.file}:${s.number}`);
  const id = places.join(" ");
  if (starts.length < 2 || reported.has(id)) continue;
  reported.add(id);
  found++;
  process.stdout.write(`${places.join("  =  ")}\n${key.split("\n").map((l) => `    ${l}`).join("\n")}\n\n`);
}
process.stdout.write(`${found} repeated block${found === 1 ? "" : "s"} of ${size} lines${shape ? " (by shape)" : ""}\n`);
process.exitCode = found > 0 ? 1 : 0;
