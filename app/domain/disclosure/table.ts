/**
 * A table of figures after disclosure control, as pages render it and CSV exports write
 * it: the same object for both, so the page and its download can never disagree. Cells
 * hold a number, text, `*` (hidden) or null (nothing to show).
 */
import { type Disclosed, SUPPRESSED_MARK } from "./counts";
import { DISCLOSURE_RULE } from "./rule";
import { csvCell } from "../format/csv-cell";

export type CellFormat = "text" | "count" | "pence" | "percent" | "per-thousand" | "decimal" | "date";
export type Cell = string | number | null;

export type TableColumn = { key: string; label: string; format: CellFormat };
export type TableRow = { key: string; label: string; href?: string; cells: Record<string, Cell> };

export type DisclosedTable = {
  id: string;
  title: string;
  /** One sentence on what the rows are and how they are counted. */
  description: string;
  /** The heading of the first column, which names the rows ("Quarter", "Referral source"). */
  rowHeader: string;
  columns: TableColumn[];
  rows: TableRow[];
  /** Shown beside the parts: complementary suppression has been applied against it. */
  total?: TableRow;
  notes?: string[];
};

/** A disclosed figure as a cell: `*` when hidden. */
export function cell(d: Disclosed): Cell {
  return d.value === null ? SUPPRESSED_MARK : d.value;
}

const csvField = (value: Cell): string => csvCell(value);

/** The cell as the CSV writes it: money in pounds to the penny, percentages and rates to one decimal place. */
function exportValue(value: Cell, format: CellFormat): Cell {
  if (typeof value !== "number") return value;
  if (format === "pence") return Number((value / 100).toFixed(2));
  if (format === "percent" || format === "per-thousand") return Number(value.toFixed(1));
  if (format === "decimal") return Number(value.toFixed(2));
  return value;
}

/**
 * The table as a download lays it out: lines saying what it is (and, when it is, that it
 * is synthetic demonstration data) and the disclosure rule, then the header and rows with
 * money in pounds. The CSV and XLSX downloads both write this.
 */
export function disclosedTableSheet(
  table: DisclosedTable,
  context: { area: string; synthetic: string | null; dataTo: string | null; generatedOn: string },
): { preamble: string[]; header: string[]; rows: Cell[][] } {
  return {
    preamble: [
      `${table.title}: ${context.area}`,
      ...(context.synthetic ? [context.synthetic] : []),
      table.description,
      ...(table.notes ?? []),
      ...DISCLOSURE_RULE.map((r) => `Disclosure control: ${r}`),
      `Referrals to ${context.dataTo ?? "–"}; downloaded ${context.generatedOn}.`,
    ],
    header: [table.rowHeader, ...table.columns.map((c) => (c.format === "pence" ? `${c.label} (£)` : c.label))],
    rows: [...table.rows, ...(table.total ? [table.total] : [])].map((row) => [row.label, ...table.columns.map((c) => exportValue(row.cells[c.key] ?? null, c.format))]),
  };
}

/** The table as CSV text: the preamble lines, a blank line, then the header and rows. */
export function disclosedTableCsv(table: DisclosedTable, context: { area: string; synthetic: string | null; dataTo: string | null; generatedOn: string }): string {
  const sheet = disclosedTableSheet(table, context);
  const lines = [...sheet.preamble.map(csvField), "", sheet.header.map(csvField).join(","), ...sheet.rows.map((r) => r.map(csvField).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}
