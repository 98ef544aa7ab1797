/**
 * A return made by uploading the case-level hjp-activity file. The file goes through
 * the importer's own parse step (importers/hjp-activity/parse.ts) and, for the preview,
 * its load step in a transaction that is rolled back, so the preview lists every
 * problem the real load would find (unknown neighbourhoods, LSOAs, repeated episodes)
 * as well as rows for another service or period. Nothing is written until the partner
 * accepts the preview; accepting loads the same stored file and submits the return in
 * one transaction, replacing the service's activity records for that period.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { activityLoader } from "../../../importers/hjp-activity/load";
import { type ActivityRecord, parser } from "../../../importers/hjp-activity/parse";
import { formatOf, type RawRecord, readCsv, readXlsx } from "../../../importers/shared/read-source";
import { checkHeader, LoadRowErrors } from "../../../importers/shared/run-import";
import type { RowError } from "../../../importers/shared/types";
import { aggregateEpisodes } from "../../domain/returns/aggregate";
import type { ReturnAggregates } from "../../domain/returns/measures";
import type { PlausibilityFlag } from "../../domain/returns/plausibility";
import { flagsFor, type ReturnActor, type SubmitResult, submitVersion } from "./returns.server";
import { findReturnScope, type ReturnScope, rows } from "./shared.server";

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const MAX_LISTED_ERRORS = 500;

export type UploadPreview = {
  uploadId: number | null;
  fileName: string;
  rowsRead: number;
  errors: RowError[];
  moreErrors: number;
  totals: ReturnAggregates | null;
  flags: PlausibilityFlag[];
};

class Rollback extends Error {}

/** The file's rows through the importer's parse step, plus the checks that it is this service's return for this period. */
async function parseForReturn(scope: ReturnScope, fileName: string, bytes: Buffer) {
  const errors: RowError[] = [];
  let moreErrors = 0;
  const addError = (e: RowError) => (errors.length < MAX_LISTED_ERRORS ? errors.push(e) : moreErrors++);
  const records: ActivityRecord[] = [];
  let rowsRead = 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hjp-return-"));
  const ext = formatOf(fileName) === "xlsx" ? ".xlsx" : fileName.toLowerCase().endsWith(".gz") ? ".csv.gz" : ".csv";
  const file = path.join(dir, `upload${ext}`);
  try {
    fs.writeFileSync(file, bytes);
    const source: AsyncGenerator<RawRecord> = ext === ".xlsx" ? readXlsx(file) : readCsv(file);
    let header: string[] | null = null;
    const seen = new Map<string, number>();
    for await (const record of source) {
      if (!header) {
        header = record.cells.map((c) => c.trim());
        const refused = parser.refuseHeaders?.(header) ?? [];
        for (const e of refused) addError({ line: 1, ...e });
        if (refused.length) break;
        checkHeader(header, parser, addError);
        if (errors.length) break;
        continue;
      }
      rowsRead++;
      if (record.cells.length !== header.length) {
        addError({ line: record.line, message: `expected ${header.length} columns, found ${record.cells.length}` });
        continue;
      }
      const values: Record<string, string> = {};
      for (let i = 0; i < header.length; i++) values[header[i]] = record.cells[i];
      const result = parser.parseRow(values, record.line);
      if (result.kind === "error") for (const e of result.errors) addError({ line: record.line, ...e });
      if (result.kind !== "ok") continue;
      const r = result.record;
      if (r.providerOrgId !== scope.service.giving360Id || r.serviceRef !== scope.service.ref) {
        addError({ line: r.line, column: "service_ref", message: `this row is for service ${r.serviceRef} of ${r.providerOrgId}; a return for ${scope.service.name} (${scope.service.giving360Id ?? "no identifier"}, ${scope.service.ref}) holds only its own episodes` });
        continue;
      }
      if (r.periodStart < scope.period.start || r.periodStart > scope.period.end) {
        addError({ line: r.line, column: "reporting_period", message: `this row is for the quarter starting ${r.periodStart}; this return is for ${scope.period.label}` });
        continue;
      }
      const first = seen.get(r.episodeRef);
      if (first !== undefined) {
        addError({ line: r.line, column: "episode_ref", message: `episode ${r.episodeRef} appears twice in the file (first on line ${first})` });
        continue;
      }
      seen.set(r.episodeRef, r.line);
      records.push(r);
    }
    if (!header) addError({ line: 1, message: "the file is empty: no header row" });
  } catch (error) {
    // A file that is not CSV or XLSX at all: one problem with the file, not a crash.
    addError({ line: 0, message: `the file could not be read as ${ext === ".xlsx" ? "an Excel workbook" : "CSV"}: ${(error as Error).message.split("\n")[0].slice(0, 200)}` });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { records, errors, moreErrors, rowsRead };
}

/** Runs the importer's load step on the records in the caller's transaction; row errors come back as a list. */
async function loadEpisodes(tx: Queryable, fileName: string, sha256: string, records: ActivityRecord[]): Promise<{ uploadId: number } | { errors: RowError[] }> {
  const loader = activityLoader({ tx: tx as never, fileName, sha256, deferDerived: false });
  try {
    for (let i = 0; i < records.length; i += 5000) await loader.loadBatch(records.slice(i, i + 5000));
    await loader.finish();
  } catch (error) {
    if (error instanceof LoadRowErrors) return { errors: error.errors };
    throw error;
  }
  const [u] = await rows<{ id: number }>(tx, sql`select max(id)::int as id from hjp_uploads where sha256 = ${sha256}`);
  return { uploadId: Number(u.id) };
}

const toEpisodes = (records: ActivityRecord[]) =>
  records.map((r) => ({
    referralSource: r.referralSource,
    attended: r.attended,
    problemAreas: r.problems.areas,
    gainsRecurringPence: r.gainsRecurringByBenefit ? Object.values(r.gainsRecurringByBenefit).reduce((s, n) => s + n, 0) : null,
    gainsOneOffPence: r.gainsOneOffByBenefit ? Object.values(r.gainsOneOffByBenefit).reduce((s, n) => s + n, 0) : null,
    debtManagedPence: r.debtManagedPence,
    debtWrittenOffPence: r.debtWrittenOffPence,
    housingOutcome: r.housingOutcome,
    swemwbsBaseline: r.swemwbsBaseline,
    swemwbsFollowup: r.swemwbsFollowup,
  }));

/**
 * Checks an uploaded file for a return and keeps it for acceptance if it is clean.
 * Null when the actor may not submit this return.
 */
export async function previewUpload({
  db,
  actor,
  serviceId,
  periodStart,
  fileName,
  bytes,
}: {
  db: Queryable;
  actor: ReturnActor;
  serviceId: number;
  periodStart: string;
  fileName: string;
  bytes: Buffer;
}): Promise<UploadPreview | null> {
  const scope = await findReturnScope(db, actor, { serviceId, periodStart, action: "submit" });
  if (!scope) return null;
  const safeName = path.basename(fileName).slice(0, 200) || "upload.csv";
  const parsed = await parseForReturn(scope, safeName, bytes);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (!parsed.errors.length && !parsed.records.length) parsed.errors.push({ line: 2, message: "the file has no episodes: a return needs at least one row" });
  if (!parsed.errors.length) {
    // The real load, rolled back: the references only the database can check.
    await db
      .transaction(async (tx) => {
        const loaded = await loadEpisodes(tx, safeName, sha256, parsed.records);
        if ("errors" in loaded) parsed.errors.push(...loaded.errors);
        throw new Rollback();
      })
      .catch((error) => {
        if (!(error instanceof Rollback)) throw error;
      });
  }
  const totals = parsed.errors.length ? null : aggregateEpisodes(toEpisodes(parsed.records));
  let uploadId: number | null = null;
  if (totals) {
    const [u] = await rows<{ id: number }>(
      db,
      sql`insert into return_uploads (service_id, period_start, user_id, file_name, sha256, content)
          values (${scope.service.id}, ${scope.period.start}, ${actor.id}, ${safeName}, ${sha256}, ${bytes.toString("base64")}) returning id`,
    );
    uploadId = Number(u.id);
  }
  return {
    uploadId,
    fileName: safeName,
    rowsRead: parsed.rowsRead,
    errors: parsed.errors,
    moreErrors: parsed.moreErrors,
    totals,
    flags: totals ? await flagsFor(db, scope, totals) : [],
  };
}

/** A kept upload's preview again (the page after the upload), for the user who uploaded it. */
export async function getUploadPreview({ db, actor, serviceId, periodStart, uploadId }: { db: Queryable; actor: ReturnActor; serviceId: number; periodStart: string; uploadId: number }): Promise<UploadPreview | null> {
  const scope = await findReturnScope(db, actor, { serviceId, periodStart, action: "submit" });
  if (!scope) return null;
  const stored = await storedUpload(db, actor, scope, uploadId);
  if (!stored) return null;
  const parsed = await parseForReturn(scope, stored.fileName, stored.bytes);
  const totals = parsed.errors.length ? null : aggregateEpisodes(toEpisodes(parsed.records));
  return { uploadId, fileName: stored.fileName, rowsRead: parsed.rowsRead, errors: parsed.errors, moreErrors: parsed.moreErrors, totals, flags: totals ? await flagsFor(db, scope, totals) : [] };
}

async function storedUpload(db: Queryable, actor: ReturnActor, scope: ReturnScope, uploadId: number) {
  const [u] = await rows<{ file_name: string; content: string }>(
    db,
    sql`select file_name, content from return_uploads where id = ${uploadId} and user_id = ${actor.id} and service_id = ${scope.service.id} and period_start = ${scope.period.start}`,
  );
  return u ? { fileName: u.file_name, bytes: Buffer.from(u.content, "base64") } : null;
}

export type CommitResult = SubmitResult | { ok: false; reason: "errors"; errors: RowError[] };

/**
 * Accepts a previewed upload: in one transaction the file's episodes replace the
 * service's activity records for the period, and the return is submitted with the
 * file's totals. Any failure leaves everything as it was.
 */
export async function commitUpload({ db, actor, serviceId, periodStart, uploadId }: { db: Queryable; actor: ReturnActor; serviceId: number; periodStart: string; uploadId: number }): Promise<CommitResult> {
  return db.transaction(async (tx) => {
    const scope = await findReturnScope(tx, actor, { serviceId, periodStart, action: "submit" });
    if (!scope) return { ok: false, reason: "not-found" } as const;
    const stored = await storedUpload(tx, actor, scope, uploadId);
    if (!stored) return { ok: false, reason: "not-found" } as const;
    const parsed = await parseForReturn(scope, stored.fileName, stored.bytes);
    if (parsed.errors.length) return { ok: false, reason: "errors", errors: parsed.errors } as const;
    const sha256 = createHash("sha256").update(stored.bytes).digest("hex");
    // Earlier episodes of this period go even if they came under other quarters' files; the loader replaces by period too.
    await tx.execute(sql`delete from hjp_episodes where service_id = ${scope.service.id} and period_start between ${scope.period.start} and ${scope.period.end}`);
    const loaded = await loadEpisodes(tx, stored.fileName, sha256, parsed.records);
    if ("errors" in loaded) {
      // Roll back the deletion with everything else.
      throw new UploadRejected(loaded.errors);
    }
    await tx.execute(sql`update hjp_uploads set uploaded_by_user_id = ${actor.id} where id = ${loaded.uploadId}`);
    const result = await submitVersion(tx, actor, scope, { aggregates: aggregateEpisodes(toEpisodes(parsed.records)), source: "upload", uploadId: loaded.uploadId });
    if (!result.ok) throw new UploadRejected(null, result);
    await tx.execute(sql`delete from return_uploads where id = ${uploadId}`);
    return result;
  }).catch((error) => {
    if (error instanceof UploadRejected) return error.result ?? ({ ok: false, reason: "errors", errors: error.errors ?? [] } as const);
    throw error;
  });
}

class UploadRejected extends Error {
  constructor(
    readonly errors: RowError[] | null,
    readonly result?: CommitResult,
  ) {
    super("upload rejected");
  }
}
