import fs from "node:fs";
import readline from "node:readline";
import { createGunzip, createGzip } from "node:zlib";
import { sql } from "drizzle-orm";
import type { Database, Queryable } from "./client";

/**
 * Logical backups that work the same on both drivers: one gzipped NDJSON file
 * holding every row of every table in the public schema, as `row_to_json` text.
 *
 * Why not pg_dump: the embedded database (PGlite) has no pg_dump, and its own
 * `dumpDataDir` tarball cannot be restored into a PostgreSQL server. A row-level
 * format moves data either way (embedded → server is how a pilot graduates), and
 * restoring through `json_populate_recordset` lets PostgreSQL parse every value
 * back into its own column type (bytea, jsonb, dates, numerics) without any
 * per-type code here.
 *
 * File layout, one JSON value per line:
 *   {"format":"hjp-backup","version":1,"createdAt":…,"driver":…,"migrations":n,"tables":[{"name":…,"rows":n}]}
 *   {"table":"name","rows":n}      then n lines, one row each, for every table in turn
 */
export const BACKUP_FORMAT = "hjp-backup";
export const BACKUP_VERSION = 1;
const FETCH_SIZE = 2_000;
const INSERT_BATCH = 1_000;

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  driver: string;
  migrations: number;
  tables: { name: string; rows: number }[];
};

export type BackupSummary = { file: string; tables: number; rows: number; bytes: number };

type Column = { name: string; generated: boolean; sequence: string | null };

/**
 * Tables derived from the others (the data version, the HJP roll-up cells and their
 * bookkeeping): not backed up. The restore's own writes start a new data version, and
 * the restored database rebuilds the cells when they are first read. Restoring them
 * would also be wrong, since the restore itself is a change.
 */
export const DERIVED_TABLES: readonly string[] = ["data_changes", "hjp_rollup_builds", "hjp_rollup_cells", "hjp_rollup_changes"];

/** Base tables of the public schema that hold data of their own, parents before children (foreign keys). */
export async function tablesInDependencyOrder(database: Database): Promise<string[]> {
  const tables = (
    await database.rows<{ name: string }>(
      `select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    )
  )
    .map((t) => t.name)
    .filter((name) => !DERIVED_TABLES.includes(name));
  const edges = await database.rows<{ child: string; parent: string }>(
    `select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
       from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname = 'public'`,
  );
  const unquote = (name: string) => name.replace(/^"|"$/g, "");
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  for (const e of edges) {
    const child = unquote(e.child);
    const parent = unquote(e.parent);
    if (child !== parent) parents.get(child)?.add(parent);
  }
  const ordered: string[] = [];
  const done = new Set<string>();
  const visit = (table: string, path: Set<string>) => {
    if (done.has(table)) return;
    if (path.has(table)) throw new Error(`Foreign keys form a cycle through ${table}: a logical backup cannot order it`);
    path.add(table);
    for (const parent of parents.get(table) ?? []) visit(parent, path);
    path.delete(table);
    done.add(table);
    ordered.push(table);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

async function columnsOf(database: Database, table: string): Promise<Column[]> {
  const rows = await database.rows<{ name: string; generated: string; sequence: string | null }>(
    `select column_name as name, is_generated as generated,
            pg_get_serial_sequence(quote_ident(table_name), column_name) as sequence
       from information_schema.columns
      where table_schema = 'public' and table_name = '${table.replace(/'/g, "''")}'
      order by ordinal_position`,
  );
  return rows.map((r) => ({ name: r.name, generated: r.generated === "ALWAYS", sequence: r.sequence }));
}

async function migrationCount(database: Database): Promise<number> {
  const [row] = await database.rows<{ n: number }>(
    `select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return row?.n ?? 0;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Writes a consistent backup (one repeatable-read snapshot) of every table to `file`. */
export async function backupDatabase(database: Database, file: string): Promise<BackupSummary> {
  const tables = await tablesInDependencyOrder(database);
  const migrations = await migrationCount(database);
  const gzip = createGzip();
  const out = fs.createWriteStream(file);
  const finished = new Promise<void>((resolve, reject) => {
    out.on("finish", resolve);
    out.on("error", reject);
    gzip.on("error", reject);
  });
  gzip.pipe(out);
  const write = (line: string) =>
    new Promise<void>((resolve) => {
      if (gzip.write(line + "\n")) resolve();
      else gzip.once("drain", resolve);
    });

  let total = 0;
  try {
    await database.db.transaction(
      async (tx) => {
        const counts: { name: string; rows: number }[] = [];
        for (const name of tables) {
          const [row] = (await rowsOf(tx, `select count(*)::int as n from ${ident(name)}`)) as { n: number }[];
          counts.push({ name, rows: row!.n });
        }
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: new Date().toISOString(),
          driver: database.driver,
          migrations,
          tables: counts,
        };
        await write(JSON.stringify(header));
        for (const { name, rows } of counts) {
          await write(JSON.stringify({ table: name, rows }));
          // A cursor keeps memory flat on tables of a million rows.
          const cursor = `backup_${name.replace(/\W/g, "_")}`;
          await tx.execute(sql.raw(`declare ${cursor} no scroll cursor for select row_to_json(t)::text as j from ${ident(name)} t`));
          for (;;) {
            const batch = (await rowsOf(tx, `fetch ${FETCH_SIZE} from ${cursor}`)) as { j: string }[];
            for (const r of batch) await write(r.j);
            total += batch.length;
            if (batch.length < FETCH_SIZE) break;
          }
          await tx.execute(sql.raw(`close ${cursor}`));
        }
      },
      { isolationLevel: "repeatable read", accessMode: "read only" },
    );
  } finally {
    gzip.end();
    await finished;
  }
  return { file, tables: tables.length, rows: total, bytes: fs.statSync(file).size };
}

async function rowsOf(tx: Queryable, text: string): Promise<unknown[]> {
  const result = (await tx.execute(sql.raw(text))) as unknown as { rows?: unknown[] } | unknown[];
  return Array.isArray(result) ? result : (result.rows ?? []);
}

export class RestoreError extends Error {}

/**
 * Restores a backup into a migrated, empty database, in one transaction: either
 * every row is restored or none is. Refuses a database that already holds rows
 * (restoring over live data would mix two histories) or a backup made at a
 * different migration level (its columns would not line up).
 */
export async function restoreDatabase(database: Database, file: string): Promise<{ tables: number; rows: number }> {
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const next = async (): Promise<string | undefined> => {
    const r = await iterator.next();
    return r.done ? undefined : r.value;
  };
  let header: BackupHeader;
  try {
    header = JSON.parse((await next()) ?? "null") as BackupHeader;
  } catch {
    throw new RestoreError(`${file} is not a backup made by db:backup (its first line is not JSON)`);
  }
  if (header?.format !== BACKUP_FORMAT) throw new RestoreError(`${file} is not a backup made by db:backup`);
  if (header.version !== BACKUP_VERSION) throw new RestoreError(`${file} is backup format version ${header.version}; this product reads version ${BACKUP_VERSION}`);
  const migrations = await migrationCount(database);
  if (header.migrations !== migrations) {
    throw new RestoreError(`The backup was made at migration ${header.migrations} and this database is at migration ${migrations}: migrate or use a matching release first`);
  }
  const tables = new Set(await tablesInDependencyOrder(database));
  for (const t of header.tables) {
    if (!tables.has(t.name)) throw new RestoreError(`The backup holds table ${t.name}, which this database does not have`);
  }
  const occupied: string[] = [];
  for (const t of tables) {
    const [row] = await database.rows<{ any: boolean }>(`select exists (select 1 from ${ident(t)}) as any`);
    if (row?.any) occupied.push(t);
  }
  if (occupied.length > 0) {
    throw new RestoreError(`Restore needs an empty database, but these tables hold rows: ${occupied.join(", ")}`);
  }

  // Read column lists before the transaction: PGlite has one connection, so a query
  // outside an open transaction would wait for it forever.
  const columnsByTable = new Map<string, Column[]>();
  for (const t of header.tables) columnsByTable.set(t.name, (await columnsOf(database, t.name)).filter((c) => !c.generated));

  let restored = 0;
  await database.db.transaction(async (tx) => {
    for (const expected of header.tables) {
      const marker = JSON.parse((await next()) ?? "null") as { table?: string; rows?: number } | null;
      if (marker?.table !== expected.name) throw new RestoreError(`The backup is damaged: expected the rows of ${expected.name}`);
      const columns = columnsByTable.get(expected.name)!;
      const list = columns.map((c) => ident(c.name)).join(", ");
      let batch: string[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const json = `[${batch.join(",")}]`;
        await tx.execute(
          sql`insert into ${sql.raw(ident(expected.name))} (${sql.raw(list)}) overriding system value
              select ${sql.raw(list)} from json_populate_recordset(null::${sql.raw(ident(expected.name))}, ${json}::json)`,
        );
        restored += batch.length;
        batch = [];
      };
      for (let i = 0; i < expected.rows; i++) {
        const line = await next();
        if (line === undefined) throw new RestoreError(`The backup is truncated in table ${expected.name} after ${i} of ${expected.rows} rows`);
        batch.push(line);
        if (batch.length >= INSERT_BATCH) await flush();
      }
      await flush();
      // Serial and identity sequences continue after the restored ids.
      for (const c of columns) {
        if (!c.sequence) continue;
        const column = ident(c.name);
        const table = ident(expected.name);
        await tx.execute(
          sql.raw(`select setval('${c.sequence.replace(/'/g, "''")}', coalesce((select max(${column}) from ${table}), 1), (select count(*) > 0 from ${table}))`),
        );
      }
    }
  });
  return { tables: header.tables.length, rows: restored };
}
