import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Database } from "../../db/client";
import { importRuns } from "../../db/schema/index";
import type { AnyImporter } from "./importer";
import { formatOf, openBytes, type RawRecord, readCsv, readXlsx } from "./read-source";
import type { RowError, RowResult } from "./types";

export type ImportSummary = {
  source: string;
  file: string;
  sha256: string;
  status: "loaded" | "dry-run" | "failed" | "unchanged";
  rowsRead: number;
  rowsLoaded: number;
  skipped: Record<string, number>;
  errors: RowError[];
  /** Errors beyond those listed (the list is capped so a broken file cannot exhaust memory). */
  moreErrors: number;
  notes: string[];
  durationMs: number;
};

export type RunOptions = {
  database: Database;
  importer: AnyImporter;
  filePath: string;
  dryRun?: boolean;
  /** Skip the load when a file with the same checksum was already loaded for this source. */
  skipIfUnchanged?: boolean;
  /** Leave derived tables for the caller to rebuild once (bundle loading). */
  deferDerived?: boolean;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  maxListedErrors?: number;
};

class Rollback extends Error {}

export async function sha256File(filePath: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of fs.createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

async function* readGeoJson(filePath: string): AsyncGenerator<{ line: number; feature: never }> {
  const chunks: Buffer[] = [];
  for await (const chunk of openBytes(filePath)) chunks.push(chunk as Buffer);
  let doc: { type?: string; features?: unknown[] };
  try {
    doc = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch (error) {
    throw new ImportFileError(`not valid JSON: ${(error as Error).message}`);
  }
  if (doc?.type !== "FeatureCollection" || !Array.isArray(doc.features)) {
    throw new ImportFileError("not a GeoJSON FeatureCollection");
  }
  let i = 0;
  for (const feature of doc.features) yield { line: ++i, feature: feature as never };
}

/** A problem with the file as a whole (unreadable, wrong format), reported as line 0. */
export class ImportFileError extends Error {}

/**
 * Thrown by a load step that finds rows the database cannot take (a reference to a
 * record that does not exist): each is listed like a parse error, and nothing is written.
 */
export class LoadRowErrors extends Error {
  constructor(readonly errors: RowError[]) {
    super(`${errors.length} rows could not be loaded`);
  }
}

/**
 * Reads, validates and loads one file: every row is checked, every problem listed
 * with its line and column, and the load runs in one transaction that is rolled back
 * if any row failed, so a bad file writes nothing.
 */
export async function runImport(options: RunOptions): Promise<ImportSummary> {
  const { database, importer, filePath } = options;
  const started = new Date();
  const t0 = performance.now();
  const maxListed = options.maxListedErrors ?? 200;
  const totalBytes = fs.statSync(filePath).size;
  const sha256 = await sha256File(filePath);
  const fileName = path.basename(filePath);
  const summary: ImportSummary = {
    source: importer.source,
    file: fileName,
    sha256,
    status: "failed",
    rowsRead: 0,
    rowsLoaded: 0,
    skipped: {},
    errors: [],
    moreErrors: 0,
    notes: [],
    durationMs: 0,
  };
  const addError = (e: RowError) => {
    if (summary.errors.length < maxListed) summary.errors.push(e);
    else summary.moreErrors++;
  };
  const errorCount = () => summary.errors.length + summary.moreErrors;

  if (options.skipIfUnchanged) {
    const previous = await database.rows<{ n: number }>(
      `select count(*)::int as n from import_runs where source = '${importer.source.replace(/'/g, "''")}' and sha256 = '${sha256}'`,
    );
    if ((previous[0]?.n ?? 0) > 0) {
      summary.status = "unchanged";
      summary.durationMs = performance.now() - t0;
      return summary;
    }
  }

  let bytesRead = 0;
  const onBytes = (n: number) => {
    bytesRead += n;
    options.onProgress?.(bytesRead, totalBytes);
  };
  const parser = importer.parser;
  const batchSize = importer.batchSize ?? 5_000;

  try {
    await database.db.transaction(async (tx) => {
      const loader = await importer.createLoader({ tx, fileName, sha256, deferDerived: options.deferDerived ?? false });
      let batch: unknown[] = [];
      const keys = new Map<string, number>();
      const accept = async (result: RowResult<unknown>, line: number) => {
        if (result.kind === "skip") {
          summary.skipped[result.reason] = (summary.skipped[result.reason] ?? 0) + 1;
          return;
        }
        if (result.kind === "error") {
          for (const e of result.errors) addError({ line, ...e });
          return;
        }
        if (parser.key) {
          const key = parser.key(result.record as never);
          const first = keys.get(key);
          if (first !== undefined) {
            addError({ line, message: `duplicate key ${key} (first seen on line ${first})` });
            return;
          }
          keys.set(key, line);
        }
        // After the first error nothing more is written; validation carries on
        // so that the user sees every problem in one pass.
        if (errorCount() > 0) return;
        batch.push(result.record);
        if (batch.length >= batchSize) {
          const full = batch;
          batch = [];
          await loader.loadBatch(full as never[]);
        }
      };

      if (parser.format === "geojson") {
        for await (const { line, feature } of readGeoJson(filePath)) {
          summary.rowsRead++;
          await accept(parser.parseFeature(feature, line - 1) as RowResult<unknown>, line);
        }
        onBytes(totalBytes);
      } else {
        const format = formatOf(filePath);
        const records: AsyncGenerator<RawRecord> =
          format === "xlsx" ? readXlsx(filePath, { onBytes }) : readCsv(filePath, { onBytes });
        let header: string[] | null = parser.headerless ? [...parser.headerless] : null;
        for await (const record of records) {
          if (!header) {
            header = record.cells.map((c) => c.trim());
            // A refused header stops the file before any row is read or stored.
            const refused = parser.refuseHeaders?.(header) ?? [];
            for (const e of refused) addError({ line: 1, ...e });
            if (refused.length) break;
            checkHeader(header, parser, addError);
            if (errorCount() > 0) break; // rows cannot be read against a wrong header
            continue;
          }
          summary.rowsRead++;
          if (record.cells.length !== header.length) {
            addError({
              line: record.line,
              message: `expected ${header.length} columns, found ${record.cells.length}`,
            });
            continue;
          }
          const values: Record<string, string> = {};
          for (let i = 0; i < header.length; i++) values[header[i]] = record.cells[i];
          await accept(parser.parseRow(values, record.line), record.line);
        }
        if (!header) addError({ line: 1, message: "the file is empty: no header row" });
      }

      if (errorCount() > 0) throw new Rollback();
      if (batch.length) await loader.loadBatch(batch as never[]);
      const result = await loader.finish();
      summary.rowsLoaded = result.rowsLoaded;
      summary.notes.push(...(result.notes ?? []));
      if (options.dryRun) throw new Rollback();
      await tx.insert(importRuns).values({
        source: importer.source,
        fileName,
        sha256,
        rowsRead: summary.rowsRead,
        rowsLoaded: summary.rowsLoaded,
        skipped: summary.skipped,
        startedAt: started,
        finishedAt: new Date(),
      });
    });
    summary.status = "loaded";
  } catch (error) {
    if (error instanceof LoadRowErrors) {
      for (const e of error.errors) addError(e);
    } else if (!(error instanceof Rollback)) {
      if (error instanceof ImportFileError || (error as { code?: string }).code?.startsWith?.("CSV_")) {
        addError({ line: (error as { lines?: number }).lines ?? 0, message: (error as Error).message });
      } else {
        throw error;
      }
    }
    summary.status = options.dryRun && errorCount() === 0 ? "dry-run" : "failed";
    if (summary.status === "failed") summary.rowsLoaded = 0;
  }
  summary.durationMs = performance.now() - t0;
  return summary;
}

export function checkHeader(
  header: string[],
  parser: { requiredColumns: readonly string[]; optionalColumns?: readonly string[]; allowExtraColumns?: boolean },
  addError: (e: RowError) => void,
) {
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) addError({ line: 1, column: name, message: `column "${name}" appears twice` });
    seen.add(name);
  }
  for (const name of parser.requiredColumns) {
    if (!seen.has(name)) addError({ line: 1, column: name, message: `required column "${name}" is missing` });
  }
  if (!parser.allowExtraColumns) {
    const known = new Set([...parser.requiredColumns, ...(parser.optionalColumns ?? [])]);
    for (const name of header) {
      if (!known.has(name)) addError({ line: 1, column: name, message: `unexpected column "${name}"` });
    }
  }
}

export function formatSummary(s: ImportSummary): string {
  const lines = [
    `${s.source}: ${s.file}`,
    `  status: ${s.status}`,
    `  rows read: ${s.rowsRead.toLocaleString("en-GB")}`,
    `  rows loaded: ${s.rowsLoaded.toLocaleString("en-GB")}`,
  ];
  for (const [reason, n] of Object.entries(s.skipped)) lines.push(`  skipped ${n.toLocaleString("en-GB")}: ${reason}`);
  for (const note of s.notes) lines.push(`  note: ${note}`);
  if (s.errors.length) {
    lines.push(`  errors (${(s.errors.length + s.moreErrors).toLocaleString("en-GB")}; nothing was written):`);
    for (const e of s.errors) lines.push(`    line ${e.line}${e.column ? `, column "${e.column}"` : ""}: ${e.message}`);
    if (s.moreErrors) lines.push(`    … and ${s.moreErrors.toLocaleString("en-GB")} more`);
  }
  lines.push(`  time: ${(s.durationMs / 1000).toFixed(1)} s`);
  return lines.join("\n");
}
