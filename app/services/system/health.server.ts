import { type Database, ping } from "../../../db/client";
import type { PageCacheStats } from "../../server/page-cache";

export type Health = {
  status: "ok" | "unavailable";
  driver: Database["driver"];
  database: { reachable: boolean; location: string };
  startedAt: string;
  /** This server process's rendered-page cache (app/server/page-cache.ts), when it has one. */
  pageCache?: PageCacheStats;
};

export async function getHealth({ database, startedAt, pageCache }: { database: Database; startedAt: string; pageCache?: PageCacheStats }): Promise<Health> {
  const reachable = await ping(database);
  return {
    status: reachable ? "ok" : "unavailable",
    driver: database.driver,
    // A PostgreSQL URL's credentials are redacted; the PGlite directory is not secret.
    database: { reachable, location: database.location },
    startedAt,
    ...(pageCache ? { pageCache } : {}),
  };
}
