import { describe, expect, it } from "vitest";
import { type Column, formatCell } from "../../src/render/columns.ts";
import { renderTable } from "../../src/render/table.ts";

interface Row {
  id: string;
  share: number;
  note?: string;
}
const columns: Column<Row>[] = [
  { header: "id", get: (r) => r.id },
  { header: "share %", get: (r) => r.share * 100, digits: 1 },
  { header: "note", get: (r) => r.note },
];

describe("renderTable", () => {
  it("aligns text left and numbers right, with a dashed rule and no colour codes", () => {
    const text = renderTable(columns, [
      { id: "gallium", share: 0.7, note: "CN" },
      { id: "ge", share: 0.05 },
    ]);
    expect(text).toBe(
      ["id       share %  note", "-------  -------  ----", "gallium     70.0  CN", "ge           5.0", ""].join("\n"),
    );
    expect(text).not.toMatch(/\u001b/);
  });

  it("renders a header for no rows, and honours an explicit alignment", () => {
    expect(renderTable([{ header: "n", get: () => 1, align: "left" as const }], [])).toBe("n\n-\n");
    expect(renderTable([{ header: "nn", get: (r: number) => r, align: "left" }], [1])).toBe("nn\n--\n1\n");
  });

  it("never prints -0", () => {
    expect(renderTable([{ header: "x", get: (r: number) => r, digits: 2 }], [-0.001])).toBe("   x\n----\n0.00\n");
  });
});

describe("significant digits", () => {
  it("rounds to significant digits without exponent form or float noise", () => {
    const column = { header: "use", get: (r: { v: number }) => r.v, significant: 4 };
    // 6429.2699999999995 → 6429; 0.8333333 → 0.8333; 1400 stays 1400; 12345678 → 12350000
    expect([6429.2699999999995, 0.8333333, 1400, 12345678].map((v) => formatCell(column, { v }))).toEqual([
      "6429",
      "0.8333",
      "1400",
      "12350000",
    ]);
  });
});
