/**
 * The value-for-money downloads: one table of a page as CSV or XLSX, each with the same
 * lines at the top (what it is, synthetic-data label, disclosure rule) as the HJP
 * dashboards' CSV files, so a figure cannot leave without its caveats.
 */
import { z } from "zod";
import { disclosedTableCsv, disclosedTableSheet } from "../../domain/disclosure/table";
import { parseFinancialYear } from "../../domain/value-for-money/rebase";
import { VfmDownloadQuerySchema, VfmQuerySchema } from "../../validation/value-for-money";
import type { VfmView } from "./view-types";
import { neutraliseWorkbook } from "../../domain/format/xlsx-cell";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function parse<T extends z.ZodTypeAny>(schema: T, request: Request): z.infer<T> {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new Response(`Bad request: ${parsed.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; ")}`, { status: 400 });
  return parsed.data;
}

/** The page's query: financial year ("2024-25" or "all") and price year ("2024-25"); a malformed one is a 400. */
export function parseVfmQuery(request: Request): { year: string | null; priceYear: number | null } {
  const q = parse(VfmQuerySchema, request);
  return { year: q.year || null, priceYear: q.priceYear ? parseFinancialYear(q.priceYear) : null };
}

export function parseVfmDownloadQuery(request: Request): { year: string | null; priceYear: number | null; table: string; format: "csv" | "xlsx" } {
  const q = parse(VfmDownloadQuerySchema, request);
  return { year: q.year || null, priceYear: q.priceYear ? parseFinancialYear(q.priceYear) : null, table: q.table, format: q.format ?? "csv" };
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);

/** The table as a CSV or XLSX attachment, or a 404 when the page has no such table. */
export async function vfmTableDownload({ view, tableId, format, today }: { view: VfmView; tableId: string; format: "csv" | "xlsx"; today: string }): Promise<Response> {
  const table = view.tables.find((t) => t.id === tableId);
  if (!table) throw new Response("This page has no table of that name.", { status: 404 });
  const area = view.level === "icb" ? view.area.name : `${view.area.name}, ${view.icb.name}`;
  const context = {
    area: `${area}, ${view.period.label}`,
    synthetic: view.synthetic ? `${view.synthetic.label} Organisations: ${view.synthetic.organisations.join("; ")}.` : null,
    dataTo: view.period.lastReferral,
    generatedOn: today,
  };
  const fileName = `value-for-money-${slug(view.area.name)}-${table.id}-${view.period.year}`;
  const headers = { "Cache-Control": "private, no-store" };
  if (format === "csv") {
    return new Response(disclosedTableCsv(table, context), {
      headers: { ...headers, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${fileName}.csv"` },
    });
  }
  const sheet = disclosedTableSheet(table, context);
  const ExcelJS = (await import("exceljs")).default;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Health justice commissioning";
  const ws = workbook.addWorksheet(table.title.slice(0, 31).replace(/[\\/?*[\]:]/g, " "));
  for (const line of sheet.preamble) ws.addRow([line]);
  ws.addRow([]);
  const header = ws.addRow(sheet.header);
  header.font = { bold: true };
  for (const r of sheet.rows) ws.addRow(r.map((c) => (c === null ? null : c)));
  ws.getColumn(1).width = 40;
  for (let i = 2; i <= sheet.header.length; i++) ws.getColumn(i).width = Math.min(40, Math.max(12, sheet.header[i - 1].length + 2));
  neutraliseWorkbook(workbook);
  const body = Uint8Array.from(new Uint8Array(await workbook.xlsx.writeBuffer())).buffer;
  return new Response(body, { headers: { ...headers, "Content-Type": XLSX, "Content-Disposition": `attachment; filename="${fileName}.xlsx"` } });
}
