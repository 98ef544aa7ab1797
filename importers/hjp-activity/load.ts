/**
 * The load step of hjp-activity, in the runner's transaction:
 *
 * - each record's provider and service must exist (else a row error naming the line
 *   and column); its neighbourhood is the PCN given or the PCN of the GP practice it
 *   took place in, its deprivation decile the one given or IMD 2025 of its LSOA;
 * - for each service and quarter the file contains, the service's earlier episodes
 *   for that quarter are replaced; an episode sent before under another quarter is
 *   replaced too (the key is the service and episode_ref), never duplicated;
 * - rows go in by COPY, batch by batch, each batch under a savepoint: an episode
 *   sent twice in one file trips the primary key, and the savepoint lets the step
 *   find and name the lines instead of failing the whole transaction blindly.
 *
 * Writing a batch overlaps reading the next: loadBatch returns once the batch is
 * handed to the database and waits for it at the next call (or at finish), so the
 * file is parsed while PostgreSQL writes. Memory stays flat: one batch in hand, one
 * in flight, and lookups of services, practices and LSOAs.
 */
import { sql } from "drizzle-orm";
import { COPY_REFUSED, copyRows, copyValue } from "../hjp-shared/copy";
import { loadReferences, selectRows, serviceKey, unknownOrganisation, unknownService } from "../hjp-shared/references";
import type { LoadContext, Loader } from "../shared/importer";
import { LoadRowErrors } from "../shared/run-import";
import type { RowError } from "../shared/types";
import type { ActivityRecord } from "./parse";

/** The table's columns in the order the COPY text gives them. */
export const EPISODE_COLUMNS = [
  "service_id",
  "episode_ref",
  "upload_id",
  "period_start",
  "period_end",
  "client_ref",
  "referral_date",
  "referral_source",
  "referral_route",
  "attended",
  "first_contact_date",
  "setting",
  "site_ods_code",
  "delivery_mode",
  "problem_areas",
  "problem_categories",
  "service_level",
  "neighbourhood_code",
  "client_lsoa",
  "client_outward_code",
  "imd_decile",
  "age_band",
  "sex",
  "ethnicity",
  "disability_or_ltc",
  "gains_recurring_annual_pence",
  "gains_one_off_pence",
  "gains_recurring_by_benefit",
  "gains_one_off_by_benefit",
  "debt_written_off_pence",
  "debt_managed_pence",
  "housing_outcome",
  "problem_resolved",
  "swemwbs_baseline",
  "swemwbs_followup",
  "closed_date",
] as const;

const MAX_ERRORS = 200;

type Lookups = {
  uploadId: number;
  organisations: Set<string>;
  /** serviceKey(org, ref) → service id. */
  services: Map<string, number>;
  practicePcn: Map<string, string | null>;
  pcns: Set<string>;
  lsoaDecile: Map<string, number>;
};

async function openLookups(ctx: LoadContext): Promise<Lookups> {
  const { tx } = ctx;
  const [upload] = await selectRows<{ id: number }>(tx, sql`insert into hjp_uploads (source, file_name, sha256) values ('hjp-activity', ${ctx.fileName}, ${ctx.sha256}) returning id`);
  const refs = await loadReferences(tx);
  const practices = await selectRows<{ code: string; pcn_code: string | null }>(tx, sql`select code, pcn_code from practices`);
  const pcns = await selectRows<{ code: string }>(tx, sql`select code from areas where level = 'neighbourhood'`);
  const lsoas = await selectRows<{ lsoa_code: string; imd_decile: number }>(tx, sql`select lsoa_code, imd_decile from ref_imd2025_lsoa`);
  return {
    uploadId: Number(upload.id),
    organisations: new Set(refs.organisations.keys()),
    services: new Map([...refs.services].map(([key, s]) => [key, s.id])),
    practicePcn: new Map(practices.map((p) => [p.code, p.pcn_code])),
    pcns: new Set(pcns.map((p) => p.code)),
    lsoaDecile: new Map(lsoas.map((l) => [l.lsoa_code, Number(l.imd_decile)])),
  };
}

type Resolved = { record: ActivityRecord; serviceId: number; neighbourhood: string | null; decile: number | null };

export function activityLoader(ctx: LoadContext): Loader<ActivityRecord> {
  let lookups: Lookups | null = null;
  const errors: RowError[] = [];
  let moreErrors = 0;
  const addError = (e: RowError) => (errors.length < MAX_ERRORS ? errors.push(e) : moreErrors++);
  /** Services with episodes from earlier uploads: only these need clearing before a COPY. */
  const serviceHasOlder = new Map<number, boolean>();
  const periodsSeen = new Set<string>();
  const periodCounts = new Map<string, number>();
  let rowsLoaded = 0;
  let practiceUnknown = 0;
  let pending: Promise<void> | null = null;

  function resolve(records: ActivityRecord[], l: Lookups): Resolved[] {
    const resolved: Resolved[] = [];
    const inBatch = new Map<string, number>();
    for (const r of records) {
      const serviceId = l.services.get(serviceKey(r.providerOrgId, r.serviceRef));
      let ok = true;
      if (serviceId === undefined) {
        ok = false;
        addError(l.organisations.has(r.providerOrgId) ? unknownService(r.line, r.providerOrgId, r.serviceRef) : unknownOrganisation(r.line, "provider_org_id", r.providerOrgId));
      }
      if (r.clientPcnCode && l.pcns.size && !l.pcns.has(r.clientPcnCode)) {
        ok = false;
        addError({ line: r.line, column: "client_pcn_code", message: `${r.clientPcnCode} is not a primary care network in the reference geography` });
      }
      const lsoaDecile = r.clientLsoa ? l.lsoaDecile.get(r.clientLsoa) : undefined;
      if (r.clientLsoa && l.lsoaDecile.size && lsoaDecile === undefined) {
        ok = false;
        addError({ line: r.line, column: "client_lsoa", message: `${r.clientLsoa} is not an English LSOA (2021)` });
      }
      if (serviceId !== undefined) {
        const key = `${serviceId}\u0000${r.episodeRef}`;
        const first = inBatch.get(key);
        if (first !== undefined) {
          ok = false;
          addError({ line: r.line, column: "episode_ref", message: `episode ${r.episodeRef} of service ${r.serviceRef} appears twice in the file (first on line ${first})` });
        } else inBatch.set(key, r.line);
      }
      if (!ok) continue;
      let neighbourhood = r.clientPcnCode;
      if (!neighbourhood && r.setting === "gp-practice" && r.siteOdsCode) {
        const pcn = l.practicePcn.get(r.siteOdsCode);
        if (pcn === undefined) practiceUnknown++;
        neighbourhood = pcn ?? null;
      }
      resolved.push({ record: r, serviceId: serviceId!, neighbourhood, decile: r.imdDecile ?? lsoaDecile ?? null });
    }
    return resolved;
  }

  /**
   * The batch as COPY text. Codes, dates and numbers were checked by the parser and
   * cannot hold a tab, line break or backslash, so only free text is escaped.
   */
  function copyText(batch: Resolved[], uploadId: number): string {
    const lines = new Array<string>(batch.length + 1);
    for (let i = 0; i < batch.length; i++) {
      const { record: r, serviceId, neighbourhood, decile } = batch[i];
      lines[i] = [
        serviceId,
        copyValue(r.episodeRef),
        uploadId,
        r.periodStart,
        r.periodEnd,
        copyValue(r.clientRef),
        r.referralDate,
        r.referralSource,
        code(r.referralRoute),
        r.attended ? "t" : "f",
        code(r.firstContactDate),
        r.setting,
        code(r.siteOdsCode),
        r.deliveryMode,
        codes(r.problems.areas),
        codes(r.problems.categories),
        r.serviceLevel,
        code(neighbourhood),
        code(r.clientLsoa),
        code(r.clientOutwardCode),
        num(decile),
        code(r.ageBand),
        code(r.sex),
        code(r.ethnicity),
        r.disabilityOrLtc === null ? "\\N" : r.disabilityOrLtc ? "t" : "f",
        r.gainsRecurringByBenefit ? sum(r.gainsRecurringByBenefit) : "\\N",
        r.gainsOneOffByBenefit ? sum(r.gainsOneOffByBenefit) : "\\N",
        r.gainsRecurringByBenefit ? JSON.stringify(r.gainsRecurringByBenefit) : "\\N",
        r.gainsOneOffByBenefit ? JSON.stringify(r.gainsOneOffByBenefit) : "\\N",
        num(r.debtWrittenOffPence),
        num(r.debtManagedPence),
        code(r.housingOutcome),
        code(r.problemResolved),
        num(r.swemwbsBaseline),
        num(r.swemwbsFollowup),
        code(r.closedDate),
      ].join("\t");
    }
    lines[batch.length] = "";
    return lines.join("\n");
  }

  async function write(batch: Resolved[], l: Lookups): Promise<void> {
    const tx = ctx.tx;
    for (const { serviceId, record } of batch) {
      if (!serviceHasOlder.has(serviceId)) {
        const [older] = await selectRows<{ n: number }>(tx, sql`select count(*)::int as n from (select 1 from hjp_episodes where service_id = ${serviceId} limit 1) t`);
        serviceHasOlder.set(serviceId, older.n > 0);
      }
      const period = `${serviceId}/${record.periodStart}`;
      if (!periodsSeen.has(period)) {
        periodsSeen.add(period);
        // The file is the service's return for this quarter: what was there goes.
        if (serviceHasOlder.get(serviceId)) await tx.execute(sql`delete from hjp_episodes where service_id = ${serviceId} and period_start = ${record.periodStart}`);
      }
      periodCounts.set(record.periodStart, (periodCounts.get(record.periodStart) ?? 0) + 1);
    }
    // Episodes sent before under another quarter are replaced, not duplicated.
    const older = new Map<number, string[]>();
    for (const { serviceId, record } of batch) {
      if (!serviceHasOlder.get(serviceId)) continue;
      const refs = older.get(serviceId);
      if (refs) refs.push(record.episodeRef);
      else older.set(serviceId, [record.episodeRef]);
    }
    for (const [serviceId, refs] of older) {
      await tx.execute(sql`delete from hjp_episodes where service_id = ${serviceId} and upload_id <> ${l.uploadId} and episode_ref in (select json_array_elements_text(${JSON.stringify(refs)}::json))`);
    }
    await tx.execute(sql.raw("savepoint hjp_activity_batch"));
    try {
      await copyRows(tx, "hjp_episodes", EPISODE_COLUMNS, copyText(batch, l.uploadId));
    } catch (error) {
      // A key clash (PGlite says so; postgres.js only says the rows were refused).
      const code = (error as { code?: string }).code;
      if (code !== "23505" && code !== COPY_REFUSED) throw error;
      await tx.execute(sql.raw("rollback to savepoint hjp_activity_batch"));
      if (!(await nameRepeatedEpisodes(batch, l.uploadId))) {
        throw new Error(`the database refused the episodes on lines ${batch[0].record.line} to ${batch[batch.length - 1].record.line}: ${(error as Error).message}`);
      }
      return;
    }
    await tx.execute(sql.raw("release savepoint hjp_activity_batch"));
    rowsLoaded += batch.length;
  }

  /** After a primary-key clash: which of the batch's episodes an earlier batch already wrote. */
  async function nameRepeatedEpisodes(batch: Resolved[], uploadId: number): Promise<number> {
    let found = 0;
    const byService = new Map<number, Resolved[]>();
    for (const r of batch) {
      const list = byService.get(r.serviceId);
      if (list) list.push(r);
      else byService.set(r.serviceId, [r]);
    }
    for (const [serviceId, list] of byService) {
      const rows = await selectRows<{ episode_ref: string }>(
        ctx.tx,
        sql`select episode_ref from hjp_episodes where service_id = ${serviceId} and upload_id = ${uploadId} and episode_ref in (select json_array_elements_text(${JSON.stringify(list.map((r) => r.record.episodeRef))}::json))`,
      );
      const repeated = new Set(rows.map((r) => r.episode_ref));
      for (const r of list) {
        if (repeated.has(r.record.episodeRef)) {
          found++;
          addError({ line: r.record.line, column: "episode_ref", message: `episode ${r.record.episodeRef} of service ${r.record.serviceRef} appears twice in the file (also on an earlier line)` });
        }
      }
    }
    return found;
  }

  async function settle() {
    if (!pending) return;
    const p = pending;
    pending = null;
    await p;
  }

  return {
    async loadBatch(records) {
      lookups ??= await openLookups(ctx);
      const batch = resolve(records, lookups);
      await settle();
      // After the first problem nothing more is written (it would be rolled back);
      // the rest of the file is still checked so that every problem is listed.
      if (errors.length || moreErrors) return;
      pending = write(batch, lookups);
      // Reported at the next settle(); this only stops an unhandled rejection.
      pending.catch(() => {});
    },
    async finish() {
      await settle();
      if (errors.length || moreErrors) {
        if (moreErrors) errors.push({ line: errors[errors.length - 1].line, message: `… and ${moreErrors} more rows with problems like these` });
        throw new LoadRowErrors(errors);
      }
      const notes: string[] = [];
      if (lookups) {
        await ctx.tx.execute(sql`update hjp_uploads set rows_loaded = ${rowsLoaded} where id = ${lookups.uploadId}`);
        const services = new Set([...periodsSeen].map((p) => p.split("/")[0])).size;
        const quarters = [...periodCounts.keys()].sort();
        notes.push(`${rowsLoaded.toLocaleString("en-GB")} episodes for ${services} service${services === 1 ? "" : "s"}, quarters starting ${quarters.join(", ")} (upload ${lookups.uploadId})`);
        if (practiceUnknown) notes.push(`${practiceUnknown.toLocaleString("en-GB")} GP-practice episodes at practices not in the reference list have no neighbourhood`);
        if (!lookups.lsoaDecile.size) notes.push("the reference LSOAs are not loaded: client_lsoa was not checked and gave no deprivation decile");
      }
      return { rowsLoaded, notes };
    },
  };
}

/** A checked code or date (no characters COPY would need escaped), or null. */
const code = (v: string | null) => (v === null ? "\\N" : v);
const num = (v: number | null) => (v === null ? "\\N" : String(v));
/** A text[] of checked codes. */
const codes = (list: readonly string[]) => `{${list.map((c) => `"${c}"`).join(",")}}`;

function sum(amounts: Record<string, number>): number {
  let total = 0;
  for (const k in amounts) total += amounts[k];
  return total;
}
