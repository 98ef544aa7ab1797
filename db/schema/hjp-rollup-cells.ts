import { bigint, date, doublePrecision, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * A derived summary of HJP episodes, rebuilt from hjp_episodes whenever what it was built
 * from changes (app/services/hjp/cells.server.ts): the dashboards and value-for-money
 * views sum these cells instead of re-deriving every episode's place on every request.
 * Nothing here is a source of truth; deleting every row only makes the next page slower.
 *
 * One row per ICB, service, reporting period, referral quarter, neighbourhood, place
 * and setting (dim = ''), and one per breakdown key within that (dim = 'referral-source',
 * 'problem-area', …). The reporting period stays in the key so that periods a web-form
 * return counts for are still left out at query time, as the episode roll-ups do.
 * Counts and sums only: means and standard deviations come from n, Σx and Σx².
 */
export const hjpRollupCells = pgTable(
  "hjp_rollup_cells",
  {
    icbCode: text("icb_code").notNull(),
    serviceId: integer("service_id").notNull(),
    organisationId: integer("organisation_id").notNull(),
    deliveryModel: text("delivery_model").notNull(),
    /** The reporting period the episodes were sent in (form returns replace whole periods). */
    periodStart: date("period_start").notNull(),
    /** First day of the calendar quarter of referral (calendar and financial quarters coincide). */
    referralQuarter: date("referral_quarter").notNull(),
    /** An ICB neighbourhood code, or outside-icb / not-known; '*' in breakdown rows that cover the whole ICB. */
    neighbourhood: text("neighbourhood").notNull(),
    /** The place the episodes count in under the ICB's place scheme when built, or no-place / not-known / outside-icb; '*' as for neighbourhood. */
    place: text("place").notNull(),
    /** The setting in cells (dim = ''); '*' in breakdown rows. */
    setting: text("setting").notNull(),
    /** In cells (dim = '') only: the housing outcome recorded, null for none recorded yet. */
    housingOutcome: text("housing_outcome"),
    /** '' for the cell itself; otherwise the breakdown, whose key is in `key`. */
    dim: text("dim").notNull(),
    key: text("key").notNull(),
    referrals: integer("referrals").notNull(),
    attended: integer("attended").notNull(),
    closedAttended: integer("closed_attended").notNull(),
    clientsWithGains: integer("clients_with_gains").notNull(),
    gainsRecurringPence: bigint("gains_recurring_pence", { mode: "number" }).notNull(),
    gainsOneOffPence: bigint("gains_one_off_pence", { mode: "number" }).notNull(),
    clientsWithDebtOutcome: integer("clients_with_debt_outcome").notNull(),
    debtManagedPence: bigint("debt_managed_pence", { mode: "number" }).notNull(),
    debtWrittenOffPence: bigint("debt_written_off_pence", { mode: "number" }).notNull(),
    housingOutcomes: integer("housing_outcomes").notNull(),
    dampMould: integer("damp_mould").notNull(),
    dampMouldRepaired: integer("damp_mould_repaired").notNull(),
    resolvedYes: integer("resolved_yes").notNull(),
    resolvedPartly: integer("resolved_partly").notNull(),
    resolvedNo: integer("resolved_no").notNull(),
    wellbeingN: integer("wellbeing_n").notNull(),
    /** Σ (follow-up − baseline) and Σ (follow-up − baseline)² over the wellbeingN clients. */
    wellbeingSum: doublePrecision("wellbeing_sum").notNull(),
    wellbeingSumSquares: doublePrecision("wellbeing_sum_squares").notNull(),
    /** Clients whose wellbeing rose by a meaningful change or more (value for money). */
    wellbeingMeaningful: integer("wellbeing_meaningful").notNull(),
    /** Case mix of clients attended (value for money). */
    attendedImdKnown: integer("attended_imd_known").notNull(),
    attendedMostDeprived: integer("attended_most_deprived").notNull(),
    attendedWelfareBenefits: integer("attended_welfare_benefits").notNull(),
    attendedDebt: integer("attended_debt").notNull(),
    attendedHousing: integer("attended_housing").notNull(),
  },
  // Every read names the ICB and the kind of row; neighbourhood and place pages narrow
  // by footprint within that.
  (t) => [index("hjp_rollup_cells_icb_dim_idx").on(t.icbCode, t.dim, t.neighbourhood, t.place)],
);

/**
 * Every committed transaction that changed what the cells are built from, and for which
 * ICB: one row per transaction and ICB, written by statement-level triggers (migrations
 * 0014, 0018 and 0019). Episodes, services and an ICB's places name their ICBs (from the
 * statement's transition tables); areas, area links and practices write '*', every ICB. Counting the rows
 * for an ICB and '*' tells a page whether anything it shows has changed since its cells
 * were built. A count, not a maximum: a transaction that began earlier may commit later,
 * and its row still moves the count.
 */
export const hjpRollupChanges = pgTable(
  "hjp_rollup_changes",
  {
    txid: bigint("txid", { mode: "number" }).notNull(),
    icbCode: text("icb_code").notNull().default("*"),
  },
  (t) => [primaryKey({ columns: [t.txid, t.icbCode] })],
);

/**
 * When each ICB's cells were last built, and the count of changes they saw. A page
 * that finds more changes rebuilds the cells first; deleting the row forces a rebuild.
 */
export const hjpRollupBuilds = pgTable("hjp_rollup_builds", {
  icbCode: text("icb_code").primaryKey(),
  changesSeen: integer("changes_seen").notNull(),
  episodes: integer("episodes").notNull(),
  /** The latest referral date among them: periods that end on or after it need no finer time than the quarter. */
  lastReferral: date("last_referral"),
  cells: integer("cells").notNull(),
  buildMs: integer("build_ms").notNull(),
  builtAt: timestamp("built_at", { withTimezone: true }).notNull().defaultNow(),
});
