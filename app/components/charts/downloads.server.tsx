import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { safeFileName, tableCsv } from "~/domain/charts/csv";
import { csvColumns, type ViewColumn } from "./view-tables";

const PRIVATE = { "Cache-Control": "private, no-store" };

/** A chart as a standalone SVG file: the same component the page draws, rendered to static markup. */
export function svgResponse(chart: ReactElement, fileName: string): Response {
  const markup = `<?xml version="1.0" encoding="UTF-8"?>\n${renderToStaticMarkup(chart)}\n`;
  return new Response(markup, {
    headers: { ...PRIVATE, "Content-Type": "image/svg+xml; charset=utf-8", "Content-Disposition": `attachment; filename="${safeFileName(fileName)}.svg"` },
  });
}

/** A table as a CSV file, with the byte-order mark spreadsheets need to read UTF-8 (en dashes, accents). */
export function csvResponse<T>(columns: ViewColumn<T>[], rows: readonly T[], fileName: string): Response {
  return new Response(`\uFEFF${tableCsv(csvColumns(columns), rows)}`, {
    headers: { ...PRIVATE, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${safeFileName(fileName)}.csv"` },
  });
}
