import fs from "node:fs";
import path from "node:path";
import { backupDatabase } from "../backup";
import { openDatabase } from "../client";

// `npm run db:backup [-- file]`: a logical backup of DATABASE_URL or the embedded database.
// The embedded database is single-process: stop the server first (the lock says who holds it).
const file = process.argv[2] ?? path.join("backups", `hjp-${new Date().toISOString().replace(/[:.]/g, "-")}.ndjson.gz`);
fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });

try {
  const database = await openDatabase({ purpose: "db:backup" });
  try {
    const started = performance.now();
    const summary = await backupDatabase(database, file);
    console.log(
      `Backed up ${summary.rows.toLocaleString("en-GB")} rows from ${summary.tables} tables of ${database.driver} (${database.location}) to ${summary.file} ` +
        `(${(summary.bytes / 1e6).toFixed(1)} MB, ${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
  } finally {
    await database.close();
  }
} catch (error) {
  fs.rmSync(file, { force: true });
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exit(1);
}
