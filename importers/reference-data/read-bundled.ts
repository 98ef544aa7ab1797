/**
 * Test harness: runs a parser over a bundled reference file in memory.
 *
 * It reads the whole (gzipped) file at once with csv-parse's sync API, which is simpler
 * than the streaming runner in importers/shared/run-import.ts and good enough for files
 * of a few MB; it checks the header the same way (names trimmed, BOM removed) and
 * collects ok records, skip counts by reason and errors with their line numbers.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { parse } from "csv-parse/sync";
import type { RowError, RowResult, SourceParser, TabularParser } from "../shared/types";

export const REFERENCE_DATA_DIR = path.dirname(fileURLToPath(import.meta.url));

export function bundledPath(file: string): string {
  return path.join(REFERENCE_DATA_DIR, file);
}

export function readBundledText(file: string): string {
  const bytes = fs.readFileSync(bundledPath(file));
  return (file.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8");
}

export type ParsedFile<R> = {
  header: string[];
  rows: number;
  records: R[];
  skipped: Record<string, number>;
  errors: RowError[];
};

/** Reads a bundled CSV as header-keyed rows, as the brief's harness does. */
export function readBundledRows(file: string): { header: string[]; rows: Record<string, string>[] } {
  let header: string[] = [];
  const rows = parse(readBundledText(file), {
    bom: true,
    skip_empty_lines: true,
    columns: (names: string[]) => {
      header = names.map((n) => n.trim());
      return header;
    },
  }) as Record<string, string>[];
  return { header, rows };
}

export function parseBundled<R>(parser: SourceParser<R>, file: string): ParsedFile<R> {
  const out: ParsedFile<R> = { header: [], rows: 0, records: [], skipped: {}, errors: [] };
  const keys = new Map<string, number>();
  const accept = (result: RowResult<R>, line: number) => {
    out.rows++;
    if (result.kind === "skip") out.skipped[result.reason] = (out.skipped[result.reason] ?? 0) + 1;
    else if (result.kind === "error") for (const e of result.errors) out.errors.push({ line, ...e });
    else {
      if (parser.key) {
        const key = parser.key(result.record);
        const first = keys.get(key);
        if (first !== undefined) {
          out.errors.push({ line, message: `duplicate key ${key} (first seen on line ${first})` });
          return;
        }
        keys.set(key, line);
      }
      out.records.push(result.record);
    }
  };

  if (parser.format === "geojson") {
    const doc = JSON.parse(readBundledText(file)) as { features: Parameters<typeof parser.parseFeature>[0][] };
    doc.features.forEach((feature, i) => accept(parser.parseFeature(feature, i), i + 1));
    return out;
  }

  const { header, rows } = readBundledRows(file);
  out.header = header;
  const known = new Set([...parser.requiredColumns, ...(parser.optionalColumns ?? [])]);
  for (const name of parser.requiredColumns) {
    if (!header.includes(name)) out.errors.push({ line: 1, column: name, message: `required column "${name}" is missing` });
  }
  if (!parser.allowExtraColumns) {
    for (const name of header) {
      if (!known.has(name)) out.errors.push({ line: 1, column: name, message: `unexpected column "${name}"` });
    }
  }
  rows.forEach((values, i) => accept(parser.parseRow(values, i + 2), i + 2));
  return out;
}

/** The parser as a CSV parser (tests call parseRow directly). */
export function tabular<R>(parser: SourceParser<R>): TabularParser<R> {
  if (parser.format !== "csv") throw new Error("not a CSV parser");
  return parser;
}

/** The column-level problems of a row result, sorted by column, for assertions. */
export function problems(result: RowResult<unknown>): { column?: string; message: string }[] {
  if (result.kind !== "error") return [];
  return [...result.errors].sort((a, b) => (a.column ?? "").localeCompare(b.column ?? ""));
}

/** The first data row of a bundled CSV (a real row to break in malformed-row tests). */
export function firstRow(file: string): Record<string, string> {
  const text = readBundledText(file);
  const rows = parse(text.slice(0, text.indexOf("\n", text.indexOf("\n") + 1) + 1), {
    bom: true,
    columns: (names: string[]) => names.map((n) => n.trim()),
  }) as Record<string, string>[];
  return rows[0];
}
