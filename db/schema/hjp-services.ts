import { relations, sql } from "drizzle-orm";
import { check, doublePrecision, index, integer, pgTable, primaryKey, serial, text, timestamp, unique, uniqueIndex } from "drizzle-orm/pg-core";
import { organisations } from "./accounts";

/**
 * A health justice partnership service: advice a VCSE organisation gives inside health
 * settings in one ICB. Named in files by its provider and the provider's own
 * reference (organisation_id, service_ref), so a re-import updates it in place.
 * Vocabulary columns hold codes from app/domain/hjp/vocabularies.ts.
 */
export const hjpServices = pgTable(
  "hjp_services",
  {
    id: serial("id").primaryKey(),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    serviceRef: text("service_ref").notNull(),
    name: text("name").notNull(),
    icbCode: text("icb_code").notNull(),
    deliveryModel: text("delivery_model").notNull(),
    /** Problem areas offered (area codes, no sub-types). */
    problemAreas: text("problem_areas").array().notNull(),
    adviserFte: doublePrecision("adviser_fte").notNull(),
    supervisingSolicitorFte: doublePrecision("supervising_solicitor_fte"),
    adminFte: doublePrecision("admin_fte"),
    sessionsPerWeek: doublePrecision("sessions_per_week").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("hjp_services_org_ref_key").on(t.organisationId, t.serviceRef),
    index("hjp_services_icb_idx").on(t.icbCode),
    check("hjp_services_fte_not_negative", sql`${t.adviserFte} >= 0 and coalesce(${t.supervisingSolicitorFte}, 0) >= 0 and coalesce(${t.adminFte}, 0) >= 0 and ${t.sessionsPerWeek} >= 0`),
  ],
);

/** Where a service works: a setting and, unless remote, the site's ODS code. */
export const hjpServiceSites = pgTable(
  "hjp_service_sites",
  {
    id: serial("id").primaryKey(),
    serviceId: integer("service_id")
      .notNull()
      .references(() => hjpServices.id, { onDelete: "cascade" }),
    setting: text("setting").notNull(),
    odsCode: text("ods_code"),
  },
  (t) => [unique("hjp_service_sites_key").on(t.serviceId, t.setting, t.odsCode).nullsNotDistinct(), index("hjp_service_sites_ods_idx").on(t.odsCode)],
);

/**
 * The footprint a service serves: neighbourhood (PCN), place or ICB codes. No foreign
 * key to areas: the geography rebuild replaces reference areas wholesale, and an
 * ICB's own places live in custom_places.
 */
export const hjpServiceAreas = pgTable(
  "hjp_service_areas",
  {
    serviceId: integer("service_id")
      .notNull()
      .references(() => hjpServices.id, { onDelete: "cascade" }),
    areaCode: text("area_code").notNull(),
    level: text("level", { enum: ["neighbourhood", "place", "icb"] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.areaCode] }), index("hjp_service_areas_area_idx").on(t.areaCode)],
);

export const hjpServicesRelations = relations(hjpServices, ({ one, many }) => ({
  organisation: one(organisations, { fields: [hjpServices.organisationId], references: [organisations.id] }),
  sites: many(hjpServiceSites),
  areas: many(hjpServiceAreas),
}));

export const hjpServiceSitesRelations = relations(hjpServiceSites, ({ one }) => ({
  service: one(hjpServices, { fields: [hjpServiceSites.serviceId], references: [hjpServices.id] }),
}));

export const hjpServiceAreasRelations = relations(hjpServiceAreas, ({ one }) => ({
  service: one(hjpServices, { fields: [hjpServiceAreas.serviceId], references: [hjpServices.id] }),
}));

export type HjpService = typeof hjpServices.$inferSelect;
export type NewHjpService = typeof hjpServices.$inferInsert;
