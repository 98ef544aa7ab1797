import { relations, sql } from "drizzle-orm";
import { bigint, check, date, doublePrecision, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { organisations } from "./accounts";
import { hjpServices } from "./hjp-services";

/**
 * Funding awards, aligned with the 360Giving standard's required fields (identifier,
 * title, description, currency, amount awarded, award date, recipient and funding
 * organisation). Amounts are integer pence; bigint because one award can exceed the
 * £21m an integer holds.
 */
export const hjpFundingAwards = pgTable(
  "hjp_funding_awards",
  {
    id: serial("id").primaryKey(),
    /** 360Giving grant identifier: the award's key. */
    grantId: text("grant_id").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    currency: text("currency").notNull().default("GBP"),
    amountAwardedPence: bigint("amount_awarded_pence", { mode: "number" }).notNull(),
    amountDisbursedPence: bigint("amount_disbursed_pence", { mode: "number" }),
    awardDate: date("award_date").notNull(),
    plannedStart: date("planned_start"),
    plannedEnd: date("planned_end"),
    funderOrgId: text("funder_org_id").notNull(),
    funderName: text("funder_name").notNull(),
    funderType: text("funder_type").notNull(),
    recipientOrganisationId: integer("recipient_organisation_id")
      .notNull()
      .references(() => organisations.id),
    /** The service funded; null when the award funds the organisation generally. */
    serviceId: integer("service_id").references(() => hjpServices.id, { onDelete: "set null" }),
    grantProgramme: text("grant_programme"),
    fteFunded: doublePrecision("fte_funded"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("hjp_funding_awards_grant_key").on(t.grantId),
    index("hjp_funding_awards_recipient_idx").on(t.recipientOrganisationId),
    index("hjp_funding_awards_service_idx").on(t.serviceId),
    check(
      "hjp_funding_awards_amounts",
      sql`${t.amountAwardedPence} >= 0 and (${t.amountDisbursedPence} is null or ${t.amountDisbursedPence} between 0 and ${t.amountAwardedPence})`,
    ),
    check("hjp_funding_awards_dates", sql`${t.plannedEnd} is null or ${t.plannedStart} is null or ${t.plannedEnd} >= ${t.plannedStart}`),
  ],
);

export const hjpFundingAwardsRelations = relations(hjpFundingAwards, ({ one }) => ({
  recipient: one(organisations, { fields: [hjpFundingAwards.recipientOrganisationId], references: [organisations.id] }),
  service: one(hjpServices, { fields: [hjpFundingAwards.serviceId], references: [hjpServices.id] }),
}));

export type HjpFundingAward = typeof hjpFundingAwards.$inferSelect;
