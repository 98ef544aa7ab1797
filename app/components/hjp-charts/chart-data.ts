/**
 * Pure shaping of disclosed tables into chart data, and the text of a cell. The charts
 * show exactly the figures of the table beside them: a hidden cell (`*`) is a gap in a
 * line or a bar left out, never an estimate.
 */
import type { Cell, CellFormat, DisclosedTable } from "~/domain/disclosure/table";
import { fixed, upTo } from "../../domain/format/numbers";

export type Bar = { key: string; label: string; value: number | null; text: string; format: CellFormat };
export type Series = { name: string; values: (number | null)[] };

const numeric = (c: Cell | undefined): number | null => (typeof c === "number" && Number.isFinite(c) ? c : null);

const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** A cell as the page shows it: counts grouped, money in whole pounds, percentages and rates to one place. */
export function formatCell(value: Cell | undefined, format: CellFormat): string {
  if (value === null || value === undefined) return "–";
  if (typeof value === "string") return format === "date" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? DATE.format(new Date(`${value}T00:00:00Z`)) : value;
  switch (format) {
    case "count":
      return Math.round(value).toLocaleString("en-GB");
    case "pence":
      return `£${Math.round(value / 100).toLocaleString("en-GB")}`;
    case "percent":
      return `${fixed(value, 1)}%`;
    case "per-thousand":
      return fixed(value, 1);
    case "decimal":
      return fixed(value, 2);
    default:
      return String(value);
  }
}

/** An axis tick in the column's units: money in compact pounds (£200k, £1.5m), others as numbers. */
export function formatTick(value: number, format: CellFormat): string {
  if (format === "pence") {
    const pounds = value / 100;
    if (Math.abs(pounds) >= 1_000_000) return `£${upTo(pounds / 1_000_000, 1)}m`;
    if (Math.abs(pounds) >= 1_000) return `£${upTo(pounds / 1_000, 1)}k`;
    return `£${upTo(pounds, 0)}`;
  }
  // Cached formatters: a page draws hundreds of ticks (toLocaleString builds one each call).
  if (format === "percent") return `${upTo(value)}%`;
  return upTo(value);
}

/** One bar per row of the table (the total row is not a bar), for the column given. */
export function barsFromTable(table: DisclosedTable, column: string, options: { skip?: (key: string) => boolean } = {}): Bar[] {
  const format = table.columns.find((c) => c.key === column)?.format ?? "count";
  return table.rows.filter((r) => !options.skip?.(r.key)).map((r) => ({ key: r.key, label: r.label, value: numeric(r.cells[column]), text: formatCell(r.cells[column], format), format }));
}

/** Series over the table's rows (categories), one per column given. */
export function seriesFromTable(table: DisclosedTable, columns: { key: string; name: string }[]): { categories: string[]; series: Series[] } {
  return {
    categories: table.rows.map((r) => r.label),
    series: columns.map((c) => ({ name: c.name, values: table.rows.map((r) => numeric(r.cells[c.key])) })),
  };
}

/** Splits a label into lines of at most `max` characters at spaces (a longer word stays whole). */
export function wrapLabel(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && `${line} ${word}`.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** "2025-26 Q3" → ["Q3", "2025-26"]: the quarter on one line, the year under it only at Q1 (or the first point). */
export function quarterTick(label: string, index: number): [string, string] {
  const m = /^(\d{4}-\d{2}) (Q[1-4])\b/.exec(label);
  if (!m) return [label, ""];
  return [m[2], m[2] === "Q1" || index === 0 ? m[1] : ""];
}

/** How many points of the series are hidden, for the chart's description. */
export function hiddenCount(series: Series[]): number {
  return series.reduce((s, x) => s + x.values.filter((v) => v === null).length, 0);
}

/** Why a chart is not drawn when it would show nothing: every figure hidden, or every one zero. */
export function noChartText(values: (number | null)[]): string {
  return values.every((v) => v === null)
    ? "The chart is not drawn: every figure in it is hidden to protect privacy (see the table)."
    : "The chart is not drawn: there is nothing above zero to show (see the table).";
}
