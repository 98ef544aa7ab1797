import { sql } from "drizzle-orm";
import { boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Every area the product shows, at every footprint: England, ICBs (system), places,
 * sub-ICB locations, PCNs (neighbourhoods), and local authorities. Rows from the
 * bundled reference data are rebuilt whole by rebuildGeography; rows that an imported
 * Fingertips file names (older codes, other area types) are kept with source
 * "imported", and an ICB's own places with source "custom".
 */
export const areas = pgTable(
  "areas",
  {
    code: text("code").primaryKey(),
    level: text("level").notNull(),
    name: text("name").notNull(),
    odsCode: text("ods_code"),
    /** The ICB the area belongs to (places, sub-ICBs, neighbourhoods). */
    icbCode: text("icb_code"),
    parentCode: text("parent_code"),
    source: text("source", { enum: ["reference", "custom", "imported"] }).notNull(),
    /** Census 2021 usual residents (ICB, place, sub-ICB, local authority). */
    residentPopulation: integer("resident_population"),
    /** Registered patients (QOF 2022-23 lists), all ages and aged 18+. */
    registeredPopulation: integer("registered_population"),
    registeredAdults: integer("registered_adults"),
    /** Deprivation score and the edition it comes from ("IMD 2025" or "IMD 2019"). */
    imdScore: doublePrecision("imd_score"),
    imdVintage: text("imd_vintage"),
    /** National decile of the score (1 = most deprived), on the scale of its edition. */
    imdDecile: integer("imd_decile"),
    /** A point to draw the area at (PCNs: the registered-list-weighted centre of their practices). */
    lat: doublePrecision("lat"),
    lng: doublePrecision("lng"),
    details: jsonb("details").$type<Record<string, unknown>>(),
  },
  (t) => [
    index("areas_level_icb_idx").on(t.level, t.icbCode),
    index("areas_ods_idx").on(t.odsCode),
    index("areas_name_search_idx").on(sql`lower(${t.name})`),
  ],
);

/**
 * Membership with shares: a place within sub-ICB locations (by resident population),
 * a neighbourhood within places (by its practices' registered lists).
 */
export const areaLinks = pgTable(
  "area_links",
  {
    childCode: text("child_code").notNull(),
    parentCode: text("parent_code").notNull(),
    relation: text("relation", { enum: ["place-sub-icb", "neighbourhood-place", "neighbourhood-sub-icb"] }).notNull(),
    share: doublePrecision("share").notNull(),
    /** Patients or residents behind the share, so roll-ups can weight exactly. */
    weight: integer("weight"),
  },
  (t) => [primaryKey({ columns: [t.childCode, t.parentCode, t.relation] }), index("area_links_parent_idx").on(t.parentCode, t.relation)],
);

export const practices = pgTable(
  "practices",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    pcnCode: text("pcn_code"),
    icbCode: text("icb_code"),
    sicblCode: text("sicbl_code"),
    placeCode: text("place_code"),
    lsoa21Code: text("lsoa21_code"),
    lat: doublePrecision("lat"),
    lng: doublePrecision("lng"),
    listTotal: integer("list_total"),
    listAdults: integer("list_adults"),
  },
  (t) => [index("practices_pcn_idx").on(t.pcnCode)],
);

/** What the real files did not fit, by rule, so that nothing is silently dropped. */
export const geographyExceptions = pgTable("geography_exceptions", {
  id: serial("id").primaryKey(),
  kind: text("kind").notNull(),
  code: text("code").notNull(),
  name: text("name"),
  detail: text("detail").notNull(),
});

/** Which places an ICB's roll-ups follow: the default upper-tier authorities or its own. */
export const icbPlaceSchemes = pgTable("icb_place_schemes", {
  icbCode: text("icb_code").primaryKey(),
  scheme: text("scheme", { enum: ["default", "custom"] }).notNull(),
  updatedByUserId: integer("updated_by_user_id"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const customPlaces = pgTable(
  "custom_places",
  {
    code: text("code").primaryKey(),
    icbCode: text("icb_code").notNull(),
    name: text("name").notNull(),
    createdByUserId: integer("created_by_user_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    active: boolean("active").notNull().default(true),
  },
  (t) => [index("custom_places_icb_idx").on(t.icbCode)],
);

export const customPlaceMembers = pgTable(
  "custom_place_members",
  {
    placeCode: text("place_code").notNull(),
    pcnCode: text("pcn_code").notNull(),
  },
  (t) => [primaryKey({ columns: [t.placeCode, t.pcnCode] })],
);

export type Area = typeof areas.$inferSelect;
export type NewArea = typeof areas.$inferInsert;
