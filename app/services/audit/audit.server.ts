import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { auditLog } from "../../../db/schema/index";
import type { Actor } from "../../auth/permissions";

export type AuditActor = (Actor & { email: string }) | null;

export type AuditChange = {
  action: string;
  entityType: string;
  entityId: string | number;
  icbCode?: string | null;
  organisationId?: number | null;
  before?: unknown;
  after?: unknown;
  summary?: string;
};

/** Never store secrets in the trail, however a caller passes a record. */
function scrub(value: unknown): unknown {
  if (!value || typeof value !== "object") return value ?? null;
  if (Array.isArray(value)) return value.map(scrub);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (/password|token|secret/i.test(k)) continue;
    out[k] = v instanceof Date ? v.toISOString() : scrub(v);
  }
  return out;
}

/** Writes one audit entry, in the caller's transaction so it commits with the change. */
export async function recordAudit(db: Queryable, actor: AuditActor, change: AuditChange) {
  await db.insert(auditLog).values({
    actorUserId: actor?.id ?? null,
    actorEmail: actor?.email ?? null,
    action: change.action,
    entityType: change.entityType,
    entityId: String(change.entityId),
    icbCode: change.icbCode ?? null,
    organisationId: change.organisationId ?? null,
    before: scrub(change.before) as object | null,
    after: scrub(change.after) as object | null,
    summary: change.summary ?? null,
  });
}

export type AuditEntryView = {
  id: number;
  at: string;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  icbCode: string | null;
  summary: string | null;
  before: unknown;
  after: unknown;
};

/**
 * The audit trail a user may read: admins everything, commissioners their ICB's
 * entries. Newest first, paged by id.
 */
export async function listAuditEntries({
  db,
  actor,
  entityType,
  entityId,
  beforeId,
  limit = 50,
}: {
  db: Queryable;
  actor: Actor;
  entityType?: string;
  entityId?: string;
  beforeId?: number;
  limit?: number;
}): Promise<AuditEntryView[]> {
  const filters: SQL[] = [];
  if (actor.role !== "admin") {
    if (actor.role !== "commissioner" || !actor.icbCode) return [];
    filters.push(eq(auditLog.icbCode, actor.icbCode));
  }
  if (entityType) filters.push(eq(auditLog.entityType, entityType));
  if (entityId) filters.push(eq(auditLog.entityId, entityId));
  if (beforeId) filters.push(lt(auditLog.id, beforeId));
  const rows = await db
    .select()
    .from(auditLog)
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actorEmail: r.actorEmail,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    icbCode: r.icbCode,
    summary: r.summary,
    before: r.before,
    after: r.after,
  }));
}
