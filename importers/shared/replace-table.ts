import { sql } from "drizzle-orm";
import { type BulkColumn, bulkInsert } from "./bulk";
import type { LoadContext, Loader } from "./importer";

/**
 * The load step of a reference source: replace the source's rows with the file's,
 * in the runner's transaction. Loading the same file twice gives the same table;
 * loading a later vintage replaces the earlier one.
 */
export function replaceTableLoader<R>(options: {
  table: string;
  columns: BulkColumn[];
  toRow(record: R): Record<string, unknown>;
  /** Replace only part of the table (e.g. one kind of boundary). A literal SQL condition. */
  where?: string;
  /** Runs after the rows are in, still inside the transaction (derived tables). */
  afterLoad?(ctx: LoadContext): Promise<string[] | void>;
}): (ctx: LoadContext) => Promise<Loader<R>> {
  return async (ctx) => {
    await ctx.tx.execute(sql.raw(`delete from "${options.table}"${options.where ? ` where ${options.where}` : ""}`));
    let rowsLoaded = 0;
    return {
      async loadBatch(records) {
        await bulkInsert(ctx.tx, options.table, options.columns, records.map(options.toRow));
        rowsLoaded += records.length;
      },
      async finish() {
        const notes = (await options.afterLoad?.(ctx)) ?? [];
        return { rowsLoaded, notes };
      },
    };
  };
}
