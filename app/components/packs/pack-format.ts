/**
 * The text of a pack's figures, the same on the page and in the PDF: the HJP
 * dashboards' cell formats, with indicator values to the decimals their row states.
 */
import type { Cell, CellFormat } from "~/domain/disclosure/table";
import { formatDecimal } from "~/domain/format/numbers";
import type { KeyFigure, PackRow } from "~/services/packs/section-types";
import { formatCell } from "../hjp-charts/chart-data";

export function packCellText(value: Cell | undefined, format: CellFormat, decimals?: number): string {
  if (format === "decimal" && typeof value === "number") return formatDecimal(value, decimals ?? 1);
  return formatCell(value, format);
}

export const rowCellText = (row: PackRow, key: string, format: CellFormat) => packCellText(row.cells[key], format, row.decimals);

export const keyFigureText = (k: KeyFigure) => packCellText(k.value, k.format, k.decimals);

const DATE_TIME = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });
/** "28 November 2026" from an ISO timestamp. */
export const longDate = (iso: string) => DATE_TIME.format(new Date(iso));

/**
 * Text as a CSS string literal, for the print stylesheet's page margin boxes (which can
 * hold only strings): quotes and backslashes escaped, and no `<` that could end the
 * style element it is written into.
 */
export function cssString(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/[\r\n]+/g, " ").replace(/</g, "\\3C ").replace(/>/g, "\\3E ")}"`;
}

/** The synthetic-data label after its lead-in ("Synthetic demonstration data."), which is shown in bold before it. */
export const syntheticDetail = (label: string) => label.replace(/^Synthetic demonstration data:\s*/, "").replace(/^./, (c) => c.toUpperCase());
