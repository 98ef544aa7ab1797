import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newQueryClock, runWithQueryClock } from "../../db/query-timing";
import { sqlTiming } from "../bench/pages";
import { createTestDb, type TestDatabase } from "../db";

// The Server-Timing `db` figure that `npm run bench` splits page time by: it must see every
// query a request runs (plain, raw and in a transaction) and only that request's queries.
describe("time in SQL per request", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDb();
  });
  afterAll(() => database.cleanup());

  it("counts a request's queries, including those in a transaction, and the time they ran", async () => {
    const clock = newQueryClock();
    await runWithQueryClock(clock, async () => {
      await database.db.execute(sql`select pg_sleep(0.05)`);
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_sleep(0.03)`);
      });
    });
    // The sleep, the transaction's begin/commit and its query: at least the two sleeps.
    expect(clock.queries).toBeGreaterThanOrEqual(2);
    expect(clock.sqlMs).toBeGreaterThanOrEqual(75);
  });

  it("counts overlapping queries once", async () => {
    const clock = newQueryClock();
    const started = performance.now();
    await runWithQueryClock(clock, () => Promise.all([database.db.execute(sql`select pg_sleep(0.05)`), database.db.execute(sql`select pg_sleep(0.05)`)]));
    const wall = performance.now() - started;
    expect(clock.queries).toBe(2);
    expect(clock.sqlMs).toBeLessThanOrEqual(wall + 1);
  });

  it("leaves other requests' clocks and queries outside any request alone", async () => {
    const mine = newQueryClock();
    const theirs = newQueryClock();
    // drizzle's queries are lazy (they run when awaited), so each request awaits its own.
    await Promise.all([runWithQueryClock(mine, async () => await database.db.execute(sql`select 1`)), runWithQueryClock(theirs, async () => {}), database.db.execute(sql`select 2`)]);
    expect(mine.queries).toBe(1);
    expect(theirs.queries).toBe(0);
  });
});

describe("reading the SQL figure back from a Server-Timing header", () => {
  it.each([
    ['db;desc="SQL (12 queries)";dur=3.4, handler;desc="Until headers";dur=9.0', { queries: 12, sqlMs: 3.4 }],
    ['sql;desc="SQL";dur=1.0, app;desc="Application";dur=2.0, db;desc="SQL (3 queries)";dur=0.5, handler;desc="Until headers";dur=4.1', { queries: 3, sqlMs: 0.5 }],
    ['sql;desc="SQL";dur=1.0', null],
    [null, null],
  ])("%s", (header, expected) => {
    expect(sqlTiming(header)).toEqual(expected);
  });
});
