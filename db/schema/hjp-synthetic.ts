import { relations } from "drizzle-orm";
import { date, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { organisations } from "./accounts";

/**
 * Organisations whose HJP data is synthetic demonstration data (demo mode only): their
 * services, episodes, training and awards were made by the seeded generator, and every
 * page and export that shows any of them says "synthetic demonstration data". Kept
 * apart from the organisation itself so that the mark records how the data was made.
 */
export const hjpSyntheticOrganisations = pgTable("hjp_synthetic_organisations", {
  organisationId: integer("organisation_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  /** The generator and version that made the data (app/domain/synthetic). */
  generator: text("generator").notNull(),
  seed: integer("seed").notNull(),
  /** The "today" the data was generated up to. */
  dataTo: date("data_to").notNull(),
  loadedAt: timestamp("loaded_at", { withTimezone: true }).notNull().defaultNow(),
});

export const hjpSyntheticOrganisationsRelations = relations(hjpSyntheticOrganisations, ({ one }) => ({
  organisation: one(organisations, { fields: [hjpSyntheticOrganisations.organisationId], references: [organisations.id] }),
}));
