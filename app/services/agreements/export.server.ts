/**
 * The register as a file (CSV or XLSX via exceljs), with the filters the page used:
 * the same rows the actor sees on the register, money in pounds to the penny.
 */
import { csvCell, safeFileName, type TableColumn, tableCsv } from "../../domain/charts/csv";
import { STATUS_LABELS, TYPE_LABELS } from "../../domain/agreements/lifecycle";
import type { Actor } from "../../auth/permissions";
import type { Queryable } from "../../../db/client";
import type { AgreementFilters } from "../../validation/agreements";
import { listAgreements, type RegisterRow } from "./agreements.server";
import { SYNTHETIC_LABEL } from "../hjp/dashboard.server";
import { neutraliseWorkbook } from "../../domain/format/xlsx-cell";

const pounds = (pence: number) => Number((pence / 100).toFixed(2));

export const REGISTER_COLUMNS: TableColumn<RegisterRow>[] = [
  { key: "id", label: "Agreement number", value: (r) => r.id },
  { key: "title", label: "Title", value: (r) => r.title },
  { key: "type", label: "Type", value: (r) => TYPE_LABELS[r.type] },
  { key: "status", label: "Status", value: (r) => STATUS_LABELS[r.status] },
  { key: "icb", label: "ICB code", value: (r) => r.icbCode },
  { key: "organisations", label: "VCSE organisations", value: (r) => r.organisations.join("; ") },
  { key: "value", label: "Value (£)", value: (r) => pounds(r.valuePence) },
  { key: "paid", label: "Paid to date (£)", value: (r) => pounds(r.paidPence) },
  { key: "start", label: "Start date", value: (r) => r.startDate },
  { key: "end", label: "End date", value: (r) => r.endDate },
  { key: "review", label: "Review date", value: (r) => r.reviewDate },
  { key: "footprint", label: "Footprint codes", value: (r) => r.footprintCodes.join("; ") },
  { key: "synthetic", label: "Synthetic demonstration data", value: (r) => (r.synthetic ? "yes" : "no") },
];

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function exportRegister({ db, actor, filters, format, today }: { db: Queryable; actor: Actor; filters: AgreementFilters; format: "csv" | "xlsx"; today: string }): Promise<Response> {
  const list = await listAgreements({ db, actor, filters });
  const note = list.some((r) => r.synthetic) ? SYNTHETIC_LABEL : null;
  const name = safeFileName(`agreements-register-${today}`);
  const headers = { "Cache-Control": "private, no-store" };
  if (format === "csv") {
    const preface = note ? `${csvCell(note)}\r\n\r\n` : "";
    return new Response(`\uFEFF${preface}${tableCsv(REGISTER_COLUMNS, list)}`, {
      headers: { ...headers, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}.csv"` },
    });
  }
  const ExcelJS = (await import("exceljs")).default;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Health justice commissioning";
  const sheet = workbook.addWorksheet("Agreements", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = REGISTER_COLUMNS.map((c) => ({ header: c.label, key: c.key, width: Math.max(12, c.label.length + 4) }));
  sheet.getRow(1).font = { bold: true };
  for (const r of list) sheet.addRow(Object.fromEntries(REGISTER_COLUMNS.map((c) => [c.key, c.value(r) ?? null])));
  for (const key of ["value", "paid"]) sheet.getColumn(key).numFmt = "£#,##0.00";
  if (note) {
    const about = workbook.addWorksheet("About");
    about.addRow([note]);
  }
  neutraliseWorkbook(workbook);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Response(new Uint8Array(buffer), { headers: { ...headers, "Content-Type": XLSX, "Content-Disposition": `attachment; filename="${name}.xlsx"` } });
}
