import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.ts";
import { canonicalOrder, completeLines, examineForResume, mergeOutputs } from "../../src/io/sweep-text.ts";
import type { SweepRow } from "../../src/analysis/sweep-rows.ts";
import { csvHeader, formatRow, parseRow, splitCsvLine } from "../../src/render/sweep-rows.ts";

const params = ["shocks.a.severity"];
const row = (point: number, option: string, risk: number): SweepRow => ({
  point,
  values: [point / 10],
  option,
  trials: 100,
  seed: 1,
  cost: option === "baseline" ? 0 : 40,
  autonomy: 90,
  autonomy_lo: 89,
  autonomy_hi: 91,
  risk,
  risk_lo: risk - 1,
  risk_hi: risk + 1,
  risk_diff: 0,
  risk_diff_lo: Number.NaN,
  risk_diff_hi: 0,
  expected: 10,
  expected_lo: 9,
  expected_hi: 11,
});
const lines = (points: number[]) => points.flatMap((p) => ["baseline", "stock"].map((o) => formatRow(row(p, o, p + 1), params, "csv"))).join("");
const full = csvHeader(params) + lines([0, 1, 2, 3]);

describe("sweep rows as text", () => {
  it("reads back what it writes, in CSV and JSON Lines (NaN included)", () => {
    for (const format of ["csv", "jsonl"] as const) {
      const r = { ...row(3, "a,b", 7.25), values: [undefined] };
      const back = parseRow(formatRow(r, params, format).trimEnd(), params, format);
      expect(back).toEqual(r);
    }
    expect(splitCsvLine('1,"x,""y""",,2')).toEqual(["1", 'x,"y"', "", "2"]);
  });

  it("keeps complete lines and separates a torn tail", () => {
    expect(completeLines("a\nb\nc")).toEqual({ lines: ["a", "b"], torn: "c" });
    expect(completeLines("")).toEqual({ lines: [], torn: "" });
  });

  it("merges shards into the unsharded file: header once, sorted by point", () => {
    const shard1 = csvHeader(params) + lines([0, 2]);
    const shard2 = csvHeader(params) + lines([1, 3]);
    expect(mergeOutputs([{ name: "2.csv", text: shard2 }, { name: "1.csv", text: shard1 }])).toEqual({ text: full, format: "csv", warnings: [] });
    // an overlapping identical point is kept once; a conflicting one is an error
    expect(mergeOutputs([{ name: "a", text: full }, { name: "b", text: shard1 }]).text).toBe(full);
    const conflicting = csvHeader(params) + formatRow(row(0, "baseline", 99), params, "csv") + formatRow(row(0, "stock", 1), params, "csv");
    expect(() => mergeOutputs([{ name: "a", text: full }, { name: "b", text: conflicting }])).toThrow(/point 0 is also in a with different rows/);
  });

  it("resume keeps complete points and drops a torn line and an unfinished point", () => {
    const text = csvHeader(params) + lines([0, 1]) + formatRow(row(2, "baseline", 3), params, "csv") + "2,0.2,sto";
    const state = examineForResume(text, "out.csv", {
      format: "csv",
      parameters: params,
      options: ["baseline", "stock"],
      count: 4,
      valuesOf: (p) => [p / 10],
      trials: 100,
      seed: 1,
    });
    expect(state.text).toBe(csvHeader(params) + lines([0, 1]));
    expect([...state.complete]).toEqual([0, 1]);
    expect(state.dropped).toEqual(["an incomplete last line", "the rows of unfinished point 2"]);
  });

  it("refuses to resume a file written by a different sweep", () => {
    const check = { format: "csv" as const, parameters: params, options: ["baseline", "stock"], count: 4, valuesOf: (p: number) => [p / 10], trials: 100, seed: 1 };
    expect(() => examineForResume(csvHeader(["other"]) + "0,1\n", "out.csv", check)).toThrow(InputError);
    const err = (() => {
      try {
        examineForResume(full, "out.csv", { ...check, valuesOf: (p) => [p] });
      } catch (e) {
        return e as InputError;
      }
    })();
    expect(err?.issues[0]).toMatchObject({ file: "out.csv", line: 4, path: "shocks.a.severity" });
  });

  it("refuses to resume rows made with other trials or another seed, and files that do not record them", () => {
    const check = { format: "csv" as const, parameters: params, options: ["baseline", "stock"], count: 4, valuesOf: (p: number) => [p / 10], trials: 100, seed: 1 };
    const issuesOf = (text: string, c: Parameters<typeof examineForResume>[2]) => {
      try {
        examineForResume(text, "out.csv", c);
      } catch (e) {
        return (e as InputError).issues;
      }
      return [];
    };
    // one sentence for the whole file, at its first row
    expect(issuesOf(full, { ...check, trials: 500 })).toEqual([
      {
        file: "out.csv",
        line: 2,
        col: 1,
        path: "trials",
        message:
          "cannot resume: the rows in this file were made with trials 100 and seed 1, but this command runs trials 500 and seed 1; their results are not comparable. Resume with --trials 100 --seed 1, or run without --resume to start the file afresh",
      },
    ]);
    // a file whose later rows were made with another seed
    const mixed = full + formatRow({ ...row(3, "baseline", 1), seed: 2 }, params, "csv");
    expect(issuesOf(mixed, check)).toMatchObject([{ line: 10, path: "seed" }]);
    const jsonl = [0, 1].flatMap((p) => ["baseline", "stock"].map((o) => formatRow(row(p, o, 1), params, "jsonl"))).join("");
    expect(issuesOf(jsonl, { ...check, format: "jsonl", seed: 7 })).toMatchObject([{ line: 1, path: "seed" }]);
    // written before rows recorded trials and seed
    const older = (format: "csv" | "jsonl"): string => {
      const text = formatRow(row(0, "baseline", 1), params, format);
      if (format === "csv") return csvHeader(params).replace(",trials,seed", "") + text.replace(",100,1,", ",");
      const { trials: _t, seed: _s, ...rest } = JSON.parse(text) as Record<string, unknown>;
      return `${JSON.stringify(rest)}\n`;
    };
    for (const format of ["csv", "jsonl"] as const) {
      expect(issuesOf(older(format), { ...check, format })).toMatchObject([{ line: 1, message: expect.stringMatching(/do not record trials and seed \(an earlier version/) }]);
    }
  });

  it("refuses to merge shards whose rows were made with other trials or another seed", () => {
    const shard = (points: number[], format: "csv" | "jsonl", trials: number) =>
      (format === "csv" ? csvHeader(params) : "") + points.flatMap((p) => ["baseline", "stock"].map((o) => formatRow({ ...row(p, o, p + 1), trials }, params, format))).join("");
    for (const format of ["csv", "jsonl"] as const) {
      const attempt = () => mergeOutputs([{ name: "1", text: shard([0, 2], format, 100) }, { name: "2", text: shard([1, 3], format, 200) }]);
      expect(attempt).toThrow(InputError);
      expect(() => attempt()).toThrow(
        "its rows were made with trials 200 and seed 1, but the rows of 1 were made with trials 100 and seed 1: merge only shards of one sweep run with the same --trials and --seed",
      );
    }
    // within one file too
    const mixed = shard([0], "csv", 100) + formatRow({ ...row(1, "baseline", 1), seed: 9 }, params, "csv");
    expect(() => mergeOutputs([{ name: "a", text: mixed }])).toThrow(/^a:4:1 .*its rows were made with trials 100 and seed 9, but its earlier rows were made with trials 100 and seed 1/);
  });

  it("puts a file in point order", () => {
    const shuffled = csvHeader(params) + lines([2, 0, 3, 1]);
    expect(canonicalOrder(shuffled, "csv")).toBe(full);
  });
});
