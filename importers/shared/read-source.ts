import fs from "node:fs";
import { Transform } from "node:stream";
import { createGunzip } from "node:zlib";
import { parse as parseCsv } from "csv-parse";

/** One raw record: cells in file order, with the physical line it started on. */
export type RawRecord = { line: number; cells: string[] };

export type SourceFormat = "csv" | "xlsx" | "geojson";

export function formatOf(filePath: string): SourceFormat {
  const name = filePath.toLowerCase().replace(/\.gz$/, "");
  if (name.endsWith(".xlsx")) return "xlsx";
  if (name.endsWith(".geojson") || name.endsWith(".json")) return "geojson";
  return "csv";
}

/** Counts bytes as they are read, for the progress bar. */
function byteCounter(onBytes: (n: number) => void) {
  return new Transform({
    transform(chunk: Buffer, _enc, callback) {
      onBytes(chunk.length);
      callback(null, chunk);
    },
  });
}

/** A readable stream of the file's bytes, gunzipped when the name ends in .gz. */
export function openBytes(filePath: string, onBytes: (n: number) => void = () => {}) {
  const raw = fs.createReadStream(filePath).pipe(byteCounter(onBytes));
  return filePath.toLowerCase().endsWith(".gz") ? raw.pipe(createGunzip()) : raw;
}

/**
 * Streams CSV records with their line numbers. Rows may have any number of cells:
 * the runner reports missing or extra columns itself, naming the line.
 */
export async function* readCsv(
  filePath: string,
  options: { encoding?: BufferEncoding; onBytes?: (n: number) => void } = {},
): AsyncGenerator<RawRecord> {
  const parser = parseCsv({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    encoding: options.encoding ?? "utf8",
  });
  const source = openBytes(filePath, options.onBytes);
  source.on("error", (error) => parser.destroy(error));
  source.pipe(parser);
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    // info.lines is the line the record ended on; a quoted cell may span lines,
    // so count back the line breaks inside the record to report where it began.
    let breaks = 0;
    for (const cell of item.record) for (const ch of cell) if (ch === "\n") breaks++;
    yield { line: item.info.lines - breaks, cells: item.record };
  }
}

/** A cell that names a shared string the streaming reader had not loaded when it read the sheet. */
class UnresolvedSharedString extends Error {}

/** Streams an XLSX file's first worksheet as records of cell text, row 1 being the header. */
export async function* readXlsx(filePath: string, options: { onBytes?: (n: number) => void } = {}): AsyncGenerator<RawRecord> {
  let yielded = 0;
  try {
    for await (const record of streamXlsx(filePath, options)) {
      yield record;
      yielded++;
    }
  } catch (error) {
    // Seen once in many runs, under load, on a zip that stores the worksheet before the
    // shared strings: exceljs's streaming reader gave shared-string references instead
    // of text. Every text cell of the header is one, so it shows before any row is
    // passed on, and the whole-file reader (which loads every part first) reads it.
    if (!(error instanceof UnresolvedSharedString) || yielded > 0) throw error;
    yield* wholeXlsx(filePath, options);
  }
}

async function* streamXlsx(filePath: string, options: { onBytes?: (n: number) => void }): AsyncGenerator<RawRecord> {
  const ExcelJS = (await import("exceljs")).default;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(openBytes(filePath, options.onBytes), {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    worksheets: "emit",
  });
  // exceljs 4.4's streaming reader reads `model.sheets` for each worksheet but only sets
  // `model` when it meets xl/workbook.xml; zips that store a worksheet before the workbook
  // part (exceljs's own writer can) crashed it with "reading 'sheets'". We take the first
  // worksheet by position and never need its name, so an empty model is enough.
  (reader as unknown as { model?: { sheets?: unknown[] } }).model ??= { sheets: [] };
  for await (const worksheet of reader) {
    for await (const row of worksheet) yield rowRecord(row as { values: unknown[]; number: number });
    return; // only the first worksheet holds data in our templates
  }
}

/** The first worksheet read whole (every part of the zip loaded first). */
export async function* wholeXlsx(filePath: string, options: { onBytes?: (n: number) => void } = {}): AsyncGenerator<RawRecord> {
  const ExcelJS = (await import("exceljs")).default;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(filePath);
  options.onBytes?.(fs.statSync(filePath).size);
  const records: RawRecord[] = [];
  workbook.worksheets[0]?.eachRow((row) => records.push(rowRecord(row as unknown as { values: unknown[]; number: number })));
  yield* records;
}

function rowRecord(row: { values: unknown[]; number: number }): RawRecord {
  const cells: string[] = [];
  // exceljs rows are 1-indexed: values[0] is always empty.
  for (let i = 1; i < row.values.length; i++) cells.push(cellText(row.values[i]));
  return { line: row.number, cells };
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const v = value as { text?: unknown; result?: unknown; richText?: { text: string }[]; formula?: string; sharedString?: unknown };
    if (v.sharedString !== undefined) throw new UnresolvedSharedString(`a cell refers to shared string ${String(v.sharedString)}, which was not loaded`);
    // Formulas are never evaluated or kept: only their cached result is read as text.
    if (v.richText) return v.richText.map((r) => r.text).join("");
    if (v.result !== undefined) return cellText(v.result);
    if (v.text !== undefined) return String(v.text);
    if (v.formula !== undefined) return "";
  }
  return String(value);
}
