import { sql } from "drizzle-orm";
import { boolean, check, doublePrecision, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./accounts";

/**
 * A named demand-model scenario for one ICB: parameter overrides and capacity changes
 * on top of the catalogue defaults and the ICB's funded services, with a population
 * growth assumption for the projection. Overrides and changes are stored as the
 * validated JSON the pure model reads (app/domain/demand/scenario.ts), so a scenario
 * reruns exactly on new data. VCSE users see a scenario only when it is shared.
 */
export const demandScenarios = pgTable(
  "demand_scenarios",
  {
    id: serial("id").primaryKey(),
    icbCode: text("icb_code").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    authorUserId: integer("author_user_id")
      .notNull()
      .references(() => users.id),
    /** { parameterId: { value?, low?, high? } }: only what differs from the defaults. */
    parameterOverrides: jsonb("parameter_overrides").$type<Record<string, { value?: number; low?: number; high?: number }>>().notNull().default({}),
    /** Capacity changes in order: add FTE to a service, a new service over listed neighbourhoods, or remove a service. */
    capacityChanges: jsonb("capacity_changes").$type<unknown[]>().notNull().default([]),
    /** Annual growth of registered adults (0.01 = 1% a year), an assumption the author sets. */
    annualGrowthRate: doublePrecision("annual_growth_rate").notNull().default(0),
    projectionYears: integer("projection_years").notNull().default(5),
    sharedWithVcse: boolean("shared_with_vcse").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("demand_scenarios_icb_name_key").on(t.icbCode, sql`lower(${t.name})`),
    index("demand_scenarios_icb_idx").on(t.icbCode),
    check("demand_scenarios_growth", sql`${t.annualGrowthRate} between -0.05 and 0.05 and ${t.projectionYears} between 1 and 30`),
  ],
);

export type DemandScenarioRow = typeof demandScenarios.$inferSelect;
export type NewDemandScenarioRow = typeof demandScenarios.$inferInsert;
