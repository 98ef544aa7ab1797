import { bigint, pgTable } from "drizzle-orm/pg-core";

/**
 * One row per transaction that changed any table a page shows (statement triggers,
 * migration 0016). The count of rows is the data version: the rendered-page cache
 * (app/server/page-cache.ts) keys pages by it, so a page is never served from
 * before a change that had committed when it was asked for. A count and not a maximum,
 * because a transaction that began earlier can commit later; a transaction that rolls
 * back leaves no row. Sessions, sign-in throttling, the audit log, autosaved forms and
 * the derived HJP roll-up tables have no trigger: they change on reads and sign-ins,
 * and no cached page shows them.
 */
export const dataChanges = pgTable("data_changes", {
  txid: bigint("txid", { mode: "number" }).primaryKey(),
});

/** Base tables with no data-change trigger, and why (tests/integration/data-version.test.ts checks every other table has one). */
export const DATA_VERSION_EXEMPT: Readonly<Record<string, string>> = {
  sessions: "renewed as pages are read",
  login_throttle: "written by sign-in attempts",
  audit_log: "every audited action also changes the tables it describes",
  preserved_forms: "a user's unsaved form, shown only on the form itself",
  hjp_rollup_cells: "derived from tables that have the trigger",
  hjp_rollup_builds: "derived",
  hjp_rollup_changes: "derived",
  data_changes: "the version itself",
};
