import { relations, sql } from "drizzle-orm";
import { bigint, boolean, check, doublePrecision, index, integer, pgTable, serial, smallint, text, timestamp, unique } from "drizzle-orm/pg-core";
import { users } from "./accounts";

/**
 * The unit-cost library behind the fiscal and economic value estimates: one unit value
 * per row, with where it comes from, its price year and its licence. Rows with no ICB
 * are shipped with the product (only values whose licence allows it: GMCA, PSSRU); an
 * ICB's commissioners add their own (for example HACT values under their own licence),
 * which only their ICB sees. Money is integer pence in the row's price year.
 */
export const vfmUnitCosts = pgTable(
  "vfm_unit_costs",
  {
    id: serial("id").primaryKey(),
    /** The source's own code (GMCA "HO1.0"), or one the user chose. */
    code: text("code").notNull(),
    item: text("item").notNull(),
    valuePence: bigint("value_pence", { mode: "number" }).notNull(),
    /** What one unit is: "per incident", "per consultation". */
    unit: text("unit").notNull(),
    source: text("source").notNull(),
    sourceUrl: text("source_url"),
    /** The financial year the value is priced in, by its first calendar year (2010 = 2010-11). */
    priceYear: smallint("price_year").notNull(),
    licence: text("licence").notNull(),
    /** The outcome the estimate counts this value against (app/domain/value-for-money/estimate.ts), or null: listed only. */
    outcome: text("outcome"),
    /** Null for values shipped with the product; otherwise the ICB whose commissioners entered it. */
    icbCode: text("icb_code"),
    updatedByUserId: integer("updated_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("vfm_unit_costs_code_key").on(t.icbCode, t.code).nullsNotDistinct(),
    index("vfm_unit_costs_icb_idx").on(t.icbCode),
    check("vfm_unit_costs_value", sql`${t.valuePence} >= 0`),
    check("vfm_unit_costs_price_year", sql`${t.priceYear} between 1990 and 2100`),
  ],
);

/**
 * A price index by financial year (for example the GDP deflator), used to bring unit
 * values to a chosen price year: value × index(chosen) / index(price year). Only
 * published values with their source belong here; administrators and commissioners
 * enter them.
 */
export const vfmInflationIndex = pgTable(
  "vfm_inflation_index",
  {
    /** The financial year by its first calendar year (2024 = 2024-25). */
    year: smallint("year").primaryKey(),
    value: doublePrecision("value").notNull(),
    source: text("source").notNull(),
    /** Set for values shipped with the product; entered values are false. */
    shipped: boolean("shipped").notNull().default(false),
    updatedByUserId: integer("updated_by_user_id").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("vfm_inflation_index_value", sql`${t.value} > 0`), check("vfm_inflation_index_year", sql`${t.year} between 1990 and 2100`)],
);

export const vfmUnitCostsRelations = relations(vfmUnitCosts, ({ one }) => ({
  updatedBy: one(users, { fields: [vfmUnitCosts.updatedByUserId], references: [users.id] }),
}));

export type VfmUnitCost = typeof vfmUnitCosts.$inferSelect;
export type NewVfmUnitCost = typeof vfmUnitCosts.$inferInsert;
export type VfmInflationIndexRow = typeof vfmInflationIndex.$inferSelect;
