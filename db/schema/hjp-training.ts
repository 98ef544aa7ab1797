import { relations, sql } from "drizzle-orm";
import { check, date, integer, pgTable, serial, text, unique } from "drizzle-orm/pg-core";
import { hjpServices } from "./hjp-services";

/**
 * Training health staff to spot health-harming legal needs and refer (the "critical
 * noticers"): per service, quarter and site (no site: across sites), so referrals
 * can be read against the training that preceded them.
 */
export const hjpTraining = pgTable(
  "hjp_training",
  {
    id: serial("id").primaryKey(),
    serviceId: integer("service_id")
      .notNull()
      .references(() => hjpServices.id, { onDelete: "cascade" }),
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end").notNull(),
    siteOdsCode: text("site_ods_code"),
    sessionsDelivered: integer("sessions_delivered").notNull(),
    attendeesGp: integer("attendees_gp").notNull(),
    attendeesNurse: integer("attendees_nurse").notNull(),
    attendeesReceptionist: integer("attendees_receptionist").notNull(),
    attendeesOther: integer("attendees_other").notNull(),
  },
  (t) => [
    unique("hjp_training_key").on(t.serviceId, t.periodStart, t.siteOdsCode).nullsNotDistinct(),
    check(
      "hjp_training_counts_not_negative",
      sql`${t.sessionsDelivered} >= 0 and ${t.attendeesGp} >= 0 and ${t.attendeesNurse} >= 0 and ${t.attendeesReceptionist} >= 0 and ${t.attendeesOther} >= 0`,
    ),
  ],
);

export const hjpTrainingRelations = relations(hjpTraining, ({ one }) => ({
  service: one(hjpServices, { fields: [hjpTraining.serviceId], references: [hjpServices.id] }),
}));

export type HjpTraining = typeof hjpTraining.$inferSelect;
