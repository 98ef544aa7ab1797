import fs from "node:fs";
import { restoreDatabase } from "../backup";
import { openDatabase } from "../client";

// `npm run db:restore -- file`: restores a db:backup file into DATABASE_URL or the embedded
// database, which must be empty (migrated, no rows); all or nothing.
const file = process.argv[2];
if (!file || !fs.existsSync(file)) {
  console.error(file ? `No such backup file: ${file}` : "Usage: npm run db:restore -- <backup file>");
  process.exit(1);
}

try {
  const database = await openDatabase({ purpose: "db:restore" });
  try {
    const started = performance.now();
    const summary = await restoreDatabase(database, file);
    console.log(
      `Restored ${summary.rows.toLocaleString("en-GB")} rows into ${summary.tables} tables of ${database.driver} (${database.location}) ` +
        `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(`Restore failed: ${(error as Error).message}`);
  process.exit(1);
}
