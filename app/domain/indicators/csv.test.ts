import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "./csv";

describe("CSV output", () => {
  it("quotes fields with commas, quotes and line breaks, and leaves numbers as they are", () => {
    expect(csvField("Asian, Asian British")).toBe('"Asian, Asian British"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField("line one\nline two")).toBe('"line one\nline two"');
    expect(csvField(-0.5)).toBe("-0.5");
    expect(csvField(null)).toBe("");
    expect(csvField(["computed", "no-interval"])).toBe("computed;no-interval");
  });

  it("stops a spreadsheet running text as a formula", () => {
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
  });

  it("writes a header and one line per row", () => {
    expect(toCsv(["a", "b"], [{ a: 1, b: "x" }, { a: null, b: "y,z" }])).toBe('a,b\r\n1,x\r\n,"y,z"\r\n');
  });
});
