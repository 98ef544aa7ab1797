/**
 * `npm run bench:data`: national-scale synthetic HJP data for `npm run bench`, on both
 * drivers at once (or one, with `--driver pglite|postgres`).
 *
 * Each database starts empty and gets what `npm start` gives a new user (reference data,
 * demo accounts and the Greater Manchester demo), then every other ICB in England: two
 * synthetic advice organisations and nine services each, five financial years of case
 * records, their funding awards and training, three successive agreements per service
 * with KPIs, and an accepted return for every quarter. The HJP rows go through the
 * product's own importers (CSV files → parse → load), as an organisation's files would.
 *
 * Deterministic: the generator is seeded and `--today` (default below) fixes the last
 * day the data covers, so two runs give the same rows on both drivers.
 *
 * Where: PGlite in `.data/bench-national` (BENCH_PGLITE_DIR), PostgreSQL in the
 * database `hjp_bench_national` on BENCH_PG_ADMIN_URL's server. Both are replaced.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { bootstrap } from "../../app/server/bootstrap";
import { loadServerConfig } from "../../app/server/config";
import { createOrganisation } from "../../app/services/accounts/users.server";
import { changeAgreementStatus, createAgreement } from "../../app/services/agreements/agreements.server";
import { expandTargets, termQuarters } from "../../app/domain/agreements/kpis";
import { DEFAULT_REQUIRED_MEASURES } from "../../app/domain/returns/measures";
import { plausibilityFlags } from "../../app/domain/returns/plausibility";
import { quarterOf, quartersBetween } from "../../app/domain/synthetic/dates";
import { generateSyntheticHjp, GENERATOR_VERSION, type IcbSpec } from "../../app/domain/synthetic/index";
import { acceptedReturnTotals } from "../../app/services/returns/totals.server";
import { type Database, openDatabase } from "../../db/client";
import { DEMO_HJP_ICBS, readIcbInput, writeSyntheticCsvs } from "../../db/seed/demo-hjp";
import { type Kpi, syntheticAgreementContent } from "../../db/seed/demo-agreements";
import { hjpSyntheticOrganisations } from "../../db/schema/index";
import { importers } from "../../importers/all";
import { formatSummary, runImport } from "../../importers/shared/run-import";

export const NATIONAL_SEED = 20_261_128;
export const NATIONAL_TODAY = "2026-11-28";
/** Four whole financial years and the current part year: five years of activity. */
export const NATIONAL_YEARS = 4;
export const SERVICES_PER_ICB = 9;
export const NATIONAL_PG_DB = "hjp_bench_national";
export const NATIONAL_PGLITE_DIR = process.env.BENCH_PGLITE_DIR ?? ".data/bench-national";
const PG_ADMIN = process.env.BENCH_PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export function nationalPostgresUrl(admin = PG_ADMIN) {
  const u = new URL(admin);
  u.pathname = `/${NATIONAL_PG_DB}`;
  return u.toString();
}

type Log = (line: string) => void;

async function rows<T>(database: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await database.db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Two fictional organisations per ICB, numbered so they never meet the demo's. */
function organisationsFor(index: number, shortName: string) {
  return [1, 2].map((k) => {
    const charityNumber = String(2_000_000 + index * 10 + k);
    return { giving360Id: `GB-CHC-${charityNumber}`, charityNumber, name: `${shortName} Advice Partnership ${k} (synthetic)` };
  });
}

async function loadHjp(database: Database, specs: IcbSpec[], today: string, log: Log) {
  const data = generateSyntheticHjp({ seed: NATIONAL_SEED, today, years: NATIONAL_YEARS, icbs: specs });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hjp-national-"));
  try {
    const t = performance.now();
    const files = await writeSyntheticCsvs(data, dir);
    log(`wrote ${Object.entries(files.counts).map(([k, n]) => `${n.toLocaleString("en-GB")} ${k}`).join(", ")} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    for (const [source, file] of [
      ["hjp-services", files.services],
      ["hjp-funding", files.funding],
      ["hjp-training", files.training],
      ["hjp-activity", files.activity],
    ] as const) {
      const summary = await runImport({ database, importer: importers[source], filePath: file });
      if (summary.status !== "loaded") throw new Error(`${source} did not load:\n${formatSummary(summary)}`);
      log(`${source}: ${summary.rowsLoaded.toLocaleString("en-GB")} rows in ${(summary.durationMs / 1000).toFixed(1)} s (${Math.round(summary.rowsLoaded / (summary.durationMs / 1000)).toLocaleString("en-GB")} rows/s)`);
    }
    return files.counts;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Three two-year agreements per service (two ended, one active), KPI targets near its own average quarter. */
async function loadAgreements(database: Database, today: string, serviceIds: number[], log: Log) {
  const services = await rows<{ id: number; icb_code: string; organisation_id: number; name: string; clients: number; gains: number }>(
    database,
    sql`select s.id, s.icb_code, s.organisation_id, s.name,
               coalesce(count(e.*) filter (where e.attended) / nullif(count(distinct e.period_start), 0), 0)::int as clients,
               coalesce(sum(coalesce(e.gains_recurring_annual_pence, 0) + coalesce(e.gains_one_off_pence, 0)) / nullif(count(distinct e.period_start), 0), 0)::bigint as gains
        from hjp_services s left join hjp_episodes e on e.service_id = s.id
        where s.id in (select json_array_elements_text(${JSON.stringify(serviceIds)}::json)::int)
        group by s.id order by s.id`,
  );
  const fy = quarterOf(today).year;
  let made = 0;
  const t = performance.now();
  for (const s of services) {
    for (const [i, startYear] of [fy - 4, fy - 2, fy].entries()) {
      const startDate = `${startYear}-04-01`;
      const endDate = `${startYear + 2}-03-31`;
      const quarters = termQuarters(startDate, endDate);
      const kpis: Kpi[] = [
        { measure: "clients-advised", targets: expandTargets(quarters, Math.max(5, Math.round(Number(s.clients) * 1.05))) },
        { measure: "income-gained", targets: expandTargets(quarters, Math.max(100_000, Math.round((Number(s.gains) * 1.05) / 100_000) * 100_000)) },
      ];
      const input = syntheticAgreementContent({
        title: `${s.name}: grant ${startYear} to ${startYear + 2} (synthetic)`,
        type: "grant",
        purpose: "Welfare rights and legal advice where people get health care (synthetic national benchmark data).",
        parties: [{ organisationId: Number(s.organisation_id), leadName: "Service manager (synthetic)" }],
        serviceIds: [Number(s.id)],
        valuePence: 12_000_000 + (Number(s.id) % 7) * 1_000_000,
        frequency: "quarterly-arrears",
        startDate,
        endDate,
        reviewDate: null,
        kpis,
      });
      const id = await createAgreement({ db: database.db, actor: null, icbCode: s.icb_code, input, synthetic: true });
      const steps = i < 2 ? (["agree", "activate", "end"] as const) : (["agree", "activate"] as const);
      for (const [k, action] of steps.entries())
        await changeAgreementStatus({ db: database.db, actor: null, id, expectedRevision: k + 1, action, today: action === "end" ? endDate : startDate });
      made++;
    }
    if (made % 150 === 0) log(`agreements: ${made.toLocaleString("en-GB")} (${((performance.now() - t) / 1000).toFixed(0)} s)`);
  }
  return made;
}

/** A quarterly requirement per service and an accepted return (its activity's totals) for every quarter with activity. */
async function loadReturns(database: Database, today: string, serviceIds: number[], log: Log) {
  const services = await rows<{ id: number; organisation_id: number; first: string }>(
    database,
    sql`select s.id, s.organisation_id, min(e.period_start)::text as first from hjp_services s join hjp_episodes e on e.service_id = s.id
        where s.id in (select json_array_elements_text(${JSON.stringify(serviceIds)}::json)::int) group by s.id order by s.id`,
  );
  const lastDone = quarterOf(today);
  let made = 0;
  const t = performance.now();
  for (const s of services) {
    const quarters = quartersBetween(quarterOf(s.first), lastDone.start).filter((q) => q.end < lastDone.start);
    const totals = await acceptedReturnTotals(database.db, { serviceIds: [Number(s.id)], periods: quarters.map((q) => ({ start: q.start, end: q.end })) });
    await database.db.transaction(async (tx) => {
      const [req] = (await tx.execute(
        sql`insert into reporting_requirements (service_id, frequency, due_days, first_period_start, required_measures)
            values (${s.id}, 'quarterly', 30, ${quarters[0]?.start ?? s.first}, ${`{${DEFAULT_REQUIRED_MEASURES.join(",")}}`}::text[]) returning id`,
      ).then((r) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows))) as { id: number }[];
      for (const p of totals) {
        if (!p.totals) continue;
        const [ret] = (await tx.execute(
          sql`insert into returns (requirement_id, service_id, organisation_id, period_start, period_end, state, current_version)
              values (${req.id}, ${s.id}, ${s.organisation_id}, ${p.periodStart}, ${p.periodEnd}, 'accepted', 1) returning id`,
        ).then((r) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows))) as { id: number }[];
        await tx.execute(sql`insert into return_versions (return_id, version, source, aggregates, flags, submitted_at, review, reviewed_at)
              values (${ret.id}, 1, 'upload', ${JSON.stringify(p.totals)}::jsonb, ${JSON.stringify(plausibilityFlags({ current: p.totals }))}::jsonb,
                      ${`${p.periodEnd}T12:00:00Z`}::timestamptz + interval '20 days', 'accepted', ${`${p.periodEnd}T12:00:00Z`}::timestamptz + interval '27 days')`);
        made++;
      }
    });
    if (services.indexOf(s) % 50 === 49) log(`returns: ${made.toLocaleString("en-GB")} (${((performance.now() - t) / 1000).toFixed(0)} s)`);
  }
  return made;
}

/** Fills one database; returns what it loaded. */
export async function loadNational(database: Database, { today = NATIONAL_TODAY, log = console.log as Log } = {}) {
  const t0 = performance.now();
  const config = loadServerConfig({ NODE_ENV: "production", DEMO: "1", ...(database.driver === "postgres" ? { DATABASE_URL: "postgres://bench" } : {}) });
  await bootstrap({ database, config, log });
  log(`bootstrap (reference data and demo) done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const demo = new Set(DEMO_HJP_ICBS.map((d) => d.code));
  const icbs = await rows<{ code: string; name: string }>(database, sql`select code, name from areas where level = 'icb' order by code`);
  const specs: IcbSpec[] = [];
  const orgIds: number[] = [];
  for (const [i, icb] of icbs.filter((x) => !demo.has(x.code)).entries()) {
    const input = await readIcbInput(database.db, icb.code);
    const short = icb.name.replace(/^NHS /, "").replace(/ Integrated Care Board$/, "");
    const organisations = organisationsFor(i + 1, short);
    for (const o of organisations) orgIds.push((await createOrganisation({ db: database.db, actor: null, input: { name: o.name, charityNumber: o.charityNumber, giving360Id: o.giving360Id, primaryIcbCode: icb.code } })).id);
    specs.push({ icb: input, services: SERVICES_PER_ICB, organisations });
  }
  log(`${specs.length} ICBs besides the demo's ${demo.size}; ${orgIds.length} organisations`);
  const counts = await loadHjp(database, specs, today, log);
  await database.db.execute(sql`analyze`);
  await database.db
    .insert(hjpSyntheticOrganisations)
    .values(orgIds.map((organisationId) => ({ organisationId, generator: GENERATOR_VERSION, seed: NATIONAL_SEED, dataTo: today })))
    .onConflictDoNothing();
  const serviceIds = (await rows<{ id: number }>(database, sql`select id from hjp_services where organisation_id in (select json_array_elements_text(${JSON.stringify(orgIds)}::json)::int) order by id`)).map((r) => Number(r.id));
  const agreementsMade = await loadAgreements(database, today, serviceIds, log);
  const returnsMade = await loadReturns(database, today, serviceIds, log);
  await database.db.execute(sql`analyze`);
  return { counts, agreementsMade, returnsMade, totals: await nationalCounts(database), seconds: (performance.now() - t0) / 1000 };
}

/** What a national-scale database holds, for the benchmark's heading. */
export async function nationalCounts(database: Database): Promise<Record<string, number>> {
  const [totals] = await rows<Record<string, number>>(
    database,
    sql`select (select count(*) from hjp_services)::int as services, (select count(*) from hjp_episodes)::int as episodes,
               (select count(*) from hjp_funding_awards)::int as awards, (select count(*) from agreements)::int as agreements,
               (select count(*) from returns)::int as returns`,
  );
  return Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, Number(v)]));
}

async function prepare(driver: "pglite" | "postgres"): Promise<Database> {
  if (driver === "pglite") {
    fs.rmSync(NATIONAL_PGLITE_DIR, { recursive: true, force: true });
    fs.rmSync(`${NATIONAL_PGLITE_DIR}.lock`, { force: true });
    return openDatabase({ url: "", dataDir: NATIONAL_PGLITE_DIR, purpose: "npm run bench:data" });
  }
  const admin = postgres(PG_ADMIN, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${NATIONAL_PG_DB} with (force)`);
    await admin.unsafe(`create database ${NATIONAL_PG_DB}`);
  } finally {
    await admin.end();
  }
  return openDatabase({ url: nationalPostgresUrl() });
}

async function worker(driver: "pglite" | "postgres", today: string) {
  const log: Log = (line) => console.log(`[${driver}] ${line}`);
  const database = await prepare(driver);
  try {
    const result = await loadNational(database, { today, log });
    log(`done in ${(result.seconds / 60).toFixed(1)} min: ${Object.entries(result.totals).map(([k, n]) => `${Number(n).toLocaleString("en-GB")} ${k}`).join(", ")}`);
  } finally {
    await database.close();
  }
}

async function main(argv: string[]) {
  const arg = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const today = arg("--today") ?? NATIONAL_TODAY;
  const driver = arg("--driver") ?? "both";
  if (driver === "pglite" || driver === "postgres") return worker(driver, today);
  if (driver !== "both") throw new Error(`--driver must be pglite, postgres or both (got ${driver})`);
  // Both at once, in separate processes: PGlite is single-threaded, so the two share the machine's cores.
  const self = fileURLToPath(import.meta.url);
  const codes = await Promise.all(
    (["pglite", "postgres"] as const).map(
      (d) =>
        new Promise<number>((resolve) => {
          const child = spawn(process.execPath, ["--import", "tsx", self, "--driver", d, "--today", today], { stdio: "inherit" });
          child.on("exit", (code) => resolve(code ?? 1));
        }),
    ),
  );
  if (codes.some((c) => c !== 0)) process.exit(1);
}

if (process.argv[1] && import.meta.url === `file://${fs.realpathSync(process.argv[1])}`)
  await main(process.argv.slice(2)).catch((error) => {
    console.error(error);
    process.exit(1);
  });
