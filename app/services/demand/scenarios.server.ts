/**
 * Saved demand scenarios, scoped by ICB. Commissioners and strategists of the ICB
 * see and create its scenarios (administrators see them); a VCSE user sees only the
 * scenarios shared with VCSE partners, and only for the ICB their organisation
 * works with. Every query here applies that rule, not only the pages.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { demandScenarios, organisations, users } from "../../../db/schema/index";
import { type Actor, canAccess } from "../../auth/permissions";
import { applyScenario, CapacityChangeSchema, type DemandBase, ScenarioError } from "../../domain/demand/scenario";
import type { SavedScenarioFields } from "../../domain/demand/scenario-form";
import { ParameterOverridesSchema, type ParameterOverrides } from "../../domain/demand/parameters";
import type { DemandScenarioSpec } from "../../domain/demand/view";
import { z } from "zod";

export type DemandAccess = { canView: boolean; canCreate: boolean; sharedOnly: boolean };

export async function demandAccess({ db, actor, icbCode }: { db: Queryable; actor: Actor; icbCode: string }): Promise<DemandAccess> {
  if (actor.role === "admin") return { canView: true, canCreate: false, sharedOnly: false };
  if (actor.role === "vcse") {
    if (actor.organisationId === null) return { canView: false, canCreate: false, sharedOnly: true };
    const [org] = await db.select({ icb: organisations.primaryIcbCode }).from(organisations).where(eq(organisations.id, actor.organisationId));
    return { canView: org?.icb === icbCode, canCreate: false, sharedOnly: true };
  }
  return {
    canView: canAccess(actor, "read", "icb", { icbCode }),
    canCreate: canAccess(actor, "create", "scenario", { icbCode }),
    sharedOnly: !canAccess(actor, "read", "scenario", { icbCode }),
  };
}

export type ScenarioSummary = {
  id: number;
  name: string;
  description: string | null;
  authorName: string;
  createdAt: string;
  updatedAt: string;
  sharedWithVcse: boolean;
};

export type ScenarioDetail = ScenarioSummary & { spec: DemandScenarioSpec };

const columns = {
  id: demandScenarios.id,
  name: demandScenarios.name,
  description: demandScenarios.description,
  authorName: users.name,
  createdAt: demandScenarios.createdAt,
  updatedAt: demandScenarios.updatedAt,
  sharedWithVcse: demandScenarios.sharedWithVcse,
  parameterOverrides: demandScenarios.parameterOverrides,
  capacityChanges: demandScenarios.capacityChanges,
  annualGrowthRate: demandScenarios.annualGrowthRate,
  projectionYears: demandScenarios.projectionYears,
};

function visibleTo(access: DemandAccess, icbCode: string) {
  return access.sharedOnly ? and(eq(demandScenarios.icbCode, icbCode), eq(demandScenarios.sharedWithVcse, true)) : eq(demandScenarios.icbCode, icbCode);
}

type Row = Awaited<ReturnType<typeof selectRows>>[number];
function selectRows(db: Queryable, where: ReturnType<typeof visibleTo>) {
  return db.select(columns).from(demandScenarios).innerJoin(users, eq(users.id, demandScenarios.authorUserId)).where(where).orderBy(asc(sql`lower(${demandScenarios.name})`));
}

const StoredChanges = z.array(CapacityChangeSchema);

function toDetail(r: Row): ScenarioDetail {
  // Stored JSON is re-validated on the way out: a row written by an older version
  // must not reach the model unchecked.
  const overrides = ParameterOverridesSchema.safeParse(r.parameterOverrides);
  const changes = StoredChanges.safeParse(r.capacityChanges);
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    authorName: r.authorName,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    sharedWithVcse: r.sharedWithVcse,
    spec: {
      name: r.name,
      parameterOverrides: overrides.success ? (overrides.data as ParameterOverrides) : {},
      capacityChanges: changes.success ? changes.data : [],
      annualGrowthRate: r.annualGrowthRate,
      projectionYears: r.projectionYears,
    },
  };
}

export async function listScenarios({ db, actor, icbCode }: { db: Queryable; actor: Actor; icbCode: string }): Promise<ScenarioDetail[]> {
  const access = await demandAccess({ db, actor, icbCode });
  if (!access.canView) return [];
  return (await selectRows(db, visibleTo(access, icbCode))).map(toDetail);
}

/** One scenario the actor may see, or null (unknown, another ICB's, or not shared). */
export async function getScenario({ db, actor, icbCode, id }: { db: Queryable; actor: Actor; icbCode: string; id: number }): Promise<ScenarioDetail | null> {
  const access = await demandAccess({ db, actor, icbCode });
  if (!access.canView) return null;
  const [row] = await selectRows(db, and(visibleTo(access, icbCode), eq(demandScenarios.id, id)));
  return row ? toDetail(row) : null;
}

export class ScenarioSaveError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Saves a new scenario for the ICB. Throws 403-worthy errors as ScenarioSaveError("forbidden"). */
export async function createScenario({ db, actor, icbCode, fields }: { db: Queryable; actor: Actor; icbCode: string; fields: SavedScenarioFields }): Promise<number> {
  const access = await demandAccess({ db, actor, icbCode });
  if (!access.canCreate) throw new ScenarioSaveError("forbidden", "Your account cannot create scenarios for this integrated care board.");
  const [clash] = await db
    .select({ id: demandScenarios.id })
    .from(demandScenarios)
    .where(and(eq(demandScenarios.icbCode, icbCode), eq(sql`lower(${demandScenarios.name})`, fields.name.toLowerCase())));
  if (clash) throw new ScenarioSaveError("name", "A scenario with this name already exists for this integrated care board: choose another name");
  const [row] = await db
    .insert(demandScenarios)
    .values({
      icbCode,
      name: fields.name,
      description: fields.description,
      authorUserId: actor.id,
      parameterOverrides: fields.spec.parameterOverrides as Record<string, { value?: number; low?: number; high?: number }>,
      capacityChanges: fields.spec.capacityChanges,
      annualGrowthRate: fields.spec.annualGrowthRate,
      projectionYears: fields.spec.projectionYears,
      sharedWithVcse: fields.sharedWithVcse,
    })
    .returning({ id: demandScenarios.id });
  return row.id;
}

/**
 * Checks a scenario against the ICB's inputs (its capacity changes must name the
 * ICB's neighbourhoods and services) and saves it. Returns the new id, or the field
 * and message to show.
 */
export async function saveScenario({ db, actor, icbCode, fields, base }: { db: Queryable; actor: Actor; icbCode: string; fields: SavedScenarioFields; base: DemandBase }): Promise<{ id: number } | { field: string; message: string }> {
  try {
    applyScenario(base, { name: fields.name, parameterOverrides: fields.spec.parameterOverrides, capacityChanges: fields.spec.capacityChanges });
  } catch (error) {
    if (error instanceof ScenarioError) return { field: "addNeighbourhoods", message: error.issues.join(" ") };
    throw error;
  }
  try {
    return { id: await createScenario({ db, actor, icbCode, fields }) };
  } catch (error) {
    if (error instanceof ScenarioSaveError) return { field: error.field, message: error.message };
    throw error;
  }
}
