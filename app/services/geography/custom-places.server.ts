import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { areas, customPlaceMembers, customPlaces, icbPlaceSchemes } from "../../../db/schema/index";
import { type AuditActor, recordAudit } from "../audit/audit.server";
import { placeMembership } from "./areas.server";

export class PlacesError extends Error {
  constructor(
    message: string,
    readonly pcnCode?: string,
  ) {
    super(message);
  }
}

export type PlaceAssignmentForm = {
  icb: { code: string; name: string; odsCode: string | null };
  scheme: "default" | "custom";
  rows: { pcnCode: string; pcnName: string; registeredPopulation: number | null; placeName: string }[];
};

/** The ICB's neighbourhoods with the name of the place each now rolls up to (its largest share). */
export async function getPlaceAssignments({ db, icbCode }: { db: Db; icbCode: string }): Promise<PlaceAssignmentForm | null> {
  const [icb] = await db.select({ code: areas.code, name: areas.name, odsCode: areas.odsCode }).from(areas).where(and(eq(areas.level, "icb"), eq(areas.code, icbCode)));
  if (!icb) return null;
  const [{ scheme, members }, pcns] = await Promise.all([
    placeMembership({ db, icbCode }),
    db.select({ code: areas.code, name: areas.name, registeredPopulation: areas.registeredPopulation }).from(areas).where(and(eq(areas.level, "neighbourhood"), eq(areas.icbCode, icbCode))).orderBy(asc(areas.name)),
  ]);
  const placeCodes = [...new Set(members.map((m) => m.placeCode))];
  const names = new Map<string, string>();
  if (placeCodes.length) {
    for (const r of await db.select({ code: areas.code, name: areas.name }).from(areas).where(inArray(areas.code, placeCodes))) names.set(r.code, r.name);
    for (const r of await db.select({ code: customPlaces.code, name: customPlaces.name }).from(customPlaces).where(inArray(customPlaces.code, placeCodes))) names.set(r.code, r.name);
  }
  return {
    icb,
    scheme,
    rows: pcns.map((p) => {
      const best = members.filter((m) => m.pcnCode === p.code).sort((a, b) => b.share - a.share)[0];
      return { pcnCode: p.code, pcnName: p.name, registeredPopulation: p.registeredPopulation, placeName: best ? (names.get(best.placeCode) ?? "") : "" };
    }),
  };
}

/**
 * Replaces the ICB's places with named groups of its PCNs. Every PCN of the ICB must
 * be in exactly one place. The previous definition is kept (inactive) for the record,
 * and the change is in the audit trail with who made it and when.
 */
export async function defineCustomPlaces({
  db,
  actor,
  icbCode,
  assignments,
}: {
  db: Db;
  actor: AuditActor;
  icbCode: string;
  assignments: { pcnCode: string; placeName: string }[];
}) {
  return db.transaction(async (tx) => {
    const pcns = await tx.select({ code: areas.code }).from(areas).where(and(eq(areas.level, "neighbourhood"), eq(areas.icbCode, icbCode)));
    const valid = new Set(pcns.map((p) => p.code));
    const given = new Map(assignments.map((a) => [a.pcnCode, a.placeName.trim()]));
    for (const a of assignments) if (!valid.has(a.pcnCode)) throw new PlacesError(`${a.pcnCode} is not a primary care network of this ICB`, a.pcnCode);
    for (const code of valid) if (!given.get(code)) throw new PlacesError("Enter the place this primary care network belongs to", code);
    const [icb] = await tx.select({ odsCode: areas.odsCode }).from(areas).where(eq(areas.code, icbCode));
    const before = await placeMembership({ db: tx, icbCode });

    await tx.update(customPlaces).set({ active: false }).where(eq(customPlaces.icbCode, icbCode));
    const existing = await tx.select({ code: customPlaces.code }).from(customPlaces).where(eq(customPlaces.icbCode, icbCode));
    let serial = existing.length;
    const byName = new Map<string, string>();
    for (const name of [...new Set(given.values())].sort((a, b) => a.localeCompare(b, "en-GB"))) {
      // Codes never repeat, so old definitions stay readable.
      const code = `${icb?.odsCode ?? icbCode}-P${String(++serial).padStart(3, "0")}`;
      byName.set(name, code);
      await tx.insert(customPlaces).values({ code, icbCode, name, createdByUserId: actor?.id ?? null });
    }
    await tx.insert(customPlaceMembers).values([...given].map(([pcnCode, name]) => ({ placeCode: byName.get(name)!, pcnCode })));
    await tx
      .insert(icbPlaceSchemes)
      .values({ icbCode, scheme: "custom", updatedByUserId: actor?.id ?? null })
      .onConflictDoUpdate({ target: icbPlaceSchemes.icbCode, set: { scheme: "custom", updatedByUserId: actor?.id ?? null, updatedAt: new Date() } });
    await recordAudit(tx, actor, {
      action: "define-places",
      entityType: "icb-places",
      entityId: icbCode,
      icbCode,
      before: { scheme: before.scheme, members: before.members },
      after: { scheme: "custom", places: Object.fromEntries([...byName].map(([name, code]) => [code, { name, pcns: [...given].filter(([, n]) => n === name).map(([p]) => p) }])) },
      summary: `Defined ${byName.size} places from ${given.size} primary care networks`,
    });
    return { places: byName.size };
  });
}

/** Goes back to the default places (upper-tier authorities); the custom definition is kept, inactive. */
export async function useDefaultPlaces({ db, actor, icbCode }: { db: Db; actor: AuditActor; icbCode: string }) {
  await db.transaction(async (tx) => {
    await tx
      .insert(icbPlaceSchemes)
      .values({ icbCode, scheme: "default", updatedByUserId: actor?.id ?? null })
      .onConflictDoUpdate({ target: icbPlaceSchemes.icbCode, set: { scheme: "default", updatedByUserId: actor?.id ?? null, updatedAt: new Date() } });
    await tx.update(customPlaces).set({ active: false }).where(eq(customPlaces.icbCode, icbCode));
    await recordAudit(tx, actor, { action: "use-default-places", entityType: "icb-places", entityId: icbCode, icbCode, after: { scheme: "default" }, summary: "Returned to the default places (upper-tier local authorities)" });
  });
}
