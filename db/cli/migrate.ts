import { openDatabase } from "../client";
import { DatabaseLockedError } from "../lock";

// `npm run db:migrate`: applies committed migrations to DATABASE_URL or the embedded database.
openDatabase({ purpose: "db:migrate" }).then(
  async (database) => {
    console.log(`Migrated ${database.driver} at ${database.location}`);
    await database.close();
  },
  (error: unknown) => {
    console.error(error instanceof DatabaseLockedError ? error.message : error);
    process.exit(1);
  },
);
