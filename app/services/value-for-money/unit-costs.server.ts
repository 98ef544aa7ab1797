/**
 * The unit-cost library and the inflation index: reading them for the estimates, the
 * shipped defaults (loaded on every start, never overwriting an edit), and changes by
 * administrators (any value) and commissioners (their own ICB's values; the index),
 * each recorded in the audit trail.
 */
import { and, asc, eq, isNull, or } from "drizzle-orm";
import type { Db, Queryable } from "../../../db/client";
import { vfmInflationIndex, vfmUnitCosts } from "../../../db/schema/index";
import { type Actor, canAccess, hasPermission } from "../../auth/permissions";
import type { UnitValue } from "../../domain/value-for-money/estimate";
import type { PriceIndex } from "../../domain/value-for-money/rebase";
import { SHIPPED_UNIT_VALUES } from "../../domain/value-for-money/unit-cost-library";
import type { InflationIndexForm, UnitCostForm } from "../../validation/value-for-money";
import { type AuditActor, recordAudit } from "../audit/audit.server";

export type UnitCostView = UnitValue & { id: number; icbCode: string | null; shipped: boolean; updatedAt: string; canEdit: boolean };
export type IndexValueView = { year: number; value: number; source: string; shipped: boolean; updatedAt: string };

export class UnitCostError extends Error {
  constructor(
    message: string,
    readonly field: string | null,
  ) {
    super(message);
  }
}

/** Loads the shipped unit values that are not there yet; a value already there (perhaps edited) is left alone. */
export async function ensureShippedUnitCosts(db: Queryable): Promise<{ added: number }> {
  const added = await db
    .insert(vfmUnitCosts)
    .values(SHIPPED_UNIT_VALUES.map((u) => ({ ...u, icbCode: null })))
    .onConflictDoNothing()
    .returning({ id: vfmUnitCosts.id });
  return { added: added.length };
}

/** May this actor change this row of the library (icbCode null = shipped, administrators only)? */
export function canEditUnitCost(actor: Actor, icbCode: string | null): boolean {
  if (hasPermission(actor, "manage:unit-costs:any")) return true;
  return icbCode !== null && canAccess(actor, "manage", "unit-costs", { icbCode });
}

/** The shipped values and those the ICB's commissioners entered, by code. */
export async function listUnitCosts({ db, icbCode, actor }: { db: Queryable; icbCode: string | null; actor: Actor | null }): Promise<UnitCostView[]> {
  const list = await db
    .select()
    .from(vfmUnitCosts)
    .where(icbCode ? or(isNull(vfmUnitCosts.icbCode), eq(vfmUnitCosts.icbCode, icbCode)) : isNull(vfmUnitCosts.icbCode))
    .orderBy(asc(vfmUnitCosts.code), asc(vfmUnitCosts.id));
  return list.map((r) => ({
    id: r.id,
    code: r.code,
    item: r.item,
    valuePence: Number(r.valuePence),
    unit: r.unit,
    source: r.source,
    sourceUrl: r.sourceUrl,
    priceYear: Number(r.priceYear),
    licence: r.licence,
    outcome: r.outcome,
    icbCode: r.icbCode,
    shipped: r.icbCode === null,
    updatedAt: r.updatedAt.toISOString(),
    canEdit: actor ? canEditUnitCost(actor, r.icbCode) : false,
  }));
}

export async function getUnitCost({ db, id, actor }: { db: Queryable; id: number; actor: Actor }): Promise<UnitCostView | null> {
  const [r] = await db.select().from(vfmUnitCosts).where(eq(vfmUnitCosts.id, id));
  // Another ICB's value is not found, so ids reveal nothing.
  if (!r || (r.icbCode !== null && r.icbCode !== actor.icbCode && !hasPermission(actor, "manage:unit-costs:any"))) return null;
  return (await listUnitCosts({ db, icbCode: r.icbCode, actor })).find((u) => u.id === id) ?? null;
}

/**
 * Adds a unit value (id null) or changes one. Commissioners add values for their own ICB;
 * administrators add shipped-level values seen by every ICB.
 */
export async function saveUnitCost({ db, actor, id, input }: { db: Db; actor: AuditActor & Actor; id: number | null; input: UnitCostForm }): Promise<{ id: number }> {
  const values = {
    code: input.code,
    item: input.item,
    valuePence: input.value,
    unit: input.unit,
    priceYear: input.priceYear,
    source: input.source,
    sourceUrl: input.sourceUrl ?? null,
    licence: input.licence,
    outcome: input.outcome || null,
    updatedByUserId: actor.id,
    updatedAt: new Date(),
  };
  return db.transaction(async (tx) => {
    if (id === null) {
      const icbCode = hasPermission(actor, "manage:unit-costs:any") ? null : actor.icbCode;
      if (!canEditUnitCost(actor, icbCode)) throw new UnitCostError("Your account cannot add unit values", null);
      const clash = await tx.select({ id: vfmUnitCosts.id }).from(vfmUnitCosts).where(and(eq(vfmUnitCosts.code, input.code), icbCode ? eq(vfmUnitCosts.icbCode, icbCode) : isNull(vfmUnitCosts.icbCode)));
      if (clash.length) throw new UnitCostError("A unit value with this code already exists: change that one instead", "code");
      const [created] = await tx.insert(vfmUnitCosts).values({ ...values, icbCode }).returning();
      await recordAudit(tx, actor, { action: "create", entityType: "unit-cost", entityId: created.id, icbCode, after: created, summary: `Added unit value ${created.code}: ${created.item}` });
      return { id: created.id };
    }
    const [before] = await tx.select().from(vfmUnitCosts).where(eq(vfmUnitCosts.id, id));
    if (!before || !canEditUnitCost(actor, before.icbCode)) throw new UnitCostError("There is no unit value with this number that you can change", null);
    if (input.code !== before.code) {
      const clash = await tx
        .select({ id: vfmUnitCosts.id })
        .from(vfmUnitCosts)
        .where(and(eq(vfmUnitCosts.code, input.code), before.icbCode ? eq(vfmUnitCosts.icbCode, before.icbCode) : isNull(vfmUnitCosts.icbCode)));
      if (clash.length) throw new UnitCostError("A unit value with this code already exists", "code");
    }
    const [after] = await tx.update(vfmUnitCosts).set(values).where(eq(vfmUnitCosts.id, id)).returning();
    await recordAudit(tx, actor, { action: "update", entityType: "unit-cost", entityId: id, icbCode: before.icbCode, before, after, summary: `Changed unit value ${after.code}: ${after.item}` });
    return { id };
  });
}

/** The unit values the ICB's estimates use (shipped and its own), without the editing details. */
export async function unitValuesFor({ db, icbCode }: { db: Queryable; icbCode: string }): Promise<UnitValue[]> {
  return (await listUnitCosts({ db, icbCode, actor: null })).map(({ code, item, valuePence, unit, source, sourceUrl, priceYear, licence, outcome }) => ({
    code,
    item,
    valuePence,
    unit,
    source,
    sourceUrl,
    priceYear,
    licence,
    outcome,
  }));
}

export async function listInflationIndex({ db }: { db: Queryable }): Promise<IndexValueView[]> {
  const list = await db.select().from(vfmInflationIndex).orderBy(asc(vfmInflationIndex.year));
  return list.map((r) => ({ year: Number(r.year), value: Number(r.value), source: r.source, shipped: r.shipped, updatedAt: r.updatedAt.toISOString() }));
}

export async function getPriceIndex({ db }: { db: Queryable }): Promise<PriceIndex> {
  return new Map((await listInflationIndex({ db })).map((r) => [r.year, r.value]));
}

/** Sets (or removes) one year's index value. */
export async function changeInflationIndex({ db, actor, input }: { db: Db; actor: AuditActor & Actor; input: InflationIndexForm }): Promise<void> {
  if (!hasPermission(actor, "manage:inflation-index:any")) throw new UnitCostError("Your account cannot change the inflation index", null);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(vfmInflationIndex).where(eq(vfmInflationIndex.year, input.year));
    if (input.intent === "delete") {
      if (!before) return;
      await tx.delete(vfmInflationIndex).where(eq(vfmInflationIndex.year, input.year));
      await recordAudit(tx, actor, { action: "delete", entityType: "inflation-index", entityId: input.year, before, summary: `Removed the inflation index value for ${input.year}` });
      return;
    }
    const values = { year: input.year, value: input.value, source: input.source, shipped: false, updatedByUserId: actor.id, updatedAt: new Date() };
    const [after] = await tx.insert(vfmInflationIndex).values(values).onConflictDoUpdate({ target: vfmInflationIndex.year, set: values }).returning();
    await recordAudit(tx, actor, { action: before ? "update" : "create", entityType: "inflation-index", entityId: input.year, before: before ?? null, after, summary: `Set the inflation index for ${input.year} to ${input.value}` });
  });
}
