import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db, Queryable } from "../../../db/client";
import { bulkInsert } from "../../../importers/shared/bulk";
import { type Numbers, proportionFigure, weightedMeanFromSums } from "../../domain/indicators/aggregate";
import { CATALOGUE, qofAgeLabel, qofIndicator } from "../../domain/indicators/catalogue";
import type { Figure } from "../../domain/indicators/figures";
import { clearFigures, type IndicatorRecord, type Quirk, recordNamedAreas, refreshLacks, upsertIndicators, writeFigures } from "./store.server";

async function rows<T>(db: Queryable, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Bump when the derived figures change for the same inputs, so that a database built by an older version rebuilds them. */
export const DERIVED_VERSION = "indicators-2";
export const DERIVED_SOURCE = "derived-indicators";
const ENGLAND = "E92000001";

/** The reference sources the derived figures read: a new file for any of them means a rebuild. */
const INPUT_SOURCES = ["qof-prevalence", "qof-mapping", "practice-locations", "practice-imd", "census-age", "census-ethnicity", "imd2025-lsoa", "lsoa-icb", "lsoa-lad", "lad-utla", "lad-region"];

type Row = Omit<Figure, "indicatorName" | "areaName" | "areaTypeLabel" | "parentName">;

function figure(base: Omit<Row, keyof Numbers | "valueNote" | "published" | "line">, numbers: Numbers): Row {
  return { ...base, ...numbers, valueNote: null, published: {}, line: 0 };
}

/**
 * Practices by the footprints they count in. ICBs and sub-ICB locations come from the
 * QOF mapping (joined on ODS codes, which survived the 2023 recoding), neighbourhoods
 * and places from the built footprint; practices in no PCN therefore count in their
 * sub-ICB location, ICB and England only.
 */
const PRACTICE_FOOTPRINT = sql`
  select m.practice_code, icb.code as icb, sub.code as sub_icb, pr.place_code as place, pr.pcn_code as pcn
  from ref_qof_mapping m
  left join areas icb on icb.level = 'icb' and icb.source = 'reference' and icb.ods_code = m.icb_ods_code
  left join areas sub on sub.level = 'sub-icb' and sub.source = 'reference' and sub.ods_code = m.sicbl_ods_code
  left join practices pr on pr.code = m.practice_code`;

const PRACTICE_LEVELS = [
  ["p.pcn", "pcn"],
  ["p.place", "place"],
  ["p.sub_icb", "sub-icb"],
  ["p.icb", "icb"],
] as const;

/**
 * Any per-practice measure summed by footprint in one pass (grouping sets): England
 * from every practice, then ICBs, sub-ICB locations, places and PCNs.
 */
function byFootprint(measures: string, keys: string) {
  const areaType = `case ${PRACTICE_LEVELS.map(([column, level]) => `when grouping(${column}) = 0 then '${level}'`).join(" ")} else 'england' end`;
  const areaCode = `case ${PRACTICE_LEVELS.map(([column]) => `when grouping(${column}) = 0 then ${column}`).join(" ")} else '${ENGLAND}' end`;
  return sql.raw(`select ${keys}, ${areaType} as area_type, ${areaCode} as area_code, ${measures}
    from p
    group by grouping sets ((${keys}), ${PRACTICE_LEVELS.map(([column]) => `(${keys}, ${column})`).join(", ")})`);
}

/** Where each footprint area sits, to give derived figures their parents. */
async function footprintParents(db: Queryable): Promise<Map<string, string | null>> {
  const list = await rows<{ code: string; parent_code: string | null }>(db, sql`select code, parent_code from areas where source = 'reference'`);
  return new Map(list.map((r) => [r.code, r.parent_code]));
}

/** The parent of a summed area, or undefined for an area the footprint does not have (dropped). */
function parentOf(parents: Map<string, string | null>, s: { area_code: string | null; area_type: string }): string | null | undefined {
  if (!s.area_code) return undefined;
  if (s.area_type === "england") return null;
  if (s.area_type === "icb") return parents.has(s.area_code) ? ENGLAND : undefined;
  return parents.get(s.area_code);
}

async function buildQof(db: Queryable) {
  const parents = await footprintParents(db);
  const sums = await rows<{ area_code: string | null; area_type: string; group_code: string; list_type: string; count: number; denominator: number }>(
    db,
    sql`with p as (
      select q.group_code, q.list_type, q.register, q.list_size, f.icb, f.sub_icb, f.place, f.pcn
      from ref_qof_prevalence q left join (${PRACTICE_FOOTPRINT}) f on f.practice_code = q.practice_code)
    ${byFootprint("sum(p.register)::float8 as count, sum(p.list_size)::float8 as denominator", "p.group_code, p.list_type")}`,
  );
  const pairs = sums
    .filter((s) => s.area_type === "england")
    .map(({ group_code, list_type }) => ({ group_code, list_type }))
    .sort((a, b) => a.group_code.localeCompare(b.group_code));
  if (!pairs.length) return { records: [], figures: [] as Row[], notes: ["QOF prevalence: not built (no QOF prevalence loaded)"] };
  const [over, unmapped, unknownOrganisation, noPcn, noPlace, spanning] = await Promise.all([
    rows<{ group_code: string; practice_code: string; register: number; list_size: number }>(
      db,
      sql`select group_code, practice_code, register, list_size from ref_qof_prevalence where register > list_size order by 1, 2`,
    ),
    rows<{ practice_code: string }>(db, sql`select distinct q.practice_code from ref_qof_prevalence q where not exists (select 1 from ref_qof_mapping m where m.practice_code = q.practice_code) order by 1`),
    rows<{ practice_code: string }>(db, sql`select f.practice_code from (${PRACTICE_FOOTPRINT}) f where f.icb is null or f.sub_icb is null order by 1`),
    rows<{ practice_code: string }>(db, sql`select f.practice_code from (${PRACTICE_FOOTPRINT}) f where f.pcn is null order by 1`),
    rows<{ practice_code: string }>(db, sql`select f.practice_code from (${PRACTICE_FOOTPRINT}) f where f.pcn is not null and f.place is null order by 1`),
    // Listed as practice_code so that the examples read the same way as the others.
    rows<{ practice_code: string }>(db, sql`select f.pcn as practice_code from (${PRACTICE_FOOTPRINT}) f where f.pcn is not null group by f.pcn having count(distinct f.icb) > 1 order by 1`),
  ]);
  const examples = (list: { practice_code: string }[]) => list.slice(0, 5).map((r) => r.practice_code);
  const commonQuirks: Quirk[] = [];
  if (unmapped.length) commonQuirks.push({ rule: "Practices in the prevalence file but not in the QOF mapping count in England only", count: unmapped.length, examples: examples(unmapped) });
  if (unknownOrganisation.length) commonQuirks.push({ rule: "Practices whose ICB or sub-ICB location is not in the 2024 geography count in England only (and in whichever of the two is known)", count: unknownOrganisation.length, examples: examples(unknownOrganisation) });
  if (noPcn.length) commonQuirks.push({ rule: "Practices in no PCN (pseudo-PCN \"U\") count in their sub-ICB location, ICB and England, in no neighbourhood or place", count: noPcn.length, examples: examples(noPcn) });
  if (spanning.length) commonQuirks.push({ rule: "PCNs with practices in two ICBs: each practice counts in its own ICB, the PCN sits under the ICB with the larger list, so that ICB's PCNs do not add up to it exactly", count: spanning.length, examples: examples(spanning) });
  if (noPlace.length) commonQuirks.push({ rule: "Practices without a geocoded location count in their PCN but in no place", count: noPlace.length, examples: examples(noPlace) });

  const records: IndicatorRecord[] = [];
  for (const { group_code, list_type } of pairs) {
    const mine = over.filter((o) => o.group_code === group_code);
    const quirks = [...commonQuirks];
    if (mine.length) {
      quirks.push({
        rule: "A practice register larger than its list is kept as published: it counts in every aggregate, and a figure whose register still exceeds its list has no interval",
        count: mine.length,
        examples: mine.slice(0, 5).map((o) => `${o.practice_code}: register ${o.register}, list ${o.list_size}`),
      });
    }
    records.push({ ...qofIndicator(group_code, list_type), metadataBasis: "catalogue", sourceFile: null, quirks });
  }
  const ids = new Map(records.map((r, i) => [pairs[i].group_code, r.id]));
  const figures = sums.flatMap((s) => {
    const parentCode = parentOf(parents, s);
    if (parentCode === undefined) return [];
    return [
      figure(
        {
          indicatorId: ids.get(s.group_code)!,
          areaCode: s.area_code!,
          areaType: s.area_type,
          parentCode,
          period: "2022/23",
          periodStart: "2022-04-01",
          periodEnd: "2023-03-31",
          sex: "Persons",
          age: qofAgeLabel(s.list_type),
          categoryType: "",
          category: "",
        },
        proportionFigure(s.count, s.denominator, 100),
      ),
    ];
  });
  const notes = [
    `QOF prevalence: ${records.length} registers, ${figures.length.toLocaleString("en-GB")} figures`,
    ...commonQuirks.map((q) => `  ${q.count} × ${q.rule}`),
    ...(over.length ? [`  ${over.length} × practice register larger than its list, kept as published (${over.map((o) => `${o.practice_code} ${o.group_code}`).join(", ")})`] : []),
  ];
  return { records, figures, notes };
}

async function buildPracticeDeprivation(db: Queryable) {
  const meta = CATALOGUE.get("93553")!;
  const practices = await rows<{ practice_code: string; practice_name: string; imd_year: number; imd_score: number; pcn: string | null }>(
    db,
    sql`select i.practice_code, i.practice_name, i.imd_year, i.imd_score, pr.pcn_code as pcn from (select * from ref_practice_imd where imd_year = (select max(imd_year) from ref_practice_imd)) i left join practices pr on pr.code = i.practice_code order by 1, 3`,
  );
  if (!practices.length) return { records: [], figures: [] as Row[], named: [], notes: ["Practice deprivation (93553): not built (no practice scores loaded)"] };
  const parents = await footprintParents(db);
  const sums = await rows<{ area_code: string | null; area_type: string; imd_year: number; weighted: number; weight: number }>(
    db,
    sql`with w as (select practice_code, max(list_size) as list_size from ref_qof_prevalence where list_type = 'TOTAL' group by practice_code),
    p as (select i.imd_year, i.imd_score, w.list_size, f.icb, f.sub_icb, f.place, f.pcn
      from (select * from ref_practice_imd where imd_year = (select max(imd_year) from ref_practice_imd)) i join w on w.practice_code = i.practice_code join (${PRACTICE_FOOTPRINT}) f on f.practice_code = i.practice_code)
    ${byFootprint("sum(p.imd_score * p.list_size)::float8 as weighted, sum(p.list_size)::float8 as weight", "p.imd_year")}`,
  );
  const [notMapped, unscored] = await Promise.all([
    rows<{ imd_year: number; n: number }>(db, sql`select imd_year, count(*)::int as n from (select * from ref_practice_imd where imd_year = (select max(imd_year) from ref_practice_imd)) i where not exists (select 1 from ref_qof_mapping m where m.practice_code = i.practice_code) group by 1 order by 1`),
    rows<{ imd_year: number; n: number }>(
      db,
      sql`select y.imd_year, count(*)::int as n from (select max(imd_year) as imd_year from ref_practice_imd) y cross join ref_qof_mapping m
        where not exists (select 1 from ref_practice_imd i where i.practice_code = m.practice_code and i.imd_year = y.imd_year) group by 1 order by 1`,
    ),
  ]);
  const describe = (list: { imd_year: number; n: number }[]) => list.map((r) => `${r.imd_year}: ${r.n}`).join(", ");
  const quirks: Quirk[] = [];
  const [{ superseded }] = await rows<{ superseded: number }>(db, sql`select count(*)::int as superseded from ref_practice_imd where imd_year < (select max(imd_year) from ref_practice_imd)`);
  if (superseded) quirks.push({ rule: "Scores for superseded IMD editions (2010, 2015) stay in the reference table and are not loaded as figures: only the latest edition is", count: superseded });
  const total = (list: { n: number }[]) => list.reduce((s, r) => s + r.n, 0);
  if (notMapped.length) quirks.push({ rule: `Practice scores for practices not in the QOF 2022-23 mapping (closed or merged) are kept as published but count in no aggregate (by edition ${describe(notMapped)})`, count: total(notMapped) });
  if (unscored.length) quirks.push({ rule: `Practices in the QOF 2022-23 mapping with no score for an edition count in no aggregate for it (by edition ${describe(unscored)})`, count: total(unscored) });
  const period = (year: number) => ({ period: String(year), periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` });
  const base = { indicatorId: meta.id, sex: "Persons", age: "All ages", categoryType: "", category: "" };
  const figures: Row[] = [
    ...practices.map((p) =>
      figure(
        { ...base, ...period(p.imd_year), areaCode: p.practice_code, areaType: "gp-practice", parentCode: p.pcn },
        { count: null, denominator: null, value: p.imd_score, lower95: null, upper95: null, lower998: null, upper998: null, flags: ["no-interval-published"] },
      ),
    ),
    ...sums.flatMap((s) => {
      const parentCode = parentOf(parents, s);
      const numbers = weightedMeanFromSums(s.weighted, s.weight);
      return numbers && parentCode !== undefined ? [figure({ ...base, ...period(s.imd_year), areaCode: s.area_code!, areaType: s.area_type, parentCode }, numbers)] : [];
    }),
  ];
  const named = [...new Map(practices.map((p) => [p.practice_code, p])).values()].map((p) => ({
    code: p.practice_code,
    name: p.practice_name,
    areaType: "gp-practice",
    areaTypeLabel: "GP practice",
    parentCode: p.pcn,
  }));
  const records: IndicatorRecord[] = [{ ...meta, metadataBasis: "catalogue", sourceFile: null, quirks }];
  const notes = [`Practice deprivation (93553): ${figures.length.toLocaleString("en-GB")} figures`, ...quirks.map((q) => `  ${q.count} × ${q.rule}`)];
  return { records, figures, named, notes };
}

/**
 * Each LSOA with every area built from it: its region, ICB, sub-ICB location, place
 * (the part of an upper-tier authority within the ICB), authority and district.
 */
const LSOA_AREAS = sql`
  select i.lsoa_code, i.icb_code, i.sicbl_code, d.lad_code, u.utla_code, r.region_code, pl.code as place_code
  from ref_lsoa_icb i
  left join ref_lsoa_lad d on d.lsoa_code = i.lsoa_code
  left join ref_lad_utla u on u.lad_code = d.lad_code
  left join ref_lad_region r on r.lad_code = d.lad_code
  left join areas pl on pl.level = 'place' and pl.source = 'reference' and pl.icb_code = i.icb_code and pl.details->>'utlaCode' = u.utla_code`;

const LSOA_LEVELS = [
  ["x.lad_code", "district"],
  ["x.utla_code", "authority"],
  ["x.place_code", "place"],
  ["x.sicbl_code", "sub-icb"],
  ["x.icb_code", "icb"],
  ["x.region_code", "region"],
] as const;

/**
 * The type and parent of an area summed from LSOAs, or null to drop it. An unsplit
 * place is its whole authority, so it is kept once, as the authority (county or UA,
 * parent its region), as Fingertips publishes it; the part of a split authority is a
 * "place" whose parent is its ICB. Districts are kept for shire districts only: every
 * other district is its own authority.
 */
function residentArea(s: { level: string; area_code: string | null; icb: string | null; region: string | null }, authorities: Set<string>): { areaType: string; parentCode: string | null } | null {
  const code = s.area_code;
  if (s.level === "england") return { areaType: "england", parentCode: null };
  if (!code) return null;
  switch (s.level) {
    case "region":
    case "icb":
      return { areaType: s.level, parentCode: ENGLAND };
    case "sub-icb":
      return { areaType: "sub-icb", parentCode: s.icb };
    case "place":
      return authorities.has(code) ? null : { areaType: "place", parentCode: s.icb };
    case "authority":
      return { areaType: code.startsWith("E10") ? "county" : "ua", parentCode: s.region };
    case "district":
      return code.startsWith("E07") ? { areaType: "district", parentCode: s.region } : null;
    default:
      return null;
  }
}

/** The ethnic groups and categories, by their position in every LSOA's groups (the parser writes them in the ONS table's order). */
async function ethnicityColumns(db: Queryable) {
  const [first] = await rows<{ groups: { group: string; categories: { category: string }[] }[] }>(db, sql`select groups from ref_census_ethnicity limit 1`);
  if (!first) return [];
  const columns: { categoryType: string; category: string; path: string }[] = [];
  first.groups.forEach((g, i) => {
    columns.push({ categoryType: "Ethnic group (5 groups)", category: g.group, path: `e.groups->${i}->>'count'` });
    g.categories.forEach((c, j) =>
      columns.push({ categoryType: "Ethnic group (19 categories)", category: `${g.group}: ${c.category}`, path: `e.groups->${i}->'categories'->${j}->>'count'` }),
    );
  });
  const [{ n }] = await rows<{ n: number }>(
    db,
    sql.raw(
      `select count(*)::int as n from ref_census_ethnicity e where ${first.groups
        .map((g, i) => `e.groups->${i}->>'group' is distinct from '${g.group.replace(/'/g, "''")}'`)
        .join(" or ")}`,
    ),
  );
  if (n > 0) throw new Error(`Census ethnicity: ${n} LSOAs hold their groups in another order than the first`);
  return columns;
}

/**
 * Age structure, IMD 2025 and ethnicity of residents, summed from LSOAs to every area
 * built from them in one pass: each LSOA's counts are read once, then added up by area.
 */
async function buildResidentIndicators(db: Queryable) {
  const ethnic = await ethnicityColumns(db);
  const ethnicSelect = ethnic.map((c, k) => `(${c.path})::int as e${k}`).join(", ");
  const ethnicSums = ethnic.map((_, k) => `sum(x.e${k})::float8 as e${k}`).join(", ");
  const level = `case ${LSOA_LEVELS.map(([column, name]) => `when grouping(${column}) = 0 then '${name}'`).join(" ")} else 'england' end`;
  const areaCode = `case ${LSOA_LEVELS.map(([column]) => `when grouping(${column}) = 0 then ${column}`).join(" ")} else '${ENGLAND}' end`;
  const sums = await rows<{ level: string; area_code: string | null; icb: string | null; region: string | null; population: number; aged65: number; aged20to64: number; imd_weighted: number | null; imd_weight: number | null; ethnic_total: number | null } & Record<string, number>>(
    db,
    sql`with x as (
      select l.*, c.total,
        c.bands[14] + c.bands[15] + c.bands[16] + c.bands[17] + c.bands[18] as aged65,
        c.bands[5] + c.bands[6] + c.bands[7] + c.bands[8] + c.bands[9] + c.bands[10] + c.bands[11] + c.bands[12] + c.bands[13] as aged20to64,
        i.imd_score, e.total as ethnic_total ${sql.raw(ethnicSelect ? `, ${ethnicSelect}` : "")}
      from (${LSOA_AREAS}) l
      join ref_census_age c on c.lsoa_code = l.lsoa_code
      left join ref_imd2025_lsoa i on i.lsoa_code = l.lsoa_code
      left join ref_census_ethnicity e on e.lsoa_code = l.lsoa_code)
    select ${sql.raw(level)} as level, ${sql.raw(areaCode)} as area_code, max(x.icb_code) as icb, max(x.region_code) as region,
      sum(x.total)::float8 as population, sum(x.aged65)::float8 as aged65, sum(x.aged20to64)::float8 as aged20to64,
      sum(x.imd_score * x.total)::float8 as imd_weighted,
      sum(case when x.imd_score is not null then x.total end)::float8 as imd_weight,
      sum(x.ethnic_total)::float8 as ethnic_total ${sql.raw(ethnicSums ? `, ${ethnicSums}` : "")}
    from x
    group by grouping sets ((), ${sql.raw(LSOA_LEVELS.map(([column]) => `(${column})`).join(", "))})`,
  );
  const authorities = new Set(sums.filter((s) => s.level === "authority" && s.area_code).map((s) => s.area_code!));
  if (!sums.length) return { records: [], figures: [] as Row[], notes: ["Census and IMD 2025 indicators: not built (no Census age or LSOA lookups loaded)"] };
  const census = { period: "2021", periodStart: "2021-03-21", periodEnd: "2021-03-21", sex: "Persons", categoryType: "", category: "" };
  const figures: Row[] = [];
  let areaCount = 0;
  for (const s of sums) {
    const placed = residentArea(s, authorities);
    if (!placed) continue;
    areaCount++;
    const area = { areaCode: s.area_code!, ...placed };
    figures.push(figure({ ...area, ...census, indicatorId: "census-age-65-plus", age: "65+ yrs" }, proportionFigure(s.aged65, s.population)));
    figures.push(figure({ ...area, ...census, indicatorId: "census-age-20-64", age: "20-64 yrs" }, proportionFigure(s.aged20to64, s.population)));
    const imd = weightedMeanFromSums(s.imd_weighted, s.imd_weight);
    if (imd) figures.push(figure({ ...area, ...census, indicatorId: "imd2025-score", period: "2025", periodStart: "2025-01-01", periodEnd: "2025-12-31", age: "All ages" }, imd));
    if (s.ethnic_total) {
      ethnic.forEach((c, k) => {
        figures.push(figure({ ...area, ...census, indicatorId: "census-ethnicity", age: "All ages", categoryType: c.categoryType, category: c.category }, proportionFigure(s[`e${k}`], s.ethnic_total!)));
      });
    }
  }
  const ids = ["census-age-65-plus", "census-age-20-64", "imd2025-score", ...(ethnic.length ? ["census-ethnicity"] : [])];
  const records = ids.map((id): IndicatorRecord => ({ ...CATALOGUE.get(id)!, metadataBasis: "catalogue", sourceFile: null, quirks: [] }));
  return {
    records,
    figures,
    notes: [`Census age, IMD 2025 and ethnicity: ${areaCount} areas, ${figures.length.toLocaleString("en-GB")} figures (ethnicity: ${ethnic.length} groups and categories)`],
  };
}

/**
 * Regions, authorities and districts the resident figures are given for that are not
 * footprint areas (shire districts, authorities split between ICBs), named from the
 * ONS lookups so that their figures read back with names.
 */
async function authorityNames(db: Queryable) {
  const list = await rows<{ code: string; name: string; area_type: string; parent_code: string | null }>(
    db,
    sql`select distinct region_code as code, region_name as name, 'region' as area_type, ${ENGLAND} as parent_code from ref_lad_region
      union select distinct u.utla_code, u.utla_name, case when u.utla_code like 'E10%' then 'county' else 'ua' end, r.region_code
        from ref_lad_utla u left join ref_lad_region r on r.lad_code = u.lad_code where u.utla_code like 'E%'
      union select distinct d.lad_code, d.lad_name, 'district', r.region_code
        from ref_lsoa_lad d left join ref_lad_region r on r.lad_code = d.lad_code where d.lad_code like 'E07%'`,
  );
  return list.map((r) => ({ code: r.code, name: r.name, areaType: r.area_type, areaTypeLabel: "ONS lookup", parentCode: r.parent_code }));
}

/** Which bundled files the derived figures came from, for every figure's source. */
async function inputFiles(db: Queryable): Promise<Map<string, { fileName: string; sha256: string }>> {
  const list = await rows<{ source: string; file_name: string; sha256: string }>(
    db,
    sql`select distinct on (source) source, file_name, sha256 from import_runs order by source, finished_at desc, id desc`,
  );
  return new Map(list.map((r) => [r.source, { fileName: r.file_name, sha256: r.sha256 }]));
}

export type DerivedResult = { built: boolean; notes: string[]; figures: number; indicators: string[] };

/**
 * Rebuilds the indicators the product derives from the reference tables (QOF
 * prevalence, practice deprivation aggregated to PCNs, IMD 2025, Census age structure
 * and ethnicity), in the caller's transaction: sums in SQL, intervals from the
 * statistics module. Runs after the footprints are built, which it reads.
 */
export async function rebuildDerivedIndicators(db: Queryable, options: { inputsKey?: string } = {}): Promise<DerivedResult> {
  const [{ n }] = await rows<{ n: number }>(db, sql`select count(*)::int as n from areas where source = 'reference'`);
  // The footprint sums group some 130,000 practice rows several ways: with the default
  // 4 MB they spill to disk, which on the embedded database doubles their time.
  await db.execute(sql`set local work_mem = '64MB'`);
  if (n === 0) return { built: false, notes: ["Derived indicators not built: the footprints are not built yet"], figures: 0, indicators: [] };
  await db.execute(
    sql`insert into areas (code, level, name, source, details) values (${ENGLAND}, 'england', 'England', 'imported', ${JSON.stringify({ areaType: "england", recordedBy: DERIVED_SOURCE })}::jsonb) on conflict (code) do nothing`,
  );
  const files = await inputFiles(db);
  const notes: string[] = [];
  const allIds: string[] = [];
  let count = 0;
  const write = async (
    built: { records: IndicatorRecord[]; figures: Row[]; notes: string[] },
    sources: string[],
  ) => {
    notes.push(...built.notes);
    if (!built.records.length) return;
    const ids = built.records.map((r) => r.id);
    const sourceFile = sources.map((s) => files.get(s)?.fileName).filter(Boolean).join(", ");
    await upsertIndicators(db, built.records.map((r) => ({ ...r, sourceFile })));
    await clearFigures(db, ids);
    await writeFigures(db, built.figures, { source: DERIVED_SOURCE, sha256: options.inputsKey ?? null });
    allIds.push(...ids);
    count += built.figures.length;
  };
  await write(await buildQof(db), ["qof-prevalence", "qof-mapping", "practice-locations"]);
  const deprivation = await buildPracticeDeprivation(db);
  if ("named" in deprivation && deprivation.named.length) await recordNamedAreas(db, deprivation.named, `${DERIVED_SOURCE}: practice-imd`);
  await write(deprivation, ["practice-imd", "qof-prevalence", "qof-mapping"]);
  await recordNamedAreas(db, await authorityNames(db), `${DERIVED_SOURCE}: ONS lookups`);
  await write(await buildResidentIndicators(db), ["census-age", "census-ethnicity", "imd2025-lsoa", "lsoa-icb", "lsoa-lad", "lad-utla", "lad-region"]);
  await refreshLacks(db, allIds);
  return { built: true, notes, figures: count, indicators: allIds };
}

/** A key for the inputs of the derived figures: the version and the checksum of every input file loaded. */
export async function derivedInputsKey(db: Queryable): Promise<string> {
  const files = await inputFiles(db);
  const parts = [DERIVED_VERSION, ...INPUT_SOURCES.map((s) => `${s}=${files.get(s)?.sha256 ?? "none"}`)];
  return createHash("sha256").update(parts.join("\n")).digest("hex");
}

/**
 * Builds the derived indicators unless the same inputs were already built from, and
 * records the build as an import run so the next start can tell.
 */
export async function ensureDerivedIndicators(db: Db): Promise<DerivedResult & { status: "built" | "unchanged" | "waiting"; seconds: number }> {
  const t0 = performance.now();
  const key = await derivedInputsKey(db);
  const [{ n }] = await rows<{ n: number }>(db, sql`select count(*)::int as n from import_runs where source = ${DERIVED_SOURCE} and sha256 = ${key}`);
  if (n > 0) return { status: "unchanged", built: false, notes: [], figures: 0, indicators: [], seconds: (performance.now() - t0) / 1000 };
  const started = new Date();
  const result = await db.transaction(async (tx) => {
    const built = await rebuildDerivedIndicators(tx, { inputsKey: key });
    if (built.built) {
      await bulkInsert(
        tx,
        "import_runs",
        [
          { name: "source", type: "text" },
          { name: "file_name", type: "text" },
          { name: "sha256", type: "text" },
          { name: "rows_read", type: "integer" },
          { name: "rows_loaded", type: "integer" },
          { name: "started_at", type: "timestamptz" },
          { name: "finished_at", type: "timestamptz" },
        ],
        [{ source: DERIVED_SOURCE, file_name: "(reference tables)", sha256: key, rows_read: 0, rows_loaded: built.figures, started_at: started.toISOString(), finished_at: new Date().toISOString() }],
      );
    }
    return built;
  });
  return { ...result, status: result.built ? "built" : "waiting", seconds: (performance.now() - t0) / 1000 };
}

