// Salvage of a document that failed its schema, so the cross-reference checks can still run and
// the user sees every problem at once: unknown fields are dropped, a broken shock or policy is
// replaced by a stub that keeps its id (so references to it still resolve), and a broken
// top-level setting by a neutral value. Checks on what was repaired are discarded afterwards:
// the schema's own issue already speaks for it.
import { isRecord } from "./is-record.ts";
import type { PathIssue } from "./issues.ts";

export interface Salvaged {
  input: Record<string, unknown>;
  /** paths whose check issues are to be discarded */
  repaired: PropertyKey[][];
}

/** A valid element standing in for a broken one (the kind registries make them). */
export type Stubber = (original: unknown, index: number) => Record<string, unknown>;

/** Top-level settings that no check reads, replaced by a value the schema accepts. */
const neutral: Record<string, unknown> = {
  name: "",
  description: "",
  horizon: 1,
  period: "period",
  trials: 1,
  seed: 0,
  objective: "risk",
  currency: "",
};

/**
 * A repaired copy of `input` for the schema issues found in it, or undefined when an issue sits
 * where no repair is safe (then only the schema's issues are reported).
 * @param stubs per top-level list whose broken elements may be stubbed (scenario: shocks, policies)
 */
export function salvage(
  input: unknown,
  issues: readonly PathIssue[],
  stubs: Readonly<Record<string, Stubber>>,
): Salvaged | undefined {
  if (!isRecord(input)) return undefined;
  const copy = structuredClone(input) as Record<string, unknown>;
  const repaired: PropertyKey[][] = [];
  const stubbed = new Set<string>();
  for (const issue of issues) {
    const [top, index] = issue.path;
    if (issue.at === "key") {
      // an unknown field: drop it wherever it is
      const parent = walk(copy, issue.path.slice(0, -1));
      if (isRecord(parent)) delete parent[issue.path[issue.path.length - 1] as string];
      continue;
    }
    if (typeof top !== "string") return undefined;
    const stub = Object.hasOwn(stubs, top) ? stubs[top] : undefined;
    if (issue.path.length >= 2 && typeof index === "number" && stub !== undefined) {
      const list = copy[top];
      if (!Array.isArray(list)) return undefined;
      const key = `${top}.${index}`;
      if (!stubbed.has(key)) {
        list[index] = stub(list[index], index);
        stubbed.add(key);
      }
      repaired.push([top, index]);
      continue;
    }
    if (top in neutral && issue.path.length >= 1) {
      copy[top] = neutral[top];
      repaired.push([top]);
      continue;
    }
    return undefined;
  }
  return { input: copy, repaired };
}

/** Drops the issues at or under a repaired path. */
export function outsideRepairs(issues: readonly PathIssue[], repaired: readonly PropertyKey[][]): PathIssue[] {
  return issues.filter((issue) => !repaired.some((r) => r.every((part, i) => issue.path[i] === part)));
}

function walk(value: unknown, path: readonly PropertyKey[]): unknown {
  let node = value;
  for (const part of path) {
    if (Array.isArray(node) && typeof part === "number") node = node[part];
    else if (isRecord(node) && typeof part === "string") node = node[part];
    else return undefined;
  }
  return node;
}
