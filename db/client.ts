import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { acquireLock } from "./lock";
import * as schema from "./schema/index";

export type Schema = typeof schema;
/** One type for both drivers: services only ever see this. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything a query can run on: the database or an open transaction. */
export type Queryable = Db | Tx;
export type Driver = "pglite" | "postgres";

export interface Database {
  db: Db;
  driver: Driver;
  /** Where the data lives, without credentials (for logs and /healthz). */
  location: string;
  /** Rows of a raw SQL query (maintenance, benchmarks). */
  rows<T = Record<string, unknown>>(text: string): Promise<T[]>;
  close(): Promise<void>;
  /** PGlite only: the raw instance (backups, dumps). */
  pglite?: PGlite;
  /** postgres.js only: the raw client (COPY in benchmarks). */
  postgres?: postgres.Sql;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL("./migrations", import.meta.url));
export const DEFAULT_DATA_DIR = path.resolve(process.cwd(), ".data/pglite");

export type OpenOptions = {
  /** postgres://… for a PostgreSQL server; otherwise the embedded database is used. */
  url?: string;
  /** PGlite data directory, or "memory://" for a throw-away in-memory database. */
  dataDir?: string;
  /** PGlite only: start from a dump made by `dumpDataDir` (fast test databases). */
  loadDataDir?: Blob | File;
  /** Apply migrations on open (default true). */
  migrate?: boolean;
  /** Who holds the embedded database's lock, for the message a second process sees. */
  purpose?: string;
};

function redact(url: string) {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres";
  }
}

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const url = options.url ?? process.env.DATABASE_URL;
  const database = url && /^postgres(ql)?:\/\//.test(url)
    ? await openPostgres(url)
    : await openPglite(options);
  if (options.migrate !== false) await applyMigrations(database);
  return database;
}

async function openPostgres(url: string): Promise<Database> {
  const client = postgres(url, {
    // An idle pool would keep the process alive after SIGTERM (stack.md, gotcha 10).
    idle_timeout: 20,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    onnotice: () => {},
    // Session settings, measured with `npm run bench` at national scale:
    // - JIT off: the dashboards' analytic queries are costed far above jit_above_cost (the
    //   planner overestimates CTE rows), and compiling one took 3.3 s of a 3.9 s value-for-money
    //   query whose execution needed 0.4 s.
    // - work_mem 64MB (default 4MB): the grouping-sets roll-ups sort tens of thousands of wide
    //   episode rows per set; in memory the value-for-money page went from 459 to 325 ms.
    //   Only those queries use it, and the pool is small (DATABASE_POOL_SIZE, default 10).
    connection: { jit: "off", work_mem: process.env.DATABASE_WORK_MEM ?? "64MB" },
  });
  const db = drizzlePostgres(client, { schema }) as unknown as Db;
  return {
    db,
    driver: "postgres",
    location: redact(url),
    postgres: client,
    rows: async (text) => (await client.unsafe(text)) as never,
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(options: OpenOptions): Promise<Database> {
  const dataDir = options.dataDir ?? process.env.PGLITE_DIR ?? DEFAULT_DATA_DIR;
  const inMemory = dataDir.startsWith("memory://");
  let release = () => {};
  if (!inMemory) {
    // NodeFS makes only the last directory level (stack.md, gotcha 4).
    fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
    release = acquireLock(dataDir, options.purpose ?? "a process");
  }
  let client: PGlite;
  try {
    client = await PGlite.create(inMemory ? undefined : dataDir, {
      loadDataDir: options.loadDataDir,
    });
  } catch (error) {
    release();
    // PGlite errors can carry a whole minified bundle line; keep the message (gotcha 9).
    throw new Error(`Could not open the embedded database at ${dataDir}: ${(error as Error).message}`);
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    driver: "pglite",
    location: inMemory ? "memory://" : path.resolve(dataDir),
    pglite: client,
    rows: async (text) => (await client.query(text)).rows as never,
    close: async () => {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

export async function applyMigrations(database: Database) {
  if (database.driver === "pglite") {
    await migratePglite(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
    return;
  }
  // Two processes starting together must not both migrate: serialise on an advisory lock.
  const client = database.postgres!;
  const reserved = await client.reserve();
  try {
    await reserved`select pg_advisory_lock(727274)`;
    await migratePostgres(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await reserved`select pg_advisory_unlock(727274)`;
    reserved.release();
  }
}

/** True when the database answers a trivial query. */
export async function ping(database: Database): Promise<boolean> {
  try {
    await database.db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
