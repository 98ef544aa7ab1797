import { integer, jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";

/**
 * One row per successful importer run: which file (by checksum) was loaded, when,
 * and how many rows were loaded or skipped by which rule. The first start uses it to
 * load the bundled reference data once; a later vintage of the same file loads again.
 */
export const importRuns = pgTable("import_runs", {
  id: serial("id").primaryKey(),
  source: text("source").notNull(),
  fileName: text("file_name").notNull(),
  sha256: text("sha256").notNull(),
  rowsRead: integer("rows_read").notNull(),
  rowsLoaded: integer("rows_loaded").notNull(),
  skipped: jsonb("skipped").$type<Record<string, number>>().notNull().default({}),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
  finishedAt: timestamp("finished_at", { withTimezone: true }).notNull(),
});

export type ImportRun = typeof importRuns.$inferSelect;
export type NewImportRun = typeof importRuns.$inferInsert;
