/**
 * The CSV downloads of the HJP dashboards: one disclosed table of a page, with the page's
 * synthetic-data label and the disclosure rule at the top (app/domain/disclosure/table.ts).
 */
import { z } from "zod";
import { disclosedTableCsv } from "../../domain/disclosure/table";
import type { HjpView } from "./view-types";

const YEAR = /^\d{4}-\d{2}$/;

/** The dashboard's query: an optional financial year ("2025-26"). A malformed one is a 400. */
export function parseDashboardQuery(request: Request): { year: string | null } {
  const parsed = z.object({ year: z.union([z.literal(""), z.string().regex(YEAR, "a financial year such as 2025-26")]).optional() }).safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new Response(`Bad request: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`, { status: 400 });
  return { year: parsed.data.year || null };
}

/** A download's query: the table (by id) and the optional year. */
export function parseDownloadQuery(request: Request): { table: string; year: string | null } {
  const parsed = z
    .object({ table: z.string().regex(/^[a-z][a-z-]{0,39}$/, "a table name"), year: z.union([z.literal(""), z.string().regex(YEAR)]).optional() })
    .safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new Response(`Bad request: ${parsed.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; ")}`, { status: 400 });
  return { table: parsed.data.table, year: parsed.data.year || null };
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);

/** The table as a CSV attachment, or a 404 when the page has no such table. */
export function hjpTableCsv({ view, tableId, today }: { view: HjpView; tableId: string; today: string }): Response {
  const table = view.tables.find((t) => t.id === tableId);
  if (!table) throw new Response("This page has no table of that name.", { status: 404 });
  const area = view.level === "icb" ? view.area.name : view.level === "service" ? `${view.area.name} (${view.icb.name})` : `${view.area.name}, ${view.icb.name}`;
  const text = disclosedTableCsv(table, {
    area: view.period.year ? `${area}, financial year ${view.period.year}` : area,
    synthetic: view.synthetic ? `${view.synthetic.label} Organisations: ${view.synthetic.organisations.join("; ")}.` : null,
    dataTo: view.period.lastReferral,
    generatedOn: today,
  });
  return new Response(text, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="hjp-${slug(view.area.name)}-${table.id}${view.period.year ? `-${view.period.year}` : ""}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}

/** Today's date (UTC) for the dashboards' funding cliff and reach window: read at the edge, passed in everywhere else. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
