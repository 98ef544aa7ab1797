import { rebuildGeography } from "../../app/services/geography/rebuild.server";
import type { LoadContext } from "./importer";

/**
 * After any geography source loads, the footprints derived from it are rebuilt in the
 * same transaction, so the areas users see always match the reference tables. When
 * the first start loads the whole bundle, this waits for the last file.
 */
export async function rebuildGeographyAfterLoad(ctx: LoadContext): Promise<string[]> {
  if (ctx.deferDerived) return [];
  const result = await rebuildGeography(ctx.tx);
  return result.notes;
}
