/**
 * Demo mode only: synthetic HJP data for a few ICBs, including NHS Greater Manchester
 * (where the demo advice organisation runs most services). The pure generator
 * (app/domain/synthetic) turns the real geography into rows of the four HJP templates;
 * they are written to CSV files and loaded through the product's own importers, exactly
 * as an organisation's files would be. The organisations are recorded as synthetic, so
 * every page and export that shows their data says so.
 *
 * Idempotent: once the organisations are marked synthetic, later starts skip it.
 *
 * Command line (writes the CSV files without loading them, e.g. to inspect them):
 *   tsx db/seed/demo-hjp.ts --out DIR [--today YYYY-MM-DD]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import { pathToFileURL } from "node:url";
import { eq, inArray, sql } from "drizzle-orm";
import { createOrganisation } from "../../app/services/accounts/users.server";
import { placeMembership } from "../../app/services/geography/areas.server";
import { COLUMNS, generateSyntheticHjp, GENERATOR_VERSION, type IcbInput, type IcbSpec, type OrganisationInput, type SyntheticData } from "../../app/domain/synthetic/index";
import { importers } from "../../importers/all";
import { formatSummary, runImport } from "../../importers/shared/run-import";
import { type Database, type Queryable, openDatabase } from "../client";
import { hjpSyntheticOrganisations, organisations } from "../schema/index";
import { DEMO_ORGANISATION, GREATER_MANCHESTER_ICB } from "./demo-accounts";

/** The seed every demo uses: the same "today" always gives the same data. */
export const DEMO_HJP_SEED = 20_220_401;
/** Whole financial years before the current one (so three years and the current part year). */
export const DEMO_HJP_YEARS = 3;

type DemoIcb = { code: string; services: number; organisations: (OrganisationInput & { charityNumber: string })[] };

/**
 * Greater Manchester with eight services across every setting, mostly run by the demo
 * organisation; two neighbouring ICBs with three each. The organisations are fictional
 * (every name says "demo").
 */
export const DEMO_HJP_ICBS: readonly DemoIcb[] = [
  {
    code: GREATER_MANCHESTER_ICB,
    services: 8,
    organisations: [
      { giving360Id: "GB-CHC-1000001", name: DEMO_ORGANISATION, charityNumber: "1000001" },
      { giving360Id: "GB-CHC-1000002", name: "Pennine Advice and Law Centre (demo)", charityNumber: "1000002" },
    ],
  },
  { code: "E54000048", services: 3, organisations: [{ giving360Id: "GB-CHC-1000003", name: "Lancashire Advice in Health (demo)", charityNumber: "1000003" }] },
  { code: "E54000008", services: 3, organisations: [{ giving360Id: "GB-CHC-1000004", name: "Mersey Health Justice Network (demo)", charityNumber: "1000004" }] },
];

async function rows<T>(db: Queryable, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** An ICB's geography as the generator needs it: places, neighbourhoods with their practices, and nearby neighbourhoods of other ICBs. */
export async function readIcbInput(db: Queryable, icbCode: string): Promise<IcbInput> {
  const [icb] = await rows<{ code: string; ods_code: string; name: string; imd_decile: number | null }>(
    db,
    sql`select code, ods_code, name, imd_decile from areas where level = 'icb' and code = ${icbCode}`
  );
  if (!icb) throw new Error(`The demo HJP data needs the reference geography: ICB ${icbCode} is not loaded`);
  const { members } = await placeMembership({ db, icbCode });
  const placeCodes = [...new Set(members.map((m) => m.placeCode))];
  const places = await rows<{ code: string; name: string; imd_decile: number | null }>(
    db,
    sql`select code, name, imd_decile from areas where code in (select json_array_elements_text(${JSON.stringify(placeCodes)}::json))
        union all select code, name, null from custom_places where code in (select json_array_elements_text(${JSON.stringify(placeCodes)}::json))`
  );
  const pcns = await rows<{ code: string; name: string; imd_decile: number | null; registered_adults: number | null }>(
    db,
    sql`select code, name, imd_decile, registered_adults from areas where level = 'neighbourhood' and icb_code = ${icbCode} order by code`
  );
  const practices = await rows<{ code: string; pcn_code: string; list_adults: number | null; list_total: number | null }>(
    db,
    sql`select p.code, p.pcn_code, p.list_adults, p.list_total from practices p join areas a on a.code = p.pcn_code where a.icb_code = ${icbCode} and p.list_adults > 0 order by p.code`
  );
  // Clients living outside the ICB are registered in nearby neighbourhoods of other ICBs.
  const outside = await rows<{ code: string; imd_decile: number | null }>(
    db,
    sql`with c as (select avg(lat) as lat, avg(lng) as lng from areas where level = 'neighbourhood' and icb_code = ${icbCode} and lat is not null)
        select a.code, a.imd_decile from areas a, c
        where a.level = 'neighbourhood' and a.icb_code <> ${icbCode} and a.lat is not null
        order by (a.lat - c.lat) ^ 2 + ((a.lng - c.lng) * cos(radians(c.lat))) ^ 2, a.code limit 12`
  );
  const byPcn = new Map<string, { code: string; listAdults: number; listPatients: number }[]>();
  for (const p of practices) byPcn.set(p.pcn_code, [...(byPcn.get(p.pcn_code) ?? []), { code: p.code, listAdults: Number(p.list_adults), listPatients: Number(p.list_total ?? p.list_adults) }]);
  return {
    code: icb.code,
    odsCode: icb.ods_code,
    name: icb.name,
    imdDecile: icb.imd_decile,
    places: places.map((p) => ({ code: p.code, name: p.name, imdDecile: p.imd_decile })),
    neighbourhoods: pcns.map((n) => ({
      code: n.code,
      name: n.name,
      imdDecile: n.imd_decile,
      registeredAdults: Number(n.registered_adults ?? 0),
      places: members.filter((m) => m.pcnCode === n.code).map((m) => ({ code: m.placeCode, share: m.share })),
      practices: byPcn.get(n.code) ?? [],
    })),
    outsideNeighbourhoods: outside.map((o) => ({ code: o.code, imdDecile: o.imd_decile })),
  };
}

function csvLine(columns: readonly string[], row: Record<string, string>): string {
  return columns
    .map((c) => {
      const v = row[c] ?? "";
      return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    })
    .join(",");
}

async function writeCsv(file: string, columns: readonly string[], source: Iterable<Record<string, string>>): Promise<number> {
  const out = fs.createWriteStream(file, { encoding: "utf8" });
  let n = 0;
  let chunk: string[] = [columns.join(",")];
  const flush = async () => {
    if (!out.write(`${chunk.join("\n")}\n`)) await once(out, "drain");
    chunk = [];
  };
  for (const row of source) {
    chunk.push(csvLine(columns, row));
    n++;
    if (chunk.length >= 2000) await flush();
  }
  if (chunk.length) await flush();
  out.end();
  await once(out, "finish");
  return n;
}

export type SyntheticFiles = { services: string; funding: string; training: string; activity: string; counts: Record<string, number> };

/** Writes the four template files, streaming the activity rows. */
export async function writeSyntheticCsvs(data: SyntheticData, dir: string): Promise<SyntheticFiles> {
  fs.mkdirSync(dir, { recursive: true });
  const file = (name: string) => path.join(dir, `synthetic-demo-${name}.csv`);
  const counts = {
    services: await writeCsv(file("services"), COLUMNS.services, data.services),
    funding: await writeCsv(file("funding"), COLUMNS.funding, data.funding),
    training: await writeCsv(file("training"), COLUMNS.training, data.training),
    activity: await writeCsv(file("activity"), COLUMNS.activity, data.activity()),
  };
  return { services: file("services"), funding: file("funding"), training: file("training"), activity: file("activity"), counts };
}

export async function demoSpec(db: Queryable, today: string, icbs: readonly DemoIcb[] = DEMO_HJP_ICBS): Promise<{ seed: number; today: string; years: number; icbs: IcbSpec[] }> {
  const specs: IcbSpec[] = [];
  for (const d of icbs) specs.push({ icb: await readIcbInput(db, d.code), services: d.services, organisations: d.organisations });
  return { seed: DEMO_HJP_SEED, today, years: DEMO_HJP_YEARS, icbs: specs };
}

/** Creates the demo organisations that are missing (the first one may already exist from the demo accounts). */
async function ensureOrganisations(database: Database, icbs: readonly DemoIcb[]): Promise<number[]> {
  const ids: number[] = [];
  for (const d of icbs) {
    for (const o of d.organisations) {
      const [found] = await database.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.giving360Id, o.giving360Id));
      const id =
        found?.id ?? (await createOrganisation({ db: database.db, actor: null, input: { name: o.name, charityNumber: o.charityNumber, giving360Id: o.giving360Id, primaryIcbCode: d.code } })).id;
      ids.push(id);
    }
  }
  return ids;
}

export type DemoHjpResult = { status: "loaded" | "unchanged"; seconds: number; counts: Record<string, number>; notes: string[] };

/**
 * Loads the demo HJP data through the importers unless it is there already. `today` is
 * the last day the data covers (the server passes the date it starts on).
 */
export async function ensureDemoHjp(
  database: Database,
  { today, icbs = DEMO_HJP_ICBS, log = () => {} }: { today: string; icbs?: readonly DemoIcb[]; log?: (line: string) => void }
): Promise<DemoHjpResult> {
  const t0 = performance.now();
  const givingIds = icbs.flatMap((d) => d.organisations.map((o) => o.giving360Id));
  const marked = await database.db
    .select({ id: hjpSyntheticOrganisations.organisationId })
    .from(hjpSyntheticOrganisations)
    .innerJoin(organisations, eq(organisations.id, hjpSyntheticOrganisations.organisationId))
    .where(inArray(organisations.giving360Id, givingIds));
  if (marked.length === givingIds.length) return { status: "unchanged", seconds: (performance.now() - t0) / 1000, counts: {}, notes: [] };

  const organisationIds = await ensureOrganisations(database, icbs);
  const spec = await demoSpec(database.db, today, icbs);
  const data = generateSyntheticHjp(spec);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hjp-demo-"));
  const notes: string[] = [];
  try {
    const files = await writeSyntheticCsvs(data, dir);
    for (const [source, file] of [
      ["hjp-services", files.services],
      ["hjp-funding", files.funding],
      ["hjp-training", files.training],
      ["hjp-activity", files.activity],
    ] as const) {
      const summary = await runImport({ database, importer: importers[source], filePath: file });
      if (summary.status !== "loaded") throw new Error(`The synthetic demo file for ${source} did not load:\n${formatSummary(summary)}`);
      notes.push(`${source}: ${summary.rowsLoaded.toLocaleString("en-GB")} rows (${(summary.durationMs / 1000).toFixed(1)} s)`);
      log(`  synthetic ${source}: ${summary.rowsLoaded.toLocaleString("en-GB")} rows (${(summary.durationMs / 1000).toFixed(1)} s)`);
    }
    // Fresh statistics, or the planner takes the new tables for empty and the dashboards' joins crawl (PGlite runs no autovacuum).
    await database.db.execute(sql`analyze hjp_episodes, hjp_services, hjp_service_sites, hjp_service_areas, hjp_funding_awards, hjp_training, areas, practices`);
    // Last, so that a start interrupted before this point loads the data again (every load above replaces what it finds).
    await database.db
      .insert(hjpSyntheticOrganisations)
      .values(organisationIds.map((organisationId) => ({ organisationId, generator: GENERATOR_VERSION, seed: DEMO_HJP_SEED, dataTo: today })))
      .onConflictDoNothing();
    return { status: "loaded", seconds: (performance.now() - t0) / 1000, counts: files.counts, notes };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(argv: string[]) {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const out = arg("--out");
  if (!out) {
    console.error("usage: tsx db/seed/demo-hjp.ts --out DIR [--today YYYY-MM-DD]  (reads the geography from the database in PGLITE_DIR or DATABASE_URL)");
    process.exit(2);
  }
  const today = arg("--today") ?? new Date().toISOString().slice(0, 10);
  const database = await openDatabase({ purpose: "the synthetic HJP data writer" });
  try {
    const files = await writeSyntheticCsvs(generateSyntheticHjp(await demoSpec(database.db, today)), out);
    console.log(
      `Wrote synthetic demonstration data to ${out}: ${Object.entries(files.counts)
        .map(([k, n]) => `${n.toLocaleString("en-GB")} ${k}`)
        .join(", ")}`
    );
  } finally {
    await database.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main(process.argv.slice(2));
