/**
 * The XLSX data annex of a pack: a cover sheet (what the pack is, its sources, periods,
 * caveats and the disclosure rule) and one sheet per section holding every number the
 * pack shows, as numbers, after the same disclosure control (a hidden count is `*`).
 */
import type { Worksheet } from "exceljs";
import { DISCLOSURE_RULE } from "../../domain/disclosure/rule";
import type { CellFormat } from "../../domain/disclosure/table";
import { narrativeText } from "../../domain/packs/narrative";
import type { PackContent } from "./packs.server";
import type { PackRow, PackTable } from "./section-types";
import { neutraliseWorkbook } from "../../domain/format/xlsx-cell";

const BOLD = { bold: true } as const;
const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });

function numberFormat(format: CellFormat, decimals?: number): string | undefined {
  switch (format) {
    case "count":
      return "#,##0";
    case "pence":
      return "£#,##0";
    case "percent":
    case "per-thousand":
      return "#,##0.0";
    case "decimal":
      return decimals === 0 ? "#,##0" : `#,##0.${"0".repeat(decimals ?? 1)}`;
    default:
      return undefined;
  }
}

/** A cell as the sheet holds it: money in pounds, dates as text, a hidden figure as `*`. */
function sheetValue(value: PackRow["cells"][string] | undefined, format: CellFormat): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  return format === "pence" ? value / 100 : value;
}

/** Excel's rules for sheet names: 31 characters, none of []:*?/\, unique. */
function sheetName(title: string, index: number, used: Set<string>): string {
  let name = `${index}. ${title}`.replace(/[[\]:*?/\\]/g, " ").slice(0, 31).trim();
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${name.slice(0, 27)} (${n})`;
  used.add(name.toLowerCase());
  return name;
}

function writeTable(sheet: Worksheet, t: PackTable) {
  sheet.addRow([]);
  sheet.addRow([t.title]).font = BOLD;
  sheet.addRow([t.description]);
  const header = sheet.addRow([t.rowHeader, ...t.columns.map((c) => (c.format === "pence" ? `${c.label} (£)` : c.label))]);
  header.font = BOLD;
  for (const r of [...t.rows, ...(t.total ? [t.total] : [])]) {
    const row = sheet.addRow([r.label, ...t.columns.map((c) => sheetValue(r.cells[c.key], c.format))]);
    t.columns.forEach((c, i) => {
      const fmt = numberFormat(c.format, r.decimals);
      if (fmt && typeof row.getCell(i + 2).value === "number") row.getCell(i + 2).numFmt = fmt;
      if (row.getCell(i + 2).value === "*") row.getCell(i + 2).alignment = { horizontal: "right" };
    });
    if (r === t.total) row.font = BOLD;
  }
  for (const n of t.notes ?? []) sheet.addRow([n]);
}

export async function buildPackAnnex(content: PackContent, { generatedAt = new Date() }: { generatedAt?: Date } = {}): Promise<Buffer> {
  const { pack } = content;
  // Loaded when used, as the templates service does: exceljs is large and most requests never need it.
  const ExcelJS = (await import("exceljs")).default;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Health justice commissioning";
  workbook.created = generatedAt;
  const cover = workbook.addWorksheet("Cover");
  cover.getColumn(1).width = 28;
  cover.getColumn(2).width = 110;
  cover.addRow(["Strategy evidence pack: data annex"]).font = { bold: true, size: 14 };
  const line = (k: string, v: string) => {
    const row = cover.addRow([k, v]);
    row.getCell(1).font = BOLD;
    row.getCell(2).alignment = { wrapText: true, vertical: "top" };
  };
  line("Title", pack.title);
  line("Area", pack.area.level === "place" ? `${pack.area.name} (place in ${pack.area.icbName})` : `${pack.area.name} (whole system)`);
  line("Status", content.frozen ? `Published: figures frozen on ${DATE.format(new Date(content.figuresAt))}` : `Draft: live figures as at ${DATE.format(new Date(content.figuresAt))}`);
  line("Version", `${pack.version.number}, by ${pack.version.authorName}`);
  line("Data as at", content.vintage.join("; ") || "–");
  line("Downloaded", DATE.format(generatedAt));
  if (content.synthetic) line("Synthetic demonstration data", "Some figures in this annex are synthetic demonstration data: they describe no real service, organisation or client. Each sheet says which.");
  cover.addRow([]);
  cover.addRow(["Disclosure control"]).font = BOLD;
  for (const rule of DISCLOSURE_RULE) line("", rule);
  const used = new Set(["cover"]);
  content.sections.forEach((s, i) => {
    const { data } = s;
    cover.addRow([]);
    cover.addRow([`${i + 1}. ${data.title}`]).font = BOLD;
    if (data.status !== "ready" && data.message) line("Note", data.message);
    if (data.synthetic) line("Synthetic demonstration data", data.synthetic);
    if (data.sources.length) line("Sources", data.sources.join("; "));
    if (data.periods.length) line("Periods", data.periods.join("; "));
    if (data.vintage) line("Data as at", data.vintage);
    if (data.caveats.length) line("Caveats", data.caveats.join(" "));

    const sheet = workbook.addWorksheet(sheetName(data.title, i + 1, used));
    sheet.getColumn(1).width = 48;
    for (let c = 2; c <= 12; c++) sheet.getColumn(c).width = 18;
    sheet.addRow([`${i + 1}. ${data.title}: ${data.area.name}`]).font = { bold: true, size: 13 };
    if (data.synthetic) sheet.addRow([data.synthetic]).font = { bold: true, color: { argb: "FF7C2855" } };
    if (data.status !== "ready" && data.message) sheet.addRow([data.message]);
    const text = narrativeText(s.narrative);
    if (text) {
      const row = sheet.addRow(["Narrative", text]);
      row.getCell(1).font = BOLD;
      row.getCell(2).alignment = { wrapText: true, vertical: "top" };
    }
    if (data.keyFigures.length) {
      sheet.addRow([]);
      sheet.addRow(["Key figures"]).font = BOLD;
      for (const k of data.keyFigures) {
        const row = sheet.addRow([k.label, sheetValue(k.value, k.format), k.detail ?? null]);
        const fmt = numberFormat(k.format, k.decimals);
        if (fmt && typeof row.getCell(2).value === "number") row.getCell(2).numFmt = fmt;
      }
    }
    for (const t of data.tables) writeTable(sheet, t);
  });
  // exceljs gives a view on a shared pool: copy out exactly its bytes.
  neutraliseWorkbook(workbook);
  const written = await workbook.xlsx.writeBuffer();
  return Buffer.from(new Uint8Array(written as ArrayBuffer));
}
