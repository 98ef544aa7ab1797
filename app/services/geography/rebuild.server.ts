import { sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { bulkInsert } from "../../../importers/shared/bulk";
import { buildFootprint, type Footprint } from "../../domain/geography/footprint";
import type { FootprintInputs } from "../../domain/geography/inputs";

type Rows<T> = T[];
async function rows<T>(db: Queryable, query: ReturnType<typeof sql>): Promise<Rows<T>> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * The URL code of a place: its upper-tier authority's ONS code, or, for an authority
 * split between ICBs, that code with the ICB's ODS code (E10000023-QOQ), so that each
 * part has its own address.
 */
export function placeCode(place: { utlaCode: string; authoritySplit: boolean }, icbOdsCode: string) {
  return place.authoritySplit ? `${place.utlaCode}-${icbOdsCode}` : place.utlaCode;
}

/**
 * National deciles weighted by population: areas sorted from most to least deprived,
 * decile = where the area's population falls in the cumulative total (1 = most deprived).
 */
export function weightedDeciles(items: { key: string; score: number | null; weight: number }[]): Map<string, number> {
  const scored = items.filter((i) => i.score !== null && i.weight > 0).sort((a, b) => b.score! - a.score!);
  const total = scored.reduce((s, i) => s + i.weight, 0);
  const out = new Map<string, number>();
  let cumulative = 0;
  for (const item of scored) {
    const midpoint = cumulative + item.weight / 2;
    out.set(item.key, Math.min(10, Math.floor((midpoint / total) * 10) + 1));
    cumulative += item.weight;
  }
  return out;
}

async function readInputs(db: Queryable): Promise<FootprintInputs & { locations: { practiceCode: string; lat: number; lng: number }[] }> {
  const [lsoaIcb, lsoaLad, ladUtla, census, imd, mapping, lists, locations, pcnImd] = await Promise.all([
    rows<FootprintInputs["lsoaIcb"][number]>(db, sql`select lsoa_code as "lsoaCode", sicbl_code as "sicblCode", sicbl_ods_code as "sicblOdsCode", sicbl_name as "sicblName", icb_code as "icbCode", icb_ods_code as "icbOdsCode", icb_name as "icbName" from ref_lsoa_icb`),
    rows<FootprintInputs["lsoaLad"][number]>(db, sql`select lsoa_code as "lsoaCode", lad_code as "ladCode", lad_name as "ladName" from ref_lsoa_lad`),
    rows<FootprintInputs["ladUtla"][number]>(db, sql`select lad_code as "ladCode", utla_code as "utlaCode", utla_name as "utlaName" from ref_lad_utla`),
    rows<{ lsoaCode: string; total: number; bands: number[] }>(db, sql`select lsoa_code as "lsoaCode", total, bands from ref_census_age`),
    rows<FootprintInputs["imdLsoa"][number]>(db, sql`select lsoa_code as "lsoaCode", imd_score as "imdScore" from ref_imd2025_lsoa`),
    rows<FootprintInputs["practiceMapping"][number]>(db, sql`select practice_code as "practiceCode", practice_name as "practiceName", pcn_code as "pcnCode", pcn_name as "pcnName", sicbl_ods_code as "sicblOdsCode", sicbl_code as "sicblCode", icb_ods_code as "icbOdsCode", icb_code as "icbCode" from ref_qof_mapping`),
    // Only the whole-list (TOTAL) and adult (18OV) lists feed the footprints.
    rows<FootprintInputs["practiceLists"][number]>(db, sql`select distinct practice_code as "practiceCode", list_type as "listType", list_size as "listSize" from ref_qof_prevalence where list_type in ('TOTAL', '18OV')`),
    rows<FootprintInputs["practiceLocations"][number] & { lat: number; lng: number }>(db, sql`select practice_code as "practiceCode", practice_name as "practiceName", lsoa21_code as "lsoa21Code", lat, lng from ref_practice_locations`),
    rows<FootprintInputs["pcnImd"][number]>(db, sql`select pcn_code as "pcnCode", pcn_name as "pcnName", imd2019_score as "imd2019Score" from ref_pcn_imd`),
  ]);
  // Census bands are stored in TS007A order: 0–4, 5–9, … 80–84, 85+.
  const censusAge = census.map((c) => ({
    lsoaCode: c.lsoaCode,
    total: c.total,
    bands: c.bands.map((count, i) => ({ fromAge: i * 5, toAge: i === 17 ? null : i * 5 + 4, count })),
  }));
  return { lsoaIcb, lsoaLad, ladUtla, censusAge, imdLsoa: imd, practiceMapping: mapping, practiceLists: lists, practiceLocations: locations, pcnImd, locations };
}

export type RebuildResult = { ready: boolean; notes: string[]; counts: Record<string, number> };

/**
 * Rebuilds the footprints (ICBs, places, sub-ICB locations, neighbourhoods, their
 * links and the list of exceptions) from the reference tables, in the caller's
 * transaction. Does nothing until the core lookups are all loaded.
 */
export async function rebuildGeography(db: Queryable): Promise<RebuildResult> {
  const inputs = await readInputs(db);
  const missing = (
    [
      ["LSOA → ICB lookup", inputs.lsoaIcb],
      ["LSOA → district lookup", inputs.lsoaLad],
      ["district → upper-tier lookup", inputs.ladUtla],
      ["Census 2021 age bands", inputs.censusAge],
      ["IMD 2025", inputs.imdLsoa],
      ["QOF practice mapping", inputs.practiceMapping],
      ["QOF list sizes", inputs.practiceLists],
    ] as const
  ).filter(([, r]) => r.length === 0);
  if (missing.length) {
    return { ready: false, notes: [`Footprints not built yet: waiting for ${missing.map(([n]) => n).join(", ")}`], counts: {} };
  }
  const footprint = buildFootprint(inputs);
  await writeFootprint(db, footprint, inputs.locations);
  const counts = { icbs: footprint.icbs.length, places: footprint.places.length, subIcbs: footprint.subIcbs.length, neighbourhoods: footprint.pcns.length };
  return {
    ready: true,
    counts,
    notes: [
      `Footprints: ${counts.icbs} ICBs, ${counts.places} places, ${counts.subIcbs} sub-ICB locations, ${counts.neighbourhoods} neighbourhoods`,
      `Exceptions: ${footprint.exceptions.unallocatedPractices.length} practices in no PCN ("U"), ${footprint.exceptions.pcnsSpanningIcbs.length} PCNs spanning two ICBs, ${footprint.exceptions.pcnsStraddlingPlaces.length} PCNs straddling places, ${footprint.exceptions.splitAuthorities.length} authorities split between ICBs`,
    ],
  };
}

async function writeFootprint(db: Queryable, f: Footprint, locations: { practiceCode: string; lat: number; lng: number }[]) {
  await db.execute(sql`delete from areas where source = 'reference'`);
  await db.execute(sql`delete from area_links`);
  await db.execute(sql`delete from practices`);
  await db.execute(sql`delete from geography_exceptions`);

  const icbOds = new Map(f.icbs.map((i) => [i.code, i.odsCode]));
  const placeCodes = new Map(f.places.map((p) => [p.id, placeCode(p, icbOds.get(p.icbCode)!)]));
  const placeDeciles = weightedDeciles(f.places.map((p) => ({ key: p.id, score: p.imd2025Score, weight: p.population.total })));
  const subIcbDeciles = weightedDeciles(f.subIcbs.map((s) => ({ key: s.code, score: s.imd2025Score, weight: s.population.total })));
  const icbDeciles = weightedDeciles(f.icbs.map((i) => ({ key: i.code, score: i.imd2025Score, weight: i.population.total })));
  const pcnDeciles = weightedDeciles(f.pcns.map((p) => ({ key: p.code, score: p.imd2019Score, weight: p.registered.total })));
  const where = new Map(locations.map((l) => [l.practiceCode, l]));

  const areaRows: Record<string, unknown>[] = [];
  const base = { source: "reference", registered_population: null, registered_adults: null, lat: null, lng: null };
  for (const i of f.icbs) {
    areaRows.push({ ...base, code: i.code, level: "icb", name: i.name, ods_code: i.odsCode, icb_code: i.code, parent_code: null, resident_population: i.population.total, imd_score: i.imd2025Score, imd_vintage: "IMD 2025", imd_decile: icbDeciles.get(i.code) ?? null, details: { population: i.population, lsoaCount: i.lsoaCount } });
  }
  for (const s of f.subIcbs) {
    areaRows.push({ ...base, code: s.code, level: "sub-icb", name: s.name, ods_code: s.odsCode, icb_code: s.icbCode, parent_code: s.icbCode, resident_population: s.population.total, imd_score: s.imd2025Score, imd_vintage: "IMD 2025", imd_decile: subIcbDeciles.get(s.code) ?? null, details: { population: s.population, lsoaCount: s.lsoaCount } });
  }
  for (const p of f.places) {
    areaRows.push({
      ...base,
      code: placeCodes.get(p.id),
      level: "place",
      name: p.authoritySplit ? `${p.utlaName} (part in this ICB)` : p.utlaName,
      ods_code: null,
      icb_code: p.icbCode,
      parent_code: p.icbCode,
      resident_population: p.population.total,
      imd_score: p.imd2025Score,
      imd_vintage: "IMD 2025",
      imd_decile: placeDeciles.get(p.id) ?? null,
      details: { population: p.population, utlaCode: p.utlaCode, districts: p.districts, authoritySplit: p.authoritySplit, shareOfAuthority: p.shareOfAuthority, lsoaCount: p.lsoaCount },
    });
  }
  const practiceRows: Record<string, unknown>[] = [];
  const links: Record<string, unknown>[] = [];
  for (const p of f.subIcbs) {
    for (const pl of p.places) {
      links.push({ child_code: placeCodes.get(pl.placeId), parent_code: p.code, relation: "place-sub-icb", share: pl.share, weight: pl.population });
    }
  }
  for (const pcn of f.pcns) {
    let lat = 0;
    let lng = 0;
    let w = 0;
    for (const pr of pcn.practices) {
      const loc = where.get(pr.code);
      practiceRows.push({
        code: pr.code,
        name: pr.name,
        pcn_code: pcn.code,
        icb_code: pr.icbCode,
        sicbl_code: pr.sicblCode,
        place_code: pr.placeId ? (placeCodes.get(pr.placeId) ?? null) : null,
        lsoa21_code: null,
        lat: loc?.lat ?? null,
        lng: loc?.lng ?? null,
        list_total: pr.registered.total,
        list_adults: pr.registered.aged18plus,
      });
      if (loc) {
        // A PCN's point is the centre of its practices, weighted by their lists (at least 1 each).
        const weight = Math.max(1, pr.registered.total);
        lat += loc.lat * weight;
        lng += loc.lng * weight;
        w += weight;
      }
    }
    areaRows.push({
      code: pcn.code,
      level: "neighbourhood",
      name: pcn.name,
      ods_code: pcn.code,
      icb_code: pcn.icbCode,
      parent_code: pcn.placeId ? (placeCodes.get(pcn.placeId) ?? pcn.icbCode) : pcn.icbCode,
      source: "reference",
      resident_population: null,
      registered_population: pcn.registered.total,
      registered_adults: pcn.registered.aged18plus,
      imd_score: pcn.imd2019Score,
      imd_vintage: "IMD 2019",
      imd_decile: pcnDeciles.get(pcn.code) ?? null,
      lat: w > 0 ? lat / w : null,
      lng: w > 0 ? lng / w : null,
      details: { sicblCode: pcn.sicblCode, placeBasis: pcn.placeBasis, practiceCount: pcn.practices.length },
    });
    for (const share of pcn.places) {
      links.push({ child_code: pcn.code, parent_code: placeCodes.get(share.placeId), relation: "neighbourhood-place", share: share.share, weight: share.registered });
    }
    links.push({ child_code: pcn.code, parent_code: pcn.sicblCode, relation: "neighbourhood-sub-icb", share: 1, weight: pcn.registered.total });
  }

  await bulkInsert(
    db,
    "areas",
    [
      { name: "code", type: "text" },
      { name: "level", type: "text" },
      { name: "name", type: "text" },
      { name: "ods_code", type: "text" },
      { name: "icb_code", type: "text" },
      { name: "parent_code", type: "text" },
      { name: "source", type: "text" },
      { name: "resident_population", type: "integer" },
      { name: "registered_population", type: "integer" },
      { name: "registered_adults", type: "integer" },
      { name: "imd_score", type: "double precision" },
      { name: "imd_vintage", type: "text" },
      { name: "imd_decile", type: "integer" },
      { name: "lat", type: "double precision" },
      { name: "lng", type: "double precision" },
      { name: "details", type: "jsonb" },
    ],
    areaRows,
    // An imported file may already have named one of these codes: reference data wins.
    { onConflict: "on conflict (code) do update set level = excluded.level, name = excluded.name, ods_code = excluded.ods_code, icb_code = excluded.icb_code, parent_code = excluded.parent_code, source = excluded.source, resident_population = excluded.resident_population, registered_population = excluded.registered_population, registered_adults = excluded.registered_adults, imd_score = excluded.imd_score, imd_vintage = excluded.imd_vintage, imd_decile = excluded.imd_decile, lat = excluded.lat, lng = excluded.lng, details = excluded.details" },
  );
  await bulkInsert(
    db,
    "area_links",
    [
      { name: "child_code", type: "text" },
      { name: "parent_code", type: "text" },
      { name: "relation", type: "text" },
      { name: "share", type: "double precision" },
      { name: "weight", type: "integer" },
    ],
    links,
  );
  await bulkInsert(
    db,
    "practices",
    [
      { name: "code", type: "text" },
      { name: "name", type: "text" },
      { name: "pcn_code", type: "text" },
      { name: "icb_code", type: "text" },
      { name: "sicbl_code", type: "text" },
      { name: "place_code", type: "text" },
      { name: "lsoa21_code", type: "text" },
      { name: "lat", type: "double precision" },
      { name: "lng", type: "double precision" },
      { name: "list_total", type: "integer" },
      { name: "list_adults", type: "integer" },
    ],
    practiceRows,
  );
  await bulkInsert(db, "geography_exceptions", [{ name: "kind", type: "text" }, { name: "code", type: "text" }, { name: "name", type: "text" }, { name: "detail", type: "text" }], exceptionRows(f));
}

function exceptionRows(f: Footprint): Record<string, unknown>[] {
  const e = f.exceptions;
  const out: Record<string, unknown>[] = [];
  const add = (kind: string, code: string, name: string | null, detail: string) => out.push({ kind, code, name, detail });
  for (const r of e.recodedOrganisations) add("recoded-organisation", r.odsCode, null, `${r.kind.toUpperCase()} ${r.odsCode}: ONS code ${r.from} in QOF 2022-23, ${r.to} from April 2023; joined on the ODS code`);
  for (const p of e.unallocatedPractices) add("unallocated-practice", p.practiceCode, p.practiceName, `In the pseudo-PCN "U" (no PCN): not in any neighbourhood; ${p.registeredTotal ?? 0} registered patients`);
  for (const p of e.practicesInUnknownOrganisation) add("practice-unknown-organisation", p.practiceCode, p.practiceName, `ICB ${p.icbOdsCode} / sub-ICB ${p.sicblOdsCode} not in the 2024 lookup: left out`);
  for (const p of e.practicesWithoutList) add("practice-without-list", p.practiceCode, p.practiceName, "No total list size in QOF 2022-23: counted as 0");
  for (const p of e.practicesWithoutLocation) add("practice-without-location", p.practiceCode, p.practiceName, "No geocoded location: left out of its PCN's place shares");
  for (const p of e.practicesOutsidePcnIcb) add("practice-outside-pcn-icb", p.practiceCode, p.practiceName, `Stands in LSOA ${p.lsoaCode} (ICB ${p.lsoaIcbCode}) outside its PCN's ICB ${p.pcnIcbCode}: left out of place shares`);
  for (const p of e.locatedPracticesNotInMapping) add("located-practice-not-in-qof", p.practiceCode, p.practiceName, "In the practice locations file but not in QOF 2022-23: ignored");
  for (const p of e.pcnsSpanningIcbs) add("pcn-spanning-icbs", p.pcnCode, p.pcnName, `Practices in ${p.parts.map((x) => `${x.odsCode} (${x.registered})`).join(", ")}: assigned to ${p.assigned}, the larger registered list`);
  for (const p of e.pcnsSpanningSubIcbs) add("pcn-spanning-sub-icbs", p.pcnCode, p.pcnName, `Practices in ${p.parts.map((x) => `${x.odsCode} (${x.registered})`).join(", ")}: assigned to ${p.assigned}, the larger registered list`);
  for (const p of e.pcnsStraddlingPlaces) add("pcn-straddling-places", p.pcnCode, p.pcnName, `Practices in ${p.places.map((x) => `${x.placeId} (${Math.round(x.share * 100)}%)`).join(", ")}`);
  for (const p of e.pcnsPlacedBySubIcb) add("pcn-placed-by-sub-icb", p.pcnCode, p.pcnName, `No practice could be placed: given its sub-ICB location's largest place ${p.placeId ?? "(none)"}`);
  for (const p of e.pcnsWithoutImd2019) add("pcn-without-imd2019", p.pcnCode, p.pcnName, "Not in the derived IMD 2019 file: no deprivation score");
  for (const p of e.imd2019PcnsNotInMapping) add("imd2019-pcn-not-in-qof", p.pcnCode, p.pcnName, "In the IMD 2019 file but not in QOF 2022-23: not shown");
  for (const s of e.splitAuthorities) add("split-authority", s.utlaCode, s.utlaName, `Split between ICBs: ${s.parts.map((x) => `${x.icbCode} (${Math.round(x.share * 100)}%)`).join(", ")}; one place in each`);
  for (const l of e.lsoasWithoutCensus) add("lsoa-without-census", l, null, "No Census 2021 count");
  for (const l of e.lsoasWithoutImd2025) add("lsoa-without-imd2025", l, null, "No IMD 2025 score");
  return out;
}
