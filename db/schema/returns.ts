import { relations, sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { organisations, users } from "./accounts";
import { hjpServices } from "./hjp-services";

/**
 * What a funded HJP service must report, and when. Until partnership agreements exist
 * each service carries its own requirement; `agreement_id` will name the agreement it
 * comes from (no foreign key yet: agreements are another aggregate, linked when both exist).
 */
export const reportingRequirements = pgTable(
  "reporting_requirements",
  {
    id: serial("id").primaryKey(),
    serviceId: integer("service_id")
      .notNull()
      .references(() => hjpServices.id, { onDelete: "cascade" }),
    agreementId: integer("agreement_id"),
    frequency: text("frequency", { enum: ["quarterly", "annual"] })
      .notNull()
      .default("quarterly"),
    /** A return falls due this many days after its period ends. */
    dueDays: integer("due_days").notNull().default(30),
    /** The first period a return is asked for (its start date). */
    firstPeriodStart: date("first_period_start").notNull(),
    /** Measure codes (app/domain/returns/measures.ts) the return must include. */
    requiredMeasures: text("required_measures").array().notNull(),
    /** Plausibility ceiling for average financial gains per client with gains, pence. */
    gainsPerClientCeilingPence: integer("gains_per_client_ceiling_pence").notNull().default(2_000_000),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("reporting_requirements_service_idx").on(t.serviceId),
    index("reporting_requirements_agreement_idx").on(t.agreementId),
    check("reporting_requirements_due_days", sql`${t.dueDays} between 0 and 365`),
  ],
);

export const RETURN_STATES = ["draft", "submitted", "accepted", "queried", "resubmitted"] as const;

/**
 * One return: a requirement's period. Holds the workflow state and the draft being
 * edited; what was submitted lives in return_versions. `draft_revision` is the
 * optimistic-concurrency token: a save must name the revision it started from.
 */
export const returns = pgTable(
  "returns",
  {
    id: serial("id").primaryKey(),
    requirementId: integer("requirement_id")
      .notNull()
      .references(() => reportingRequirements.id, { onDelete: "cascade" }),
    serviceId: integer("service_id")
      .notNull()
      .references(() => hjpServices.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end").notNull(),
    state: text("state", { enum: RETURN_STATES }).notNull().default("draft"),
    /** The latest submitted version (0: never submitted). */
    currentVersion: integer("current_version").notNull().default(0),
    /** The form as typed (text values, valid or not): nothing typed is lost. */
    draftValues: jsonb("draft_values").$type<Record<string, string>>(),
    draftRevision: integer("draft_revision").notNull().default(0),
    draftSavedAt: timestamp("draft_saved_at", { withTimezone: true }),
    draftSavedByUserId: integer("draft_saved_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("returns_requirement_period_key").on(t.requirementId, t.periodStart), index("returns_service_period_idx").on(t.serviceId, t.periodStart), index("returns_organisation_idx").on(t.organisationId)],
);

/**
 * Every submission of a return, never changed once written except for its review
 * (accepted or queried, by whom, when, why). Aggregates are jsonb checked by
 * ReturnAggregatesSchema on every read; money in pence.
 */
export const returnVersions = pgTable(
  "return_versions",
  {
    id: serial("id").primaryKey(),
    returnId: integer("return_id")
      .notNull()
      .references(() => returns.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    source: text("source", { enum: ["form", "upload"] }).notNull(),
    aggregates: jsonb("aggregates").notNull(),
    /** For an upload: the hjp_uploads row its episodes carry. */
    uploadId: integer("upload_id"),
    /** Plausibility flags when submitted (app/domain/returns/plausibility.ts). */
    flags: jsonb("flags").notNull().default(sql`'[]'::jsonb`),
    submittedByUserId: integer("submitted_by_user_id").references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    review: text("review", { enum: ["accepted", "queried"] }),
    reviewComment: text("review_comment"),
    reviewedByUserId: integer("reviewed_by_user_id").references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("return_versions_key").on(t.returnId, t.version),
    // Few versions are accepted web-form returns; every dashboard query asks for them (formCountedPeriods),
    // so this partial index lets it read those few instead of every return (bench: 7.6 ms → under 0.1 ms per query).
    index("return_versions_accepted_form_idx").on(t.returnId, t.version).where(sql`${t.source} = 'form' and ${t.review} = 'accepted'`),
  ],
);

/**
 * An uploaded case-level file waiting for its preview to be accepted: kept (base64)
 * so that accepting loads exactly the file previewed. Removed once accepted.
 */
export const returnUploads = pgTable(
  "return_uploads",
  {
    id: serial("id").primaryKey(),
    serviceId: integer("service_id")
      .notNull()
      .references(() => hjpServices.id, { onDelete: "cascade" }),
    periodStart: date("period_start").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    sha256: text("sha256").notNull(),
    content: text("content").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("return_uploads_user_idx").on(t.userId)],
);

/**
 * What a user had typed when their session ended mid-form, held for them alone until
 * they sign in again (at least 24 hours; see PRESERVE_FOR_MS) and never shown to anyone else.
 */
export const preservedForms = pgTable(
  "preserved_forms",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The page the form belongs to (its path). */
    formKey: text("form_key").notNull(),
    values: jsonb("values").$type<Record<string, string>>().notNull(),
    savedAt: timestamp("saved_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("preserved_forms_user_key").on(t.userId, t.formKey)],
);

export const reportingRequirementsRelations = relations(reportingRequirements, ({ one, many }) => ({
  service: one(hjpServices, { fields: [reportingRequirements.serviceId], references: [hjpServices.id] }),
  returns: many(returns),
}));

export const returnsRelations = relations(returns, ({ one, many }) => ({
  requirement: one(reportingRequirements, { fields: [returns.requirementId], references: [reportingRequirements.id] }),
  service: one(hjpServices, { fields: [returns.serviceId], references: [hjpServices.id] }),
  versions: many(returnVersions),
}));

export const returnVersionsRelations = relations(returnVersions, ({ one }) => ({
  return: one(returns, { fields: [returnVersions.returnId], references: [returns.id] }),
}));

export type ReportingRequirement = typeof reportingRequirements.$inferSelect;
export type ReturnRow = typeof returns.$inferSelect;
export type ReturnVersionRow = typeof returnVersions.$inferSelect;
