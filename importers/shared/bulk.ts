import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";

export type BulkColumn = { name: string; type: "text" | "integer" | "bigint" | "double precision" | "real" | "numeric" | "boolean" | "date" | "timestamptz" | "jsonb" | "integer[]" };

/**
 * Inserts many rows in one statement per chunk through json_to_recordset. It runs the
 * same on PGlite and PostgreSQL, inside the caller's transaction, with one parameter
 * per chunk; drizzle's own insert builder costs ~20 µs of JavaScript per row
 * (stack.md, gotcha 14), this costs a JSON.stringify.
 */
export async function bulkInsert(
  db: Queryable,
  table: string,
  columns: BulkColumn[],
  rows: Record<string, unknown>[],
  options: { chunkSize?: number; onConflict?: string } = {},
) {
  const chunkSize = options.chunkSize ?? 20_000;
  const names = columns.map((c) => `"${c.name}"`).join(", ");
  const defs = columns.map((c) => `"${c.name}" ${c.type}`).join(", ");
  for (let i = 0; i < rows.length; i += chunkSize) {
    const chunk = rows.slice(i, i + chunkSize);
    const payload = JSON.stringify(chunk);
    await db.execute(
      sql`insert into ${sql.raw(`"${table}"`)} (${sql.raw(names)}) select ${sql.raw(names)} from json_to_recordset(${payload}::json) as t(${sql.raw(defs)}) ${sql.raw(options.onConflict ?? "")}`,
    );
  }
}
