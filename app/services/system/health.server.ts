import { type Database, ping } from "../../../db/client";

export type Health = {
  status: "ok" | "unavailable";
  driver: Database["driver"];
  database: { reachable: boolean; location: string };
  startedAt: string;
};

export async function getHealth({ database, startedAt }: { database: Database; startedAt: string }): Promise<Health> {
  const reachable = await ping(database);
  return {
    status: reachable ? "ok" : "unavailable",
    driver: database.driver,
    // A PostgreSQL URL's credentials are redacted; the PGlite directory is not secret.
    database: { reachable, location: database.location },
    startedAt,
  };
}
