/**
 * The data version that keys the rendered-page cache: every table a page can show has
 * the trigger, a committed change moves the version on, and a change that rolls back,
 * a sign-in's session or a read does not.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../../app/services/accounts/sessions.server";
import { dataVersion } from "../../app/services/system/data-version.server";
import { DATA_VERSION_EXEMPT } from "../../db/schema/data-changes";
import { seedDemoAccounts } from "../../db/seed/demo-accounts";
import { createTestDb, tableNames, type TestDatabase } from "../db";

describe("the data version", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDb();
    await seedDemoAccounts(database.db);
  });
  afterAll(() => database?.cleanup());

  it("has a change trigger on every table except the exempt ones, each exemption naming a table that exists", async () => {
    const tables = await tableNames(database);
    const triggered = new Set(
      (
        await database.rows<{ table: string }>(
          `select c.relname as table from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
            where p.proname = 'note_data_change' and not t.tgisinternal`,
        )
      ).map((r) => r.table),
    );
    const missing = tables.filter((t) => !triggered.has(t) && !(t in DATA_VERSION_EXEMPT));
    expect(missing, "tables with neither a data-change trigger nor an exemption").toEqual([]);
    expect(Object.keys(DATA_VERSION_EXEMPT).filter((t) => !tables.includes(t))).toEqual([]);
    expect(Object.keys(DATA_VERSION_EXEMPT).filter((t) => triggered.has(t))).toEqual([]);
  });

  it("moves on once per committed transaction, however many statements and tables it touches", async () => {
    const before = await dataVersion(database.db);
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`update organisations set name = name`);
      await tx.execute(sql`update users set name = name`);
      await tx.execute(sql`update organisations set name = name`);
    });
    expect(await dataVersion(database.db)).toBe(before + 1);
    await database.db.execute(sql`update users set name = name`);
    expect(await dataVersion(database.db)).toBe(before + 2);
  });

  it("moves on for a truncate, which fires no row triggers", async () => {
    const before = await dataVersion(database.db);
    await database.db.execute(sql`truncate vfm_inflation_index`);
    expect(await dataVersion(database.db)).toBe(before + 1);
  });

  it("stays put for a transaction that rolls back, a new session and a read", async () => {
    const before = await dataVersion(database.db);
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`update users set name = name || ' (renamed)'`);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    const [user] = await database.rows<{ id: number }>(`select id from users order by id limit 1`);
    await createSession({ db: database.db, userId: user.id });
    await database.rows(`select count(*) from hjp_episodes`);
    expect(await dataVersion(database.db)).toBe(before);
  });
});
