/**
 * One CSV cell (RFC 4180), shared by every download so they all defend the same way.
 *
 * Text a spreadsheet would run as a formula gets an apostrophe in front (OWASP "CSV
 * injection"): anything starting with = + - @, a tab or a carriage return, unless it
 * is a plain number written as text ("-12.5") or a lone dash, which no spreadsheet
 * runs. Numbers stay numbers, so a negative number is still a number; non-finite
 * numbers and missing values are empty. Fields with commas, quotes, line breaks or
 * edge spaces are quoted.
 */
export type CsvValue = string | number | boolean | null | undefined | readonly unknown[];

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && text !== "-" && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = neutraliseFormula(Array.isArray(value) ? value.join(";") : String(value));
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
