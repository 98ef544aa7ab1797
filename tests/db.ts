import fs from "node:fs";
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { inject } from "vitest";
import { DERIVED_TABLES } from "../db/backup";
import { type Database, openDatabase } from "../db/client";
import { adminUrl, testDatabaseUrl, withDatabase } from "./db-urls";

export type TestDatabase = Database & { cleanup(): Promise<void> };

/**
 * A fresh, migrated database for one test file: PostgreSQL (a copy of a migrated
 * template) when DATABASE_URL is set, otherwise an in-memory PGlite. Empty, or with
 * the bundled reference data (real geography) already loaded.
 */
export async function createTestDb(options: { driver?: "pglite" | "postgres"; withReferenceData?: boolean } = {}): Promise<TestDatabase> {
  const url = testDatabaseUrl();
  const driver = options.driver ?? (url ? "postgres" : "pglite");
  if (driver === "postgres") {
    if (!url) throw new Error("createTestDb: PostgreSQL asked for but DATABASE_URL is not set");
    const template = inject(options.withReferenceData ? "postgresReferenceTemplate" : "postgresTemplate");
    const name = `hjp_test_${randomBytes(6).toString("hex")}`;
    const admin = postgres(adminUrl(url), { onnotice: () => {}, max: 1 });
    await admin.unsafe(`create database ${name} ${template ? `template ${template}` : ""}`);
    const database = await openDatabase({ url: withDatabase(url, name) });
    return Object.assign(database, {
      async cleanup() {
        await database.close();
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    });
  }
  const dump = fs.readFileSync(inject(options.withReferenceData ? "pgliteReferenceDump" : "pgliteDump"));
  const database = await openDatabase({ url: "", dataDir: "memory://", loadDataDir: new Blob([dump]) });
  return Object.assign(database, { cleanup: () => database.close() });
}

/** Every table's name, in order. */
export async function tableNames(database: Database): Promise<string[]> {
  const tables = await database.rows<{ table_name: string }>(
    `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  return tables.map((t) => t.table_name);
}

/**
 * Row count and an order-independent checksum of every table (or of the tables named),
 * to prove nothing changed. Checksumming the bundled reference data takes seconds, so a
 * test that snapshots many times can name the tables it could change.
 */
export async function snapshotTables(database: Database, only?: readonly string[]): Promise<Record<string, { rows: number; checksum: string }>> {
  const result: Record<string, { rows: number; checksum: string }> = {};
  // The derived tables (the data version, the HJP roll-up cells) record that statements
  // ran, even ones that changed nothing; like backups, "unchanged" is about the data.
  for (const table_name of only ?? (await tableNames(database)).filter((t) => !DERIVED_TABLES.includes(t))) {
    const [row] = await database.rows<{ rows: number; checksum: string | null }>(
      `select count(*)::int as rows, md5(coalesce(string_agg(md5(t::text), '' order by md5(t::text)), '')) as checksum from "${table_name}" t`,
    );
    result[table_name] = { rows: row.rows, checksum: row.checksum ?? "" };
  }
  return result;
}
