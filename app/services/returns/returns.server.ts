/**
 * Returns: drafts (saved with an optimistic-concurrency token), submission, review and
 * versions, every transition in the audit trail. Authorisation is by the service's
 * organisation (VCSE users submit and read their own) and ICB (commissioners review and
 * read their ICB's); anything else is "not found".
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { canAccess } from "../../auth/permissions";
import { aggregatesToForm } from "../../domain/returns/form";
import { type ReturnAggregates, ReturnAggregatesSchema } from "../../domain/returns/measures";
import { nextState, type ReturnState, type TrackerStatus, trackerStatus } from "../../domain/returns/periods";
import { type PlausibilityFlag, plausibilityFlags } from "../../domain/returns/plausibility";
import { type AuditActor, recordAudit } from "../audit/audit.server";
import { findReturnScope, type RequirementView, type ReturnScope, rows, type ServiceRef } from "./shared.server";

export type ReturnActor = NonNullable<AuditActor>;

export type VersionView = {
  version: number;
  source: "form" | "upload";
  aggregates: ReturnAggregates;
  uploadId: number | null;
  flags: PlausibilityFlag[];
  submittedBy: string | null;
  submittedAt: string;
  review: "accepted" | "queried" | null;
  reviewComment: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
};

export type HistoryEntry = { at: string; who: string | null; action: string; summary: string | null };

export type ReturnPage = {
  service: ServiceRef;
  requirement: RequirementView;
  period: ReturnScope["period"];
  returnId: number | null;
  state: ReturnState | null;
  status: TrackerStatus;
  daysOverdue: number | null;
  draft: { values: Record<string, string>; revision: number; savedAt: string | null; savedBy: string | null };
  versions: VersionView[];
  history: HistoryEntry[];
  /** The period already has case-level rows (from an upload or the command line). */
  hasActivityRows: boolean;
  canEdit: boolean;
  canReview: boolean;
};

type ReturnRow = {
  id: number;
  state: ReturnState;
  current_version: number;
  draft_values: Record<string, string> | string | null;
  draft_revision: number;
  draft_saved_at: string | null;
  draft_saved_by: string | null;
};

const parseJson = <T>(v: unknown): T => (typeof v === "string" ? JSON.parse(v) : v) as T;

async function findReturnRow(db: Queryable, scope: ReturnScope, lock = false): Promise<ReturnRow | null> {
  const [r] = await rows<ReturnRow>(
    db,
    sql`select r.id, r.state, r.current_version, r.draft_values, r.draft_revision, r.draft_saved_at::text as draft_saved_at, u.name as draft_saved_by
        from returns r left join users u on u.id = r.draft_saved_by_user_id
        where r.requirement_id = ${scope.requirement.id} and r.period_start = ${scope.period.start} ${lock ? sql`for update of r` : sql``}`,
  );
  return r ? { ...r, id: Number(r.id), current_version: Number(r.current_version), draft_revision: Number(r.draft_revision) } : null;
}

export async function listVersions(db: Queryable, returnId: number): Promise<VersionView[]> {
  const list = await rows<Record<string, unknown>>(
    db,
    sql`select v.version, v.source, v.aggregates, v.upload_id, v.flags, su.name as submitted_by, v.submitted_at, v.review, v.review_comment, ru.name as reviewed_by, v.reviewed_at
        from return_versions v left join users su on su.id = v.submitted_by_user_id left join users ru on ru.id = v.reviewed_by_user_id
        where v.return_id = ${returnId} order by v.version desc`,
  );
  const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
  return list.map((v) => ({
    version: Number(v.version),
    source: v.source as "form" | "upload",
    aggregates: ReturnAggregatesSchema.parse(parseJson(v.aggregates)),
    uploadId: v.upload_id == null ? null : Number(v.upload_id),
    flags: parseJson<PlausibilityFlag[]>(v.flags),
    submittedBy: (v.submitted_by as string | null) ?? null,
    submittedAt: iso(v.submitted_at)!,
    review: (v.review as "accepted" | "queried" | null) ?? null,
    reviewComment: (v.review_comment as string | null) ?? null,
    reviewedBy: (v.reviewed_by as string | null) ?? null,
    reviewedAt: iso(v.reviewed_at),
  }));
}

async function history(db: Queryable, returnId: number): Promise<HistoryEntry[]> {
  const list = await rows<{ at: string; actor: string | null; action: string; summary: string | null }>(
    db,
    sql`select a.at, coalesce(u.name, a.actor_email) as actor, a.action, a.summary from audit_log a left join users u on u.id = a.actor_user_id
        where a.entity_type = 'return' and a.entity_id = ${String(returnId)} order by a.id desc limit 100`,
  );
  return list.map((h) => ({ at: new Date(h.at).toISOString(), who: h.actor, action: h.action, summary: h.summary }));
}

async function hasActivityRows(db: Queryable, serviceId: number, period: { start: string; end: string }) {
  const [r] = await rows<{ n: number }>(db, sql`select count(*)::int as n from (select 1 from hjp_episodes where service_id = ${serviceId} and period_start between ${period.start} and ${period.end} limit 1) t`);
  return Number(r.n) > 0;
}

/** Everything the return page shows, or null when the actor may not read this return (or it does not exist). */
export async function getReturnPage({ db, actor, serviceId, periodStart, today }: { db: Queryable; actor: ReturnActor; serviceId: number; periodStart: string; today: string }): Promise<ReturnPage | null> {
  const scope = await findReturnScope(db, actor, { serviceId, periodStart, action: "read" });
  if (!scope) return null;
  const row = await findReturnRow(db, scope);
  const versions = row ? await listVersions(db, row.id) : [];
  const state = row?.state ?? null;
  const { status, daysOverdue } = trackerStatus({ state: row && row.state === "draft" && row.current_version === 0 && !row.draft_values ? null : state, dueDate: scope.period.dueDate, today });
  const editable = state === null || state === "draft" || state === "queried";
  // A queried return is corrected from what was last sent, unless a draft of the correction exists.
  const values = row?.draft_values ? parseJson<Record<string, string>>(row.draft_values) : versions[0] ? aggregatesToForm(versions[0].aggregates) : {};
  return {
    ...scope,
    returnId: row?.id ?? null,
    state,
    status,
    daysOverdue,
    draft: { values, revision: row?.draft_revision ?? 0, savedAt: row?.draft_saved_at ? new Date(row.draft_saved_at).toISOString() : null, savedBy: row?.draft_saved_by ?? null },
    versions,
    history: row ? await history(db, row.id) : [],
    hasActivityRows: await hasActivityRows(db, scope.service.id, scope.period),
    canEdit: editable && canAccess(actor, "submit", "return", { organisationId: scope.service.organisationId }),
    canReview: (state === "submitted" || state === "resubmitted") && canAccess(actor, "review", "return", { icbCode: scope.service.icbCode }),
  };
}

export class ReturnConflict {
  constructor(readonly theirs: { values: Record<string, string>; revision: number; savedAt: string | null; savedBy: string | null; state: ReturnState }) {}
}

export type SaveResult = { ok: true; revision: number; returnId: number } | { ok: false; reason: "not-found" | "not-editable" } | { ok: false; reason: "conflict"; conflict: ReturnConflict };

/** The return row for the scope, created (as an empty draft) if it does not exist yet; locked for the transaction. */
async function ensureReturnRow(tx: Queryable, scope: ReturnScope): Promise<ReturnRow> {
  await tx.execute(sql`insert into returns (requirement_id, service_id, organisation_id, period_start, period_end)
        values (${scope.requirement.id}, ${scope.service.id}, ${scope.service.organisationId}, ${scope.period.start}, ${scope.period.end})
        on conflict (requirement_id, period_start) do nothing`);
  return (await findReturnRow(tx, scope, true))!;
}

const conflictOf = (row: ReturnRow) =>
  new ReturnConflict({
    values: row.draft_values ? parseJson<Record<string, string>>(row.draft_values) : {},
    revision: row.draft_revision,
    savedAt: row.draft_saved_at ? new Date(row.draft_saved_at).toISOString() : null,
    savedBy: row.draft_saved_by,
    state: row.state,
  });

/**
 * Saves what the user typed as the draft, if nobody else saved since the revision they
 * started from; otherwise reports the conflict with the other version, writing nothing.
 */
export async function saveDraft({
  db,
  actor,
  serviceId,
  periodStart,
  values,
  baseRevision,
  autosave = false,
}: {
  db: Queryable;
  actor: ReturnActor;
  serviceId: number;
  periodStart: string;
  values: Record<string, string>;
  baseRevision: number;
  autosave?: boolean;
}): Promise<SaveResult> {
  return db.transaction(async (tx) => {
    const scope = await findReturnScope(tx, actor, { serviceId, periodStart, action: "submit" });
    if (!scope) return { ok: false, reason: "not-found" } as const;
    const row = await ensureReturnRow(tx, scope);
    if (row.state !== "draft" && row.state !== "queried") return { ok: false, reason: "not-editable" } as const;
    if (row.draft_revision !== baseRevision) return { ok: false, reason: "conflict", conflict: conflictOf(row) } as const;
    const revision = row.draft_revision + 1;
    await tx.execute(sql`update returns set draft_values = ${JSON.stringify(values)}::jsonb, draft_revision = ${revision}, draft_saved_at = now(), draft_saved_by_user_id = ${actor.id}, updated_at = now() where id = ${row.id}`);
    // Autosaves every few seconds would drown the trail; a deliberate save is recorded.
    if (!autosave) {
      await recordAudit(tx, actor, { action: "return.draft-saved", entityType: "return", entityId: row.id, icbCode: scope.service.icbCode, organisationId: scope.service.organisationId, summary: `Draft saved for ${scope.service.name}, ${scope.period.label}` });
    }
    return { ok: true, revision, returnId: row.id } as const;
  });
}

/** Flags for a return's figures against the service's own accepted history and its ICB peers' returns for the period. */
export async function flagsFor(db: Queryable, scope: ReturnScope, aggregates: ReturnAggregates): Promise<PlausibilityFlag[]> {
  const latest = sql`(select v.aggregates from return_versions v where v.return_id = r.id and v.version = r.current_version)`;
  const history = await rows<{ aggregates: unknown }>(
    db,
    sql`select (select v.aggregates from return_versions v where v.return_id = r.id and v.review = 'accepted' order by v.version desc limit 1) as aggregates
        from returns r where r.service_id = ${scope.service.id} and r.period_start < ${scope.period.start} order by r.period_start desc limit 8`,
  );
  const peers = await rows<{ aggregates: unknown }>(
    db,
    sql`select ${latest} as aggregates from returns r join hjp_services s on s.id = r.service_id
        where s.icb_code = ${scope.service.icbCode} and r.service_id <> ${scope.service.id} and r.period_start = ${scope.period.start} and r.current_version > 0`,
  );
  const parse = (list: { aggregates: unknown }[]) =>
    list.flatMap((h) => {
      const parsed = h.aggregates == null ? null : ReturnAggregatesSchema.safeParse(parseJson(h.aggregates));
      return parsed?.success ? [parsed.data] : [];
    });
  return plausibilityFlags({
    current: aggregates,
    history: parse(history),
    peers: parse(peers),
    config: { gainsPerClientCeilingPence: scope.requirement.gainsPerClientCeilingPence, historyFactor: 2, peerFactor: 3, minComparators: 3 },
  });
}

export type SubmitResult = { ok: true; version: number; state: ReturnState; flags: PlausibilityFlag[] } | { ok: false; reason: "not-found" | "not-editable" } | { ok: false; reason: "conflict"; conflict: ReturnConflict };

/**
 * Submits a version of the return (from the form, or an upload already loaded in the
 * same transaction), in the caller's transaction when given one.
 */
export async function submitVersion(
  tx: Queryable,
  actor: ReturnActor,
  scope: ReturnScope,
  { aggregates, source, uploadId = null, baseRevision }: { aggregates: ReturnAggregates; source: "form" | "upload"; uploadId?: number | null; baseRevision?: number },
): Promise<SubmitResult> {
  const checked = ReturnAggregatesSchema.parse(aggregates);
  const row = await ensureReturnRow(tx, scope);
  const state = nextState(row.state === "draft" ? (row.current_version === 0 ? null : "draft") : row.state, "submit", row.current_version > 0);
  if (!state) return { ok: false, reason: "not-editable" };
  if (baseRevision !== undefined && row.draft_revision !== baseRevision) return { ok: false, reason: "conflict", conflict: conflictOf(row) };
  const flags = await flagsFor(tx, scope, checked);
  const version = row.current_version + 1;
  await tx.execute(sql`insert into return_versions (return_id, version, source, aggregates, upload_id, flags, submitted_by_user_id)
        values (${row.id}, ${version}, ${source}, ${JSON.stringify(checked)}::jsonb, ${uploadId}, ${JSON.stringify(flags)}::jsonb, ${actor.id})`);
  await tx.execute(sql`update returns set state = ${state}, current_version = ${version}, draft_values = null, draft_revision = draft_revision + 1, updated_at = now() where id = ${row.id}`);
  await recordAudit(tx, actor, {
    action: state === "resubmitted" ? "return.resubmitted" : "return.submitted",
    entityType: "return",
    entityId: row.id,
    icbCode: scope.service.icbCode,
    organisationId: scope.service.organisationId,
    before: { state: row.state, version: row.current_version },
    after: { state, version, source, uploadId },
    summary: `${state === "resubmitted" ? "Resubmitted" : "Submitted"} ${scope.service.name}, ${scope.period.label} (version ${version}, ${source === "form" ? "web form" : `upload ${uploadId}`})`,
  });
  return { ok: true, version, state, flags };
}

export async function submitFormReturn({
  db,
  actor,
  serviceId,
  periodStart,
  aggregates,
  baseRevision,
}: {
  db: Queryable;
  actor: ReturnActor;
  serviceId: number;
  periodStart: string;
  aggregates: ReturnAggregates;
  baseRevision?: number;
}): Promise<SubmitResult> {
  return db.transaction(async (tx) => {
    const scope = await findReturnScope(tx, actor, { serviceId, periodStart, action: "submit" });
    if (!scope) return { ok: false, reason: "not-found" } as const;
    return submitVersion(tx, actor, scope, { aggregates, source: "form", baseRevision });
  });
}

export type ReviewResult = { ok: true; state: ReturnState } | { ok: false; reason: "not-found" | "not-reviewable" };

/** A commissioner accepts the latest version, or queries it with a comment the partner sees. */
export async function reviewReturn({
  db,
  actor,
  serviceId,
  periodStart,
  decision,
  comment,
}: {
  db: Queryable;
  actor: ReturnActor;
  serviceId: number;
  periodStart: string;
  decision: "accept" | "query";
  comment: string | null;
}): Promise<ReviewResult> {
  return db.transaction(async (tx) => {
    const scope = await findReturnScope(tx, actor, { serviceId, periodStart, action: "review" });
    if (!scope) return { ok: false, reason: "not-found" } as const;
    const row = await findReturnRow(tx, scope, true);
    if (!row) return { ok: false, reason: "not-reviewable" } as const;
    const state = nextState(row.state, decision, true);
    if (!state) return { ok: false, reason: "not-reviewable" } as const;
    await tx.execute(sql`update return_versions set review = ${state}, review_comment = ${comment}, reviewed_by_user_id = ${actor.id}, reviewed_at = now()
          where return_id = ${row.id} and version = ${row.current_version}`);
    await tx.execute(sql`update returns set state = ${state}, updated_at = now() where id = ${row.id}`);
    await recordAudit(tx, actor, {
      action: decision === "accept" ? "return.accepted" : "return.queried",
      entityType: "return",
      entityId: row.id,
      icbCode: scope.service.icbCode,
      organisationId: scope.service.organisationId,
      before: { state: row.state },
      after: { state, version: row.current_version, comment },
      summary: `${decision === "accept" ? "Accepted" : "Queried"} ${scope.service.name}, ${scope.period.label} (version ${row.current_version})${comment ? `: ${comment}` : ""}`,
    });
    return { ok: true, state } as const;
  });
}

/** The measures a return must include, or null when the actor may not submit it. */
export async function getReturnRules({ db, actor, serviceId, periodStart }: { db: Queryable; actor: ReturnActor; serviceId: number; periodStart: string }) {
  const scope = await findReturnScope(db, actor, { serviceId, periodStart, action: "submit" });
  return scope ? { requiredMeasures: scope.requirement.requiredMeasures } : null;
}
