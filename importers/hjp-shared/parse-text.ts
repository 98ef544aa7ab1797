/**
 * Test harness: runs an HJP parser over CSV text in memory the way the runner does
 * (header refusal, then header check, then each row), returning records and errors
 * with their lines. For parse tests; the runner itself is tested with real files.
 */
import { parse } from "csv-parse/sync";
import type { RowError, TabularParser } from "../shared/types";

export function parseText<R>(parser: TabularParser<R>, text: string): { records: R[]; errors: RowError[] } {
  const rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  const header = rows[0].map((h) => h.trim());
  const refused = parser.refuseHeaders?.(header) ?? [];
  if (refused.length) return { records: [], errors: refused.map((e) => ({ line: 1, ...e })) };
  const errors: RowError[] = [];
  for (const name of parser.requiredColumns) if (!header.includes(name)) errors.push({ line: 1, column: name, message: `required column "${name}" is missing` });
  if (errors.length) return { records: [], errors };
  const records: R[] = [];
  rows.slice(1).forEach((cells, i) => {
    const values = Object.fromEntries(header.map((h, j) => [h, cells[j] ?? ""]));
    const result = parser.parseRow(values, i + 2);
    if (result.kind === "ok") records.push(result.record);
    else if (result.kind === "error") for (const e of result.errors) errors.push({ line: i + 2, ...e });
  });
  return { records, errors };
}

/** CSV text from a header and rows of header-keyed values (missing keys are blank). */
export function csvText(header: readonly string[], rows: Record<string, string>[]): string {
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [header.join(","), ...rows.map((r) => header.map((h) => cell(r[h] ?? "")).join(","))].join("\n") + "\n";
}
