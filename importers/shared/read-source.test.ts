import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { readXlsx, wholeXlsx } from "./read-source";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "read-source-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function workbookBytes(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Data");
  sheet.addRow(["service_ref", "clients"]);
  sheet.addRow(["SALFORD-GP", 12]);
  sheet.addRow(["WIGAN-HOSP", "seven"]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Rewrites a zip with its entries in the given order (by path prefix), the rest after. */
async function reorder(bytes: Buffer, first: string[]): Promise<Buffer> {
  const source = await JSZip.loadAsync(bytes);
  const names = Object.keys(source.files).filter((n) => !source.files[n]!.dir);
  const rank = (n: string) => {
    const i = first.findIndex((p) => n === p);
    return i === -1 ? first.length : i;
  };
  const target = new JSZip();
  for (const name of [...names].sort((a, b) => rank(a) - rank(b))) {
    target.file(name, await source.files[name]!.async("uint8array"));
  }
  return target.generateAsync({ type: "nodebuffer" });
}

async function readAll(bytes: Buffer, read = readXlsx) {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.xlsx`);
  fs.writeFileSync(file, bytes);
  const records = [];
  for await (const record of read(file)) records.push(record);
  return records;
}

describe("readXlsx", () => {
  const expected = [
    { line: 1, cells: ["service_ref", "clients"] },
    { line: 2, cells: ["SALFORD-GP", "12"] },
    { line: 3, cells: ["WIGAN-HOSP", "seven"] },
  ];

  it.each([
    ["workbook part first, as Excel writes it", ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"]],
    ["worksheet before the workbook part but after shared strings", ["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/workbook.xml"]],
    ["worksheet before shared strings", ["[Content_Types].xml", "xl/worksheets/sheet1.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/workbook.xml"]],
  ])("reads every row of the first sheet whatever the zip order: %s", async (_label, order) => {
    const bytes = await reorder(await workbookBytes(), order);
    expect(await readAll(bytes)).toEqual(expected);
    // The whole-file reader, which readXlsx falls back to if streaming leaves shared strings unread.
    expect(await readAll(bytes, wholeXlsx)).toEqual(expected);
  });
});
