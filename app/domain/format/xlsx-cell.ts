/**
 * One spreadsheet cell value, for every XLSX download: the same defence as CSV cells
 * (csv-cell.ts), so a name typed as `=HYPERLINK(...)` reaches Excel as text with an
 * apostrophe in front, never as a formula, and stays inert if the sheet is later
 * saved as CSV or the cell edited.
 */
import type { CellValue, Workbook } from "exceljs";
import { neutraliseFormula } from "./csv-cell";

const SAFE_LINK = /^(https?:|mailto:)/i;

/** A cell's value made safe: text neutralised, formulas written out as text, non-finite numbers blank. */
export function xlsxCell(value: CellValue): CellValue {
  if (typeof value === "string") return neutraliseFormula(value);
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    // Downloads never compute: a formula (ours or smuggled in) is shown as the text it is.
    if ("formula" in value || "sharedFormula" in value) {
      const formula = "formula" in value ? value.formula : value.sharedFormula;
      return neutraliseFormula(`=${formula}`);
    }
    if ("richText" in value) return neutraliseFormula(value.richText.map((r) => r.text).join(""));
    if ("hyperlink" in value) {
      const text = neutraliseFormula(String(value.text));
      return SAFE_LINK.test(value.hyperlink) ? { ...value, text } : text;
    }
  }
  return value;
}

/** Passes every cell of every sheet through `xlsxCell`: called once, just before a workbook is written. */
export function neutraliseWorkbook(workbook: Workbook): void {
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        // A merged cell shares its master's value; the master is neutralised on its own visit.
        if (cell.isMerged && cell.master !== cell) return;
        const safe = xlsxCell(cell.value);
        if (safe !== cell.value) cell.value = safe;
      });
    });
  });
}
