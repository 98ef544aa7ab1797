import { relations, sql } from "drizzle-orm";
import { bigint, boolean, check, customType, date, index, integer, jsonb, type AnyPgColumn, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { organisations, users } from "./accounts";

export const AGREEMENT_TYPES = ["grant", "contract", "sla", "mou", "data-sharing"] as const;
export const AGREEMENT_STATUSES = ["draft", "agreed", "active", "ended", "terminated"] as const;

/** File bytes in the database (bytea): documents stay with the record they belong to, in backups too. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

/** A party to an agreement with its named lead. */
export type AgreementParty = { organisationId: number; leadName: string; leadEmail: string | null };
export type AgreementFootprints = { system: boolean; places: string[]; neighbourhoods: string[] };
export type PaymentInstalment = { dueDate: string; amountPence: number };
export type AgreementGovernance = { meetings: string; seats: string; escalation: string };
export type AgreementDataSharing = { data: string; lawfulBasis: string; retention: string };
/** What the VCSE organisation reports, and when: the VCSE returns are built from this. */
export type AgreementReporting = { frequency: "quarterly" | "monthly" | "annual"; dueDaysAfterPeriodEnd: number; measures: string[]; notes: string };
/** A KPI: a measure from app/domain/agreements/kpis.ts and its target for each financial quarter (keyed by the quarter's start date). */
export type AgreementKpi = { measure: string; targets: { period: string; target: number }[] };

/**
 * Partnership agreements between an ICB and VCSE organisations. The row holds what does
 * not vary (type, ICB, lifecycle); what may be varied lives in agreement_versions, one
 * row per version. `revision` is the optimistic-concurrency counter: every change bumps
 * it, and a change made from a stale page is refused.
 */
export const agreements = pgTable(
  "agreements",
  {
    id: serial("id").primaryKey(),
    icbCode: text("icb_code").notNull(),
    type: text("type", { enum: AGREEMENT_TYPES }).notNull(),
    title: text("title").notNull(),
    purpose: text("purpose").notNull(),
    status: text("status", { enum: AGREEMENT_STATUSES }).notNull().default("draft"),
    /** The agreement this one renews; the successor link is the reverse of it. */
    predecessorId: integer("predecessor_id").references((): AnyPgColumn => agreements.id),
    terminationReason: text("termination_reason"),
    agreedOn: date("agreed_on"),
    activatedOn: date("activated_on"),
    endedOn: date("ended_on"),
    terminatedOn: date("terminated_on"),
    currentVersion: integer("current_version").notNull().default(1),
    revision: integer("revision").notNull().default(1),
    /** Made by the demo seed: every page that shows it says "synthetic demonstration data". */
    synthetic: boolean("synthetic").notNull().default(false),
    createdByUserId: integer("created_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("agreements_icb_idx").on(t.icbCode, t.status),
    // One renewal per agreement: a second successor would split the line of versions.
    uniqueIndex("agreements_predecessor_key").on(t.predecessorId),
    check("agreements_terminated_has_reason", sql`${t.status} <> 'terminated' or ${t.terminationReason} is not null`),
  ],
);

/**
 * The content of each version of an agreement. Dates, value and the ids used for
 * filtering and scoping are columns; the structured rest is jsonb. Versions are never
 * updated: a variation adds a row saying what changed and why.
 */
export const agreementVersions = pgTable(
  "agreement_versions",
  {
    id: serial("id").primaryKey(),
    agreementId: integer("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    changeSummary: text("change_summary").notNull(),
    icbLeadName: text("icb_lead_name").notNull(),
    icbLeadEmail: text("icb_lead_email"),
    parties: jsonb("parties").$type<AgreementParty[]>().notNull(),
    /** The VCSE organisations that are party (copied from `parties` for scoping queries). */
    organisationIds: integer("organisation_ids").array().notNull(),
    serviceIds: integer("service_ids").array().notNull(),
    footprints: jsonb("footprints").$type<AgreementFootprints>().notNull(),
    /** Footprint codes (ICB, places, neighbourhoods) for the register's filter. */
    footprintCodes: text("footprint_codes").array().notNull(),
    valuePence: bigint("value_pence", { mode: "number" }).notNull(),
    paymentFrequency: text("payment_frequency").notNull(),
    paymentSchedule: jsonb("payment_schedule").$type<PaymentInstalment[]>().notNull(),
    startDate: date("start_date").notNull(),
    endDate: date("end_date").notNull(),
    reviewDate: date("review_date"),
    governance: jsonb("governance").$type<AgreementGovernance>().notNull(),
    dataSharing: jsonb("data_sharing").$type<AgreementDataSharing>().notNull(),
    reporting: jsonb("reporting").$type<AgreementReporting>().notNull(),
    kpis: jsonb("kpis").$type<AgreementKpi[]>().notNull(),
    createdByUserId: integer("created_by_user_id").references(() => users.id),
    createdByEmail: text("created_by_email"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("agreement_versions_key").on(t.agreementId, t.version),
    index("agreement_versions_orgs_idx").using("gin", t.organisationIds),
    check("agreement_versions_value", sql`${t.valuePence} >= 0`),
    check("agreement_versions_dates", sql`${t.endDate} >= ${t.startDate}`),
  ],
);

/** Money paid against an agreement (integer pence); what was awarded is the version's value and schedule. */
export const agreementPayments = pgTable(
  "agreement_payments",
  {
    id: serial("id").primaryKey(),
    agreementId: integer("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    paidOn: date("paid_on").notNull(),
    amountPence: bigint("amount_pence", { mode: "number" }).notNull(),
    reference: text("reference"),
    recordedByUserId: integer("recorded_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("agreement_payments_agreement_idx").on(t.agreementId), check("agreement_payments_amount", sql`${t.amountPence} > 0`)],
);

/**
 * Documents attached to an agreement, stored in the database. The name is kept only
 * for display and the download's suggested name, never used as a path.
 */
export const agreementDocuments = pgTable(
  "agreement_documents",
  {
    id: serial("id").primaryKey(),
    agreementId: integer("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    uploadedByUserId: integer("uploaded_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("agreement_documents_agreement_idx").on(t.agreementId)],
);

export const agreementComments = pgTable(
  "agreement_comments",
  {
    id: serial("id").primaryKey(),
    agreementId: integer("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    authorUserId: integer("author_user_id").references(() => users.id),
    authorName: text("author_name").notNull(),
    /** The author's organisation, when a VCSE user wrote it. */
    organisationId: integer("organisation_id").references(() => organisations.id),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("agreement_comments_agreement_idx").on(t.agreementId)],
);

export const agreementsRelations = relations(agreements, ({ many }) => ({
  versions: many(agreementVersions),
  payments: many(agreementPayments),
  documents: many(agreementDocuments),
  comments: many(agreementComments),
}));

export const agreementVersionsRelations = relations(agreementVersions, ({ one }) => ({
  agreement: one(agreements, { fields: [agreementVersions.agreementId], references: [agreements.id] }),
}));

export type Agreement = typeof agreements.$inferSelect;
export type NewAgreement = typeof agreements.$inferInsert;
export type AgreementVersion = typeof agreementVersions.$inferSelect;
export type AgreementType = (typeof AGREEMENT_TYPES)[number];
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
