/**
 * Time spent in SQL per request, for the Server-Timing header and `npm run bench`.
 *
 * Both drivers' prepared queries (drizzle's classes, so transactions and raw
 * `db.execute` are covered) are wrapped once; a query run inside `runWithQueryClock`
 * adds to that request's clock. The clock counts the time during which at least one
 * query was running, so queries a loader runs side by side are not counted twice.
 * Outside a clock (importers, seeds, tests) the wrapper only checks for one.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { PglitePreparedQuery } from "drizzle-orm/pglite/session";
import { PostgresJsPreparedQuery } from "drizzle-orm/postgres-js/session";

export type QueryClock = { active: number; since: number; sqlMs: number; queries: number };

const storage = new AsyncLocalStorage<QueryClock>();

export function newQueryClock(): QueryClock {
  return { active: 0, since: 0, sqlMs: 0, queries: 0 };
}

export function runWithQueryClock<T>(clock: QueryClock, fn: () => T): T {
  return storage.run(clock, fn);
}

function wrap(prototype: Record<string, unknown>) {
  for (const method of ["execute", "all"]) {
    const run = prototype[method];
    if (typeof run !== "function" || (run as { timed?: boolean }).timed) continue;
    const timed = async function timed(this: unknown, ...args: unknown[]) {
      const clock = storage.getStore();
      if (!clock) return run.apply(this, args);
      clock.queries++;
      if (clock.active++ === 0) clock.since = performance.now();
      try {
        return await run.apply(this, args);
      } finally {
        if (--clock.active === 0) clock.sqlMs += performance.now() - clock.since;
      }
    };
    prototype[method] = Object.assign(timed, { timed: true });
  }
}

wrap(PostgresJsPreparedQuery.prototype as unknown as Record<string, unknown>);
wrap(PglitePreparedQuery.prototype as unknown as Record<string, unknown>);
