/**
 * The activity importer against PostgreSQL's own COPY, on each driver:
 *
 * 1. a deterministic million-row activity CSV (seeded PRNG, realistic and all valid)
 *    is written to a temporary directory;
 * 2. a fresh database gets the reference bundle, an organisation and its services;
 * 3. `tsx importers/cli.ts hjp-activity <file>` imports it in a child process, under
 *    /usr/bin/time -v for its peak resident memory (or, without it, a preload that
 *    prints process.resourceUsage().maxRSS);
 * 4. the rows the importer stored are copied out, and COPY loads the same rows into a
 *    scratch table of the same shape (columns, keys, indexes, checks, foreign key) on
 *    the same server, in one transaction, as the importer does.
 *
 * Run alone with `npx tsx tests/bench/activity-import.ts [rows]`; `npm run bench`
 * adds its rows to the table.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { BENEFIT_TYPES, PROBLEM_AREAS, type ProblemArea } from "../../app/domain/hjp/vocabularies";
import { type Database, openDatabase } from "../../db/client";
import { importers } from "../../importers/all";
import { loadReferenceBundle } from "../../importers/load-bundle";
import { runImport } from "../../importers/shared/run-import";
import { activityDataset } from "../../app/domain/hjp/datasets";
import { toCsv } from "../../app/domain/hjp/templates";

export const ORG_ID = "GB-CHC-1000001";
const ICB = "E54000057";

/** mulberry32: small, fast and good enough to make the same file every time. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type BenchService = { ref: string; practices: string[]; pcns: string[] };

/** Greater Manchester services over real practices, two or three PCNs each. */
export async function benchGeography(database: Database): Promise<{ services: BenchService[]; lsoas: string[] }> {
  const practices = await database.rows<{ code: string; pcn_code: string }>(
    `select code, pcn_code from practices where icb_code = '${ICB}' and pcn_code is not null order by pcn_code, code`,
  );
  const lsoas = await database.rows<{ lsoa_code: string }>(`select lsoa_code from ref_lsoa_icb where icb_code = '${ICB}' order by lsoa_code`);
  const byPcn = new Map<string, string[]>();
  for (const p of practices) byPcn.set(p.pcn_code, [...(byPcn.get(p.pcn_code) ?? []), p.code]);
  const pcns = [...byPcn.keys()];
  const services: BenchService[] = [];
  for (let i = 0; i < 20 && i * 3 < pcns.length; i++) {
    const mine = pcns.slice(i * 3, i * 3 + 3);
    services.push({ ref: `GM-HJP-${String(i + 1).padStart(2, "0")}`, pcns: mine, practices: mine.flatMap((c) => byPcn.get(c)!) });
  }
  return { services, lsoas: lsoas.map((l) => l.lsoa_code) };
}

export function servicesCsv(services: BenchService[]): string {
  return toCsv([
    ["provider_org_id", "service_ref", "service_name", "icb_code", "sites", "areas_served", "delivery_model", "problem_areas", "adviser_fte", "sessions_per_week"],
    ...services.map((s, i) => [
      ORG_ID,
      s.ref,
      `Greater Manchester HJP service ${i + 1}`,
      ICB,
      [...s.practices.slice(0, 6).map((p) => `gp-practice:${p}`), "hospital:RM301", "remote"].join("; "),
      s.pcns.join("; "),
      "co-located",
      "welfare-benefits; debt; housing; employment",
      "2.5",
      "6",
    ]),
  ]);
}

const QUARTERS = ["2024-25 Q1", "2024-25 Q2", "2024-25 Q3", "2024-25 Q4", "2025-26 Q1", "2025-26 Q2", "2025-26 Q3", "2025-26 Q4"];
const QUARTER_START = ["2024-04-01", "2024-07-01", "2024-10-01", "2025-01-01", "2025-04-01", "2025-07-01", "2025-10-01", "2026-01-01"];
const DAY = 86_400_000;

/** Writes `rows` valid, realistic episodes; the same seed gives the same file. */
export async function writeActivityCsv(file: string, options: { rows: number; seed: number; services: BenchService[]; lsoas: string[] }) {
  const rand = prng(options.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const weighted = <T>(pairs: readonly (readonly [T, number])[]) => {
    let r = rand() * pairs.reduce((s, [, w]) => s + w, 0);
    for (const [v, w] of pairs) if ((r -= w) < 0) return v;
    return pairs[pairs.length - 1][0];
  };
  const day = (startIso: string, offsetDays: number) => new Date(Date.parse(startIso) + offsetDays * DAY).toISOString().slice(0, 10);
  const pounds = (max: number) => (Math.round(rand() * max * 100) / 100).toFixed(2);
  const areas = PROBLEM_AREAS as readonly ProblemArea[];
  const header = activityDataset.list.map((c) => c.name);
  const out = fs.createWriteStream(file);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r())));
  await write(toCsv([header]));
  let chunk: string[][] = [];
  for (let i = 0; i < options.rows; i++) {
    const service = options.services[i % options.services.length];
    const q = Math.floor(rand() * QUARTERS.length);
    const referral = day(QUARTER_START[q], Math.floor(rand() * 89));
    const setting = weighted([["gp-practice", 80], ["hospital", 10], ["remote", 6], ["mental-health", 4]] as const);
    const attended = rand() < 0.7;
    const problems = new Set<string>();
    for (let k = 0, n = 1 + Math.floor(rand() * 3); k < n; k++) {
      const area = weighted(areas.map((a, j) => [a, [40, 25, 20, 3, 2, 2, 2, 2, 3, 1][j] ?? 1] as const));
      problems.add(area.subTypes && rand() < 0.8 ? `${area.code}:${pick(area.subTypes).code}` : area.code);
    }
    const benefits = [...problems].some((p) => p.startsWith("welfare-benefits"));
    const housing = [...problems].some((p) => p.startsWith("housing"));
    const closed = attended && rand() < 0.6;
    const withLsoa = rand() < 0.7;
    const row: Record<string, string> = {
      provider_org_id: ORG_ID,
      service_ref: service.ref,
      episode_ref: `EP-${String(i + 1).padStart(8, "0")}`,
      client_ref: `CL-${Math.floor(rand() * 900_000) + 100_000}`,
      reporting_period: QUARTERS[q],
      referral_date: referral,
      referral_source: weighted([["gp", 45], ["practice-nurse", 10], ["receptionist", 10], ["social-prescriber", 12], ["health-visitor", 3], ["midwife", 3], ["hospital-ward", 6], ["mental-health-team", 4], ["self", 7]] as const),
      referral_route: pick(["direct-booking", "e-referral", "warm-handover", "walk-in"]),
      attended: attended ? "yes" : "no",
      first_contact_date: attended ? day(referral, Math.floor(rand() * 10)) : "",
      setting,
      site_ods_code: setting === "gp-practice" ? pick(service.practices) : setting === "hospital" ? "RM301" : "",
      delivery_mode: setting === "remote" ? pick(["telephone", "video"]) : weighted([["face-to-face", 80], ["telephone", 15], ["home-visit", 5]] as const),
      problem_categories: [...problems].join("; "),
      service_level: pick(["information", "advice", "advice", "casework", "casework", "representation"]),
      client_pcn_code: setting === "gp-practice" ? "" : rand() < 0.5 ? pick(service.pcns) : "",
      client_lsoa: withLsoa ? pick(options.lsoas) : "",
      client_outward_code: withLsoa ? "" : pick(["M5", "M6", "M7", "M27", "M28", "M30", "M38", "M44"]),
      client_imd_decile: withLsoa ? "" : String(1 + Math.floor(rand() * 10)),
      age_band: pick(["18-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75-84", "85-plus"]),
      sex: weighted([["female", 60], ["male", 38], ["not-known", 2]] as const),
      ethnicity: weighted([["white", 75], ["asian", 10], ["black", 6], ["mixed", 4], ["other", 3], ["not-stated", 2]] as const),
      disability_or_ltc: weighted([["yes", 70], ["no", 25], ["not-known", 5]] as const),
      gains_recurring_annual: closed && benefits && rand() < 0.6 ? `${pick(BENEFIT_TYPES).code}=${pounds(8000)}` : "",
      gains_one_off: closed && benefits && rand() < 0.3 ? `${pick(BENEFIT_TYPES).code}=${pounds(2500)}` : "",
      debt_written_off: closed && rand() < 0.1 ? pounds(5000) : "",
      debt_managed: closed && rand() < 0.15 ? pounds(12000) : "",
      housing_outcome: closed && housing ? pick(["possession-prevented", "homelessness-prevented", "repairs-secured", "rehoused", "none"]) : "",
      problem_resolved: closed ? weighted([["yes", 60], ["partly", 30], ["no", 10]] as const) : "",
      swemwbs_baseline: attended && rand() < 0.5 ? String(7 + Math.floor(rand() * 29)) : "",
      swemwbs_followup: closed && rand() < 0.3 ? String(7 + Math.floor(rand() * 29)) : "",
      closed_date: closed ? day(referral, 10 + Math.floor(rand() * 60)) : "",
    };
    chunk.push(header.map((h) => row[h]));
    if (chunk.length === 10_000) {
      await write(toCsv(chunk));
      chunk = [];
    }
  }
  if (chunk.length) await write(toCsv(chunk));
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** A database ready for the activity file: reference data, the organisation, its services. */
export async function prepareDatabase(database: Database, dir: string) {
  await loadReferenceBundle(database);
  await database.rows(`insert into organisations (name, giving360_id, primary_icb_code) values ('Greater Manchester Health Justice Advice (bench)', '${ORG_ID}', '${ICB}')`);
  const geography = await benchGeography(database);
  const file = path.join(dir, "services.csv");
  fs.writeFileSync(file, servicesCsv(geography.services));
  const summary = await runImport({ database, importer: importers["hjp-services"], filePath: file });
  if (summary.status !== "loaded") throw new Error(`services did not load: ${JSON.stringify(summary.errors)}`);
  return geography;
}

export type ImportRun = { rows: number; seconds: number; peakRssMb: number; output: string };

/** The real command line in a child process, with its peak memory. */
export async function importInChild(file: string, env: Record<string, string>): Promise<ImportRun> {
  const useTime = fs.existsSync("/usr/bin/time");
  const preload = path.join(path.dirname(fileURLToPath(import.meta.url)), "report-max-rss.cjs");
  const [command, args] = useTime
    ? ["/usr/bin/time", ["-v", "node_modules/.bin/tsx", "importers/cli.ts", "hjp-activity", file]]
    : [process.execPath, ["--require", preload, "--import", "tsx", "importers/cli.ts", "hjp-activity", file]];
  const child = spawn(command, args as string[], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const code = await new Promise<number>((resolve) => child.on("exit", (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error(`the import failed (exit ${code}):\n${stdout}\n${stderr.slice(-2000)}`);
  const rss = useTime ? /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr) : /maxRSS=(\d+)/.exec(stderr);
  const loaded = /rows loaded: ([\d,]+)/.exec(stdout);
  const time = /time: ([\d.]+) s/.exec(stdout);
  if (!rss || !loaded || !time) throw new Error(`could not read the import's figures:\n${stdout}\n${stderr.slice(-2000)}`);
  return { rows: Number(loaded[1].replace(/,/g, "")), seconds: Number(time[1]), peakRssMb: Number(rss[1]) / 1024, output: stdout };
}

const COPY_TABLE = "hjp_episodes_copy_bench";

/** The same shape as hjp_episodes: columns, defaults, checks, indexes and the foreign key. */
const CREATE_COPY_TABLE = `
  create table ${COPY_TABLE} (like hjp_episodes including all);
  alter table ${COPY_TABLE} add foreign key (service_id) references hjp_services (id) on delete cascade`;

async function copyOnPostgres(url: string, dir: string): Promise<{ rows: number; seconds: number }> {
  const rowsFile = path.join(dir, "episodes.copy");
  // Its own connection: after a COPY TO STDOUT stream, postgres.js 3.4 can leave the
  // socket paused, and the next statement on that connection never completes.
  const out = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await pipeline(await out`copy hjp_episodes to stdout`.readable(), fs.createWriteStream(rowsFile));
  } finally {
    await out.end({ timeout: 1 });
  }
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(CREATE_COPY_TABLE);
    const t0 = performance.now();
    await sql.begin(async (tx) => {
      await pipeline(fs.createReadStream(rowsFile, { highWaterMark: 1 << 20 }), await tx.unsafe(`copy ${COPY_TABLE} from stdin`).writable());
    });
    const seconds = (performance.now() - t0) / 1000;
    const [{ n }] = await sql.unsafe(`select count(*)::int as n from ${COPY_TABLE}`);
    return { rows: n, seconds };
  } finally {
    await sql.end();
  }
}

async function copyOnPglite(dataDir: string): Promise<{ rows: number; seconds: number }> {
  const database = await openDatabase({ url: "", dataDir, purpose: "the COPY benchmark" });
  try {
    const pg = database.pglite!;
    const out = await pg.query("copy hjp_episodes to '/dev/blob'");
    const blob = out.blob!;
    await pg.exec(CREATE_COPY_TABLE);
    const t0 = performance.now();
    await pg.transaction(async (tx) => {
      await tx.query(`copy ${COPY_TABLE} from '/dev/blob'`, [], { blob });
    });
    const seconds = (performance.now() - t0) / 1000;
    const [{ n }] = (await pg.query<{ n: number }>(`select count(*)::int as n from ${COPY_TABLE}`)).rows;
    return { rows: n, seconds };
  } finally {
    await database.close();
  }
}

export type DriverFigures = { importer: ImportRun; copy: { rows: number; seconds: number } };
export type ActivityBench = { rows: number; fileMb: number; pglite: DriverFigures | null; postgres: DriverFigures | null };

export async function activityImportBench(options: { rows?: number; postgresAdminUrl?: string; log?: (line: string) => void } = {}): Promise<ActivityBench> {
  const rows = options.rows ?? 1_000_000;
  const log = options.log ?? (() => {});
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hjp-activity-bench-"));
  const file = path.join(dir, "activity.csv");
  const result: ActivityBench = { rows, fileMb: 0, pglite: null, postgres: null };
  try {
    // PostgreSQL first: it also supplies the geography the file is generated from.
    const adminUrl = options.postgresAdminUrl ?? "postgres://postgres@127.0.0.1:5432/postgres";
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    const name = `hjp_bench_activity_${process.pid}`;
    let pgUrl: string | null = null;
    try {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.unsafe(`create database ${name}`);
      const u = new URL(adminUrl);
      u.pathname = `/${name}`;
      pgUrl = u.toString();
    } catch (error) {
      log(`PostgreSQL not reachable at ${adminUrl}: ${(error as Error).message}`);
    }
    try {
      let geography: Awaited<ReturnType<typeof benchGeography>> | null = null;
      if (pgUrl) {
        log("activity bench: preparing a PostgreSQL database (reference data, services)…");
        const database = await openDatabase({ url: pgUrl });
        try {
          geography = await prepareDatabase(database, dir);
        } finally {
          await database.close();
        }
      }
      const liteDir = path.join(dir, "pglite");
      log("activity bench: preparing an embedded database (reference data, services)…");
      const lite = await openDatabase({ url: "", dataDir: liteDir, purpose: "the activity benchmark" });
      try {
        const liteGeography = await prepareDatabase(lite, dir);
        geography ??= liteGeography;
      } finally {
        await lite.close();
      }
      log(`activity bench: writing ${rows.toLocaleString("en-GB")} episodes…`);
      await writeActivityCsv(file, { rows, seed: 20_260_401, ...geography });
      result.fileMb = fs.statSync(file).size / 1e6;
      if (pgUrl) {
        log("activity bench: importing into PostgreSQL…");
        const importer = await importInChild(file, { DATABASE_URL: pgUrl });
        log("activity bench: COPY into PostgreSQL…");
        const copy = await copyOnPostgres(pgUrl, dir);
        result.postgres = { importer, copy };
      }
      log("activity bench: importing into the embedded database…");
      const importer = await importInChild(file, { DATABASE_URL: "", PGLITE_DIR: liteDir });
      log("activity bench: COPY into the embedded database…");
      const copy = await copyOnPglite(liteDir);
      result.pglite = { importer, copy };
    } finally {
      if (pgUrl) await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return result;
}

export type BenchRow = { measure: string; pglite: string; postgres: string; target: string };

export function activityBenchRows(b: ActivityBench): BenchRow[] {
  const perSecond = (f: DriverFigures | null, which: "importer" | "copy") => (f ? Math.round(f[which].rows / f[which].seconds).toLocaleString("en-GB") : "n/a");
  const ratio = (f: DriverFigures | null) => (f ? (f.importer.rows / f.importer.seconds / (f.copy.rows / f.copy.seconds)).toFixed(2) : "n/a");
  const rss = (f: DriverFigures | null) => (f ? `${Math.round(f.importer.peakRssMb)} MB` : "n/a");
  const n = `${(b.rows / 1e6).toLocaleString("en-GB")}M`;
  return [
    { measure: `hjp-activity import, ${n} rows (rows/s)`, pglite: perSecond(b.pglite, "importer"), postgres: perSecond(b.postgres, "importer"), target: "" },
    { measure: "COPY of the same rows, same table (rows/s)", pglite: perSecond(b.pglite, "copy"), postgres: perSecond(b.postgres, "copy"), target: "" },
    { measure: "hjp-activity import ÷ COPY", pglite: ratio(b.pglite), postgres: ratio(b.postgres), target: "≥ 0.5 (PG)" },
    { measure: "hjp-activity import peak RSS", pglite: rss(b.pglite), postgres: rss(b.postgres), target: "< 500 MB" },
  ];
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const rows = Number(process.argv[2] ?? 1_000_000);
  activityImportBench({ rows, log: console.log })
    .then((b) => {
      for (const r of activityBenchRows(b)) console.log(`${r.measure.padEnd(52)} PGlite ${r.pglite.padStart(10)}  PostgreSQL ${r.postgres.padStart(10)}  ${r.target}`);
      if (b.postgres) console.log(`\nPostgreSQL import summary:\n${b.postgres.importer.output}`);
      if (b.pglite) console.log(`PGlite import summary:\n${b.pglite.importer.output}`);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
