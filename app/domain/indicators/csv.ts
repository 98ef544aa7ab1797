import { type CsvValue, csvCell } from "../format/csv-cell";

/**
 * CSV text (RFC 4180) for the data API: fields with commas, quotes or line breaks are
 * quoted; missing values are empty. Text that a spreadsheet would run as a formula is
 * prefixed with an apostrophe; numbers are written as they are.
 */
/** A data-API CSV field: the shared cell rule (arrays joined with ";"). */
export const csvField = (value: unknown): string => csvCell(value as CsvValue);

export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const lines = [columns.map(csvField).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
