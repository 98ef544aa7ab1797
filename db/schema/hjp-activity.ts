import { relations, sql } from "drizzle-orm";
import { boolean, check, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, serial, smallint, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { hjpServices } from "./hjp-services";

/**
 * One accepted case-level upload (from the command line, or later a VCSE quarterly
 * return). Its episodes carry its id, so a period's activity can be traced to the file
 * that supplied it.
 */
export const hjpUploads = pgTable("hjp_uploads", {
  id: serial("id").primaryKey(),
  /** The importer: hjp-activity. */
  source: text("source").notNull(),
  fileName: text("file_name").notNull(),
  sha256: text("sha256").notNull(),
  rowsLoaded: integer("rows_loaded").notNull().default(0),
  /** Null for uploads from the command line. */
  uploadedByUserId: integer("uploaded_by_user_id").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Case-level activity and outcomes: one row per client episode, pseudonymised at
 * source (no names, NHS numbers, dates of birth, addresses, full postcodes or contact
 * details). The key is the service and the service's own episode reference, so
 * sending an episode again replaces it. Money is integer pence.
 *
 * Multi-valued fields stay on the row (text arrays and jsonb) rather than in child
 * tables: one row per episode keeps a million-row load to one insert per row, and
 * dashboards unnest the arrays in SQL (see the report in the HJP data README section).
 */
export const hjpEpisodes = pgTable(
  "hjp_episodes",
  {
    serviceId: integer("service_id")
      .notNull()
      .references(() => hjpServices.id, { onDelete: "cascade" }),
    episodeRef: text("episode_ref").notNull(),
    // No foreign key: uploads are never deleted, and the per-row check would cost a
    // million-row load about a tenth of its time for nothing.
    uploadId: integer("upload_id").notNull(),
    /** The reporting quarter the episode was last sent in. */
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end").notNull(),
    clientRef: text("client_ref"),
    referralDate: date("referral_date").notNull(),
    referralSource: text("referral_source").notNull(),
    referralRoute: text("referral_route"),
    attended: boolean("attended").notNull(),
    firstContactDate: date("first_contact_date"),
    setting: text("setting").notNull(),
    siteOdsCode: text("site_ods_code"),
    deliveryMode: text("delivery_mode").notNull(),
    /** Distinct problem areas, for grouping ("housing"). */
    problemAreas: text("problem_areas").array().notNull(),
    /** Problems as recorded, with sub-types ("housing:damp-mould"). */
    problemCategories: text("problem_categories").array().notNull(),
    serviceLevel: text("service_level").notNull(),
    /**
     * The client's neighbourhood (PCN): given, or the PCN of the GP practice the
     * episode took place in. Null where neither is known: read by LSOA or outward code.
     */
    neighbourhoodCode: text("neighbourhood_code"),
    clientLsoa: text("client_lsoa"),
    clientOutwardCode: text("client_outward_code"),
    /** National deprivation decile, 1 = most deprived: given, or IMD 2025 of the client's LSOA. */
    imdDecile: smallint("imd_decile"),
    ageBand: text("age_band"),
    sex: text("sex"),
    ethnicity: text("ethnicity"),
    disabilityOrLtc: boolean("disability_or_ltc"),
    /** Totals in pence, so value-for-money sums need not open the breakdowns. */
    gainsRecurringAnnualPence: integer("gains_recurring_annual_pence"),
    gainsOneOffPence: integer("gains_one_off_pence"),
    /** Pence by benefit type, e.g. {"pip": 420000}. */
    gainsRecurringByBenefit: jsonb("gains_recurring_by_benefit").$type<Record<string, number>>(),
    gainsOneOffByBenefit: jsonb("gains_one_off_by_benefit").$type<Record<string, number>>(),
    debtWrittenOffPence: integer("debt_written_off_pence"),
    debtManagedPence: integer("debt_managed_pence"),
    housingOutcome: text("housing_outcome"),
    problemResolved: text("problem_resolved"),
    swemwbsBaseline: doublePrecision("swemwbs_baseline"),
    swemwbsFollowup: doublePrecision("swemwbs_followup"),
    closedDate: date("closed_date"),
  },
  (t) => [
    primaryKey({ columns: [t.serviceId, t.episodeRef] }),
    // Replacing a service's quarter, and a service's activity by quarter.
    index("hjp_episodes_service_period_idx").on(t.serviceId, t.periodStart),
    // Activity by referral date for a service (or an ICB's services).
    index("hjp_episodes_service_referral_idx").on(t.serviceId, t.referralDate),
    // Activity at the neighbourhood footprint.
    index("hjp_episodes_neighbourhood_idx").on(t.neighbourhoodCode, t.referralDate),
    check("hjp_episodes_imd_decile", sql`${t.imdDecile} between 1 and 10`),
    check("hjp_episodes_swemwbs", sql`${t.swemwbsBaseline} between 7 and 35 and ${t.swemwbsFollowup} between 7 and 35`),
    check(
      "hjp_episodes_money_not_negative",
      sql`${t.gainsRecurringAnnualPence} >= 0 and ${t.gainsOneOffPence} >= 0 and ${t.debtWrittenOffPence} >= 0 and ${t.debtManagedPence} >= 0`,
    ),
  ],
);

export const hjpEpisodesRelations = relations(hjpEpisodes, ({ one }) => ({
  service: one(hjpServices, { fields: [hjpEpisodes.serviceId], references: [hjpServices.id] }),
  upload: one(hjpUploads, { fields: [hjpEpisodes.uploadId], references: [hjpUploads.id] }),
}));

export type HjpEpisode = typeof hjpEpisodes.$inferSelect;
export type NewHjpEpisode = typeof hjpEpisodes.$inferInsert;
export type HjpUpload = typeof hjpUploads.$inferSelect;
