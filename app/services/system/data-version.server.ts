import { count } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { dataChanges } from "../../../db/schema/index";

/**
 * The data version: how many transactions that changed what pages show have committed
 * (db/schema/data-changes.ts). It only grows, and any such commit makes it grow.
 */
export async function dataVersion(db: Queryable): Promise<number> {
  const [row] = await db.select({ n: count() }).from(dataChanges);
  return row?.n ?? 0;
}
