import { describe, expect, it } from "vitest";
import { csvField, renderCsv } from "../../src/render/csv.ts";

describe("renderCsv", () => {
  it("writes one header line and one line per row, numbers by the column's digits", () => {
    const csv = renderCsv(
      [
        { header: "good", get: (r: { id: string; hhi: number }) => r.id },
        { header: "hhi", get: (r) => r.hhi, digits: 4 },
        { header: "raw", get: (r) => r.hhi },
      ],
      [
        { id: "gallium", hhi: 0.54 },
        { id: "ge", hhi: 1 / 3 },
      ],
    );
    expect(csv).toBe("good,hhi,raw\ngallium,0.5400,0.54\nge,0.3333,0.3333333333333333\n");
  });

  it("quotes fields as RFC 4180 requires", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(renderCsv([{ header: "name, long", get: () => null }], [1])).toBe('"name, long"\n\n');
  });
});
