import { doublePrecision, integer, jsonb, pgTable, primaryKey, real, text } from "drizzle-orm/pg-core";

/*
 * Reference tables: one per bundled source, each replaced whole by its importer, so a
 * later vintage of the same file loads with the same command. The footprints that
 * users see (areas, places, neighbourhoods) are derived from these by
 * rebuildGeography (app/services/geography/rebuild.server.ts).
 */

export const refLsoaIcb = pgTable("ref_lsoa_icb", {
  lsoaCode: text("lsoa_code").primaryKey(),
  lsoaName: text("lsoa_name").notNull(),
  sicblCode: text("sicbl_code").notNull(),
  sicblOdsCode: text("sicbl_ods_code").notNull(),
  sicblName: text("sicbl_name").notNull(),
  icbCode: text("icb_code").notNull(),
  icbOdsCode: text("icb_ods_code").notNull(),
  icbName: text("icb_name").notNull(),
});

export const refLsoaLad = pgTable("ref_lsoa_lad", {
  lsoaCode: text("lsoa_code").primaryKey(),
  wardCode: text("ward_code").notNull(),
  wardName: text("ward_name").notNull(),
  ladCode: text("lad_code").notNull(),
  ladName: text("lad_name").notNull(),
});

export const refLadUtla = pgTable("ref_lad_utla", {
  ladCode: text("lad_code").primaryKey(),
  ladName: text("lad_name").notNull(),
  utlaCode: text("utla_code").notNull(),
  utlaName: text("utla_name").notNull(),
});

export const refLadRegion = pgTable("ref_lad_region", {
  ladCode: text("lad_code").primaryKey(),
  ladName: text("lad_name").notNull(),
  regionCode: text("region_code").notNull(),
  regionName: text("region_name").notNull(),
});

export const refQofMapping = pgTable("ref_qof_mapping", {
  practiceCode: text("practice_code").primaryKey(),
  practiceName: text("practice_name").notNull(),
  /** Null for the pseudo-PCN "U" (practices in no PCN). */
  pcnCode: text("pcn_code"),
  pcnName: text("pcn_name").notNull(),
  sicblOdsCode: text("sicbl_ods_code").notNull(),
  sicblCode: text("sicbl_code").notNull(),
  sicblName: text("sicbl_name").notNull(),
  icbOdsCode: text("icb_ods_code").notNull(),
  icbCode: text("icb_code").notNull(),
  icbName: text("icb_name").notNull(),
  regionOdsCode: text("region_ods_code").notNull(),
  regionCode: text("region_code").notNull(),
  regionName: text("region_name").notNull(),
});

export const refQofPrevalence = pgTable(
  "ref_qof_prevalence",
  {
    practiceCode: text("practice_code").notNull(),
    groupCode: text("group_code").notNull(),
    listType: text("list_type").notNull(),
    register: integer("register").notNull(),
    listSize: integer("list_size").notNull(),
  },
  (t) => [primaryKey({ columns: [t.practiceCode, t.groupCode, t.listType] })],
);

export const refPracticeLocations = pgTable("ref_practice_locations", {
  practiceCode: text("practice_code").primaryKey(),
  practiceName: text("practice_name").notNull(),
  postcode: text("postcode").notNull(),
  lat: doublePrecision("lat").notNull(),
  lng: doublePrecision("lng").notNull(),
  lsoa21Code: text("lsoa21_code").notNull(),
  pcnCode: text("pcn_code"),
  pcnName: text("pcn_name").notNull(),
  pcnLat: doublePrecision("pcn_lat"),
  pcnLng: doublePrecision("pcn_lng"),
  sicblCode: text("sicbl_code").notNull(),
  sicblOdsCode: text("sicbl_ods_code").notNull(),
  icbCode: text("icb_code").notNull(),
  icbOdsCode: text("icb_ods_code").notNull(),
});

export const refPcnImd = pgTable("ref_pcn_imd", {
  pcnCode: text("pcn_code").primaryKey(),
  pcnName: text("pcn_name").notNull(),
  postcode: text("postcode").notNull(),
  sicblOdsCode: text("sicbl_ods_code").notNull(),
  imd2019Score: doublePrecision("imd2019_score").notNull(),
  fileDecile: integer("file_decile").notNull(),
});

export const refPracticeImd = pgTable(
  "ref_practice_imd",
  {
    practiceCode: text("practice_code").notNull(),
    practiceName: text("practice_name").notNull(),
    imdYear: integer("imd_year").notNull(),
    imdScore: doublePrecision("imd_score").notNull(),
    isCurrent: integer("is_current").notNull(),
  },
  (t) => [primaryKey({ columns: [t.practiceCode, t.imdYear] })],
);

/** Census 2021 TS007A: usual residents by 18 five-year bands (0–4 … 85+), in band order. */
export const refCensusAge = pgTable("ref_census_age", {
  lsoaCode: text("lsoa_code").primaryKey(),
  lsoaName: text("lsoa_name").notNull(),
  total: integer("total").notNull(),
  bands: integer("bands").array().notNull(),
});

/** Census 2021 TS021: usual residents by ethnic group; counts by "group: category". */
export const refCensusEthnicity = pgTable("ref_census_ethnicity", {
  lsoaCode: text("lsoa_code").primaryKey(),
  total: integer("total").notNull(),
  groups: jsonb("groups").$type<{ group: string; count: number; categories: { category: string; count: number }[] }[]>().notNull(),
});

export const refImd2025Lsoa = pgTable("ref_imd2025_lsoa", {
  lsoaCode: text("lsoa_code").primaryKey(),
  imdScore: doublePrecision("imd_score").notNull(),
  imdRank: integer("imd_rank").notNull(),
  imdDecile: integer("imd_decile").notNull(),
  domains: jsonb("domains").$type<{ domain: string; score: number; rank: number; decile: number }[]>().notNull(),
});

export const refImd2025Icb = pgTable("ref_imd2025_icb", {
  icbCode: text("icb_code").primaryKey(),
  icbName: text("icb_name").notNull(),
  imdAverageScore: doublePrecision("imd_average_score").notNull(),
  imdAverageRank: doublePrecision("imd_average_rank").notNull(),
  imdProportionMostDeprived10: real("imd_proportion_most_deprived_10").notNull(),
  measures: jsonb("measures").$type<Record<string, number>>().notNull(),
});

/** Simplified boundaries (WGS84), by kind: icb, sicbl, ctyua. */
export const refBoundaries = pgTable(
  "ref_boundaries",
  {
    kind: text("kind").notNull(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    vintage: text("vintage").notNull(),
    labelLat: doublePrecision("label_lat"),
    labelLng: doublePrecision("label_lng"),
    geometry: jsonb("geometry").notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.code] })],
);
