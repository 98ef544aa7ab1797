/**
 * The HJP templates as files: CSV (the header row) and XLSX (the header row on the
 * first sheet, which the importer reads, with drop-down lists for coded columns; then
 * an example row, the data dictionary and the lists, on sheets the importer ignores).
 */
import type { Column } from "../../domain/hjp/cells";
import type { AnyDataset } from "../../domain/hjp/datasets";
import { refusedHeaderList } from "../../domain/hjp/identifiers";
import { dictionaryCsv, exampleRow, parseTemplateFileName, templateCsv } from "../../domain/hjp/templates";
import { neutraliseWorkbook } from "../../domain/format/xlsx-cell";

export type TemplateFile = { fileName: string; contentType: string; body: string | ArrayBuffer };

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** Rows of the data sheet that get drop-down lists. */
const DATA_ROWS = 10_000;

function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export async function templateXlsx(dataset: AnyDataset): Promise<ArrayBuffer> {
  const ExcelJS = (await import("exceljs")).default;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Health justice commissioning";
  workbook.created = new Date(Date.UTC(2025, 0, 1));
  const data = workbook.addWorksheet(dataset.id, { views: [{ state: "frozen", ySplit: 1 }] });
  const example = workbook.addWorksheet("Example");
  const dictionary = workbook.addWorksheet("Data dictionary");
  const lists = workbook.addWorksheet("Allowed values");

  data.columns = dataset.list.map((c) => ({ header: c.name, key: c.name, width: Math.max(14, c.name.length + 4), style: { numFmt: "@" } }));
  data.getRow(1).font = { bold: true };

  example.columns = dataset.list.map((c) => ({ header: c.name, key: c.name, width: Math.max(14, c.name.length + 4, c.example.length + 2) }));
  example.getRow(1).font = { bold: true };
  example.addRow(exampleRow(dataset));

  dictionary.columns = [
    { header: "column", key: "column", width: 28 },
    { header: "required", key: "required", width: 10 },
    { header: "type", key: "type", width: 50 },
    { header: "allowed values", key: "allowed", width: 60 },
    { header: "description", key: "description", width: 80 },
    { header: "example", key: "example", width: 30 },
  ];
  dictionary.getRow(1).font = { bold: true };
  for (const c of dataset.list) {
    dictionary.addRow({ column: c.name, required: c.required ? "yes" : "no", type: c.type, allowed: (c.allowed ?? []).map((a) => `${a.code} (${a.label})`).join("; "), description: c.description, example: c.example });
  }
  dictionary.addRow({});
  dictionary.addRow({ column: "Refused headers", description: "A file with a column whose header is a direct identifier is refused before any row is read, and nothing is stored." });
  for (const r of refusedHeaderList()) dictionary.addRow({ column: r.examples.join(", "), description: `refused: ${r.reason}` });

  // Single-choice columns get a drop-down from the lists sheet; lists of several codes cannot.
  let listColumn = 0;
  dataset.list.forEach((c: Column, index) => {
    if (!c.allowed || c.list) return;
    const letter = columnLetter(listColumn++);
    lists.getCell(`${letter}1`).value = c.name;
    lists.getCell(`${letter}1`).font = { bold: true };
    c.allowed.forEach((a, i) => (lists.getCell(`${letter}${i + 2}`).value = a.code));
    const target = columnLetter(index);
    (data as unknown as { dataValidations: { add(address: string, validation: object): void } }).dataValidations.add(`${target}2:${target}${DATA_ROWS + 1}`, {
      type: "list",
      allowBlank: !c.required,
      formulae: [`'Allowed values'!$${letter}$2:$${letter}$${c.allowed.length + 1}`],
      showErrorMessage: true,
      errorTitle: c.name,
      error: `Choose one of the allowed values for ${c.name}`,
    });
  });
  // exceljs gives a Node Buffer (a view on a shared pool): copy out exactly its bytes.
  neutraliseWorkbook(workbook);
  return Uint8Array.from(new Uint8Array(await workbook.xlsx.writeBuffer())).buffer;
}

/** A template or the dictionary by its file name ("hjp-activity.xlsx"), or null when there is none. */
export async function templateFile(fileName: string): Promise<TemplateFile | null> {
  const wanted = parseTemplateFileName(fileName);
  if (!wanted) return null;
  if ("dictionary" in wanted) return { fileName, contentType: "text/csv; charset=utf-8", body: dictionaryCsv() };
  if (wanted.format === "csv") return { fileName, contentType: "text/csv; charset=utf-8", body: templateCsv(wanted.dataset) };
  return { fileName, contentType: XLSX, body: await templateXlsx(wanted.dataset) };
}
