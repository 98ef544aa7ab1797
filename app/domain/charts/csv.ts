/**
 * The tables beside the charts, defined once: the page renders them as NHS tables and
 * the download writes them as CSV, so the numbers in the file are the numbers on the
 * page (unrounded in the file).
 *
 * CSV is RFC 4180. Any text that a spreadsheet would run as a formula (starting with
 * = + - @, a tab or a carriage return) is prefixed with an apostrophe (OWASP "CSV
 * injection"); numbers are written as numbers, so a negative number stays a number.
 */
import { csvCell } from "../format/csv-cell";

export type TableColumn<T> = {
  key: string;
  label: string;
  numeric?: boolean;
  /** The value written to the CSV file. */
  value: (row: T) => string | number | null | undefined;
  /** The text shown on the page, if not the value itself. */
  text?: (row: T) => string;
};

export { csvCell };

export function tableCsv<T>(columns: readonly TableColumn<T>[], rows: readonly T[]): string {
  const lines = [columns.map((c) => csvCell(c.label)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** A file name safe for Content-Disposition: letters, digits, dots and dashes. */
export function safeFileName(name: string): string {
  return name.replace(/[^\w.-]+/g, "-").replace(/-+/g, "-").replace(/^-|-$/g, "").slice(0, 120) || "download";
}
