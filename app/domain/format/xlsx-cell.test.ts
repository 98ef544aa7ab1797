import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HOSTILE_SEED, hostileCell } from "../../../tests/setup/hostile";
import { neutraliseFormula } from "./csv-cell";
import { neutraliseWorkbook, xlsxCell } from "./xlsx-cell";

describe("an XLSX cell", () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
    ["-12.5", "-12.5"],
    ["-", "-"],
    ["Riverside Advice", "Riverside Advice"],
    [12.5, 12.5],
    [-3, -3],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
    [null, null],
    [true, true],
    [{ formula: "SUM(A1:A3)" }, "'=SUM(A1:A3)"],
    [{ richText: [{ text: "=1" }, { text: "+1" }] }, "'=1+1"],
    [{ text: "=1+1", hyperlink: "javascript:alert(1)" }, "'=1+1"],
    [{ text: "=1+1", hyperlink: "https://example.org" }, { text: "'=1+1", hyperlink: "https://example.org" }],
  ] as [ExcelJS.CellValue, ExcelJS.CellValue][])("writes %j as %j", (value, expected) => {
    expect(xlsxCell(value)).toEqual(expected);
  });

  it("follows the CSV rule for every string, so both downloads defend the same way", () => {
    fc.assert(
      fc.property(hostileCell, (text) => {
        expect(xlsxCell(text)).toBe(neutraliseFormula(text));
      }),
      { numRuns: 300, seed: HOSTILE_SEED },
    );
  });
});

describe("a neutralised workbook, written and read back", () => {
  it("has no formula cells and every hostile text prefixed with an apostrophe, wherever it was put", async () => {
    const hostile = '=HYPERLINK("http://evil","x")';
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Data");
    sheet.columns = [{ header: hostile, key: "a" }, { header: "Name", key: "b" }];
    sheet.addRow({ a: hostile, b: "+cmd|' /C calc'!A0" });
    sheet.addRow([{ formula: "1+1", result: 2 }, -5]);
    sheet.mergeCells("A4:B4");
    sheet.getCell("A4").value = "@SUM(1+1)";
    workbook.addWorksheet("About").addRow([hostile]);

    neutraliseWorkbook(workbook);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await workbook.xlsx.writeBuffer());

    const cells: ExcelJS.Cell[] = [];
    back.eachSheet((s) => s.eachRow((r) => r.eachCell((c) => void cells.push(c))));
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    const texts = cells.map((c) => c.value);
    expect(texts.filter((v) => v === `'${hostile}`)).toHaveLength(3);
    expect(texts).toEqual(expect.arrayContaining(["'+cmd|' /C calc'!A0", "'=1+1", -5, "'@SUM(1+1)"]));
    expect(texts.some((v) => typeof v === "string" && /^[=+@]/.test(v))).toBe(false);
  });
});
