/**
 * The contract every importer's pure parse step follows.
 *
 * The shared runner (importers/shared/run-import.ts) reads the file (CSV, gzipped CSV,
 * XLSX or GeoJSON), checks the header, and hands each data row to `parseRow`. It
 * collects every error with its line and column, detects duplicate keys, counts
 * skipped rows by reason, and only if the whole file is clean does the load step
 * commit (loading happens in one transaction that is rolled back on any error).
 */

/** One problem with one row (or with the header, line 1). */
export type RowError = {
  /** 1-based physical line in the file (header is line 1). For GeoJSON: feature index + 1. */
  line: number;
  /** Column (header name) the problem is in, when it is about one column. */
  column?: string;
  message: string;
};

export type RowResult<R> =
  | { kind: "ok"; record: R }
  /** Out of scope by a stated rule (another nation, a closed practice): counted, not an error. */
  | { kind: "skip"; reason: string }
  | { kind: "error"; errors: { column?: string; message: string }[] };

export interface TabularParser<R> {
  format: "csv";
  /** Columns that must be present (exact header text after trimming and removing a BOM). */
  requiredColumns: readonly string[];
  /** Columns that may be present and are ignored. Any other column is an error unless `allowExtraColumns`. */
  optionalColumns?: readonly string[];
  allowExtraColumns?: boolean;
  /** For files without a header row (ODS epraccur): the names to give the columns, in order. */
  headerless?: readonly string[];
  /** Pure: no I/O, no clock. `values` maps header name to the raw cell text. */
  parseRow(values: Record<string, string>, line: number): RowResult<R>;
  /** A key that must be unique within the file; duplicates are errors naming both lines. */
  key?(record: R): string;
  /**
   * Pure: problems that refuse the whole file on its header alone (e.g. a column of
   * direct identifiers), checked before any row is read; empty or null when none.
   */
  refuseHeaders?(header: readonly string[]): { column?: string; message: string }[] | null;
}

export interface GeoJsonParser<R> {
  format: "geojson";
  parseFeature(
    feature: { type: string; properties: Record<string, unknown> | null; geometry: unknown },
    index: number,
  ): RowResult<R>;
  key?(record: R): string;
}

export type SourceParser<R> = TabularParser<R> | GeoJsonParser<R>;

/** Helpers for parseRow implementations. */
export type CellProblem = { column?: string; message: string };
