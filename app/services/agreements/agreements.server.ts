/**
 * The register of ICB–VCSE partnership agreements: reading (always scoped to what the
 * actor may see), creating, varying (a new version each time), lifecycle changes,
 * renewal, payments, documents and comments. Every change is audited in the same
 * transaction, and every change to an agreement checks its revision, so an edit made
 * from a page someone else has since changed is refused rather than overwriting theirs.
 */
import { createHash } from "node:crypto";
import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db, Queryable } from "../../../db/client";
import {
  agreementComments,
  agreementDocuments,
  agreementPayments,
  agreements,
  agreementVersions,
  auditLog,
  hjpServices,
  organisations,
} from "../../../db/schema/index";
import { canCommentOnAgreement, canCreateAgreement, canEditAgreement, canReadAgreement } from "../../auth/agreement-access";
import type { Actor } from "../../auth/permissions";
import { checkDocument } from "../../domain/agreements/documents";
import { type AgreementStatus, type AgreementType, canRenew, canVary, isVariation, type LifecycleAction, renewalTerm, STATUS_LABELS, transition } from "../../domain/agreements/lifecycle";
import { expandTargets, termQuarters, usualTarget } from "../../domain/agreements/kpis";
import { paymentSchedule, type PaymentFrequency, spendSummary } from "../../domain/agreements/money";
import { changedParts, type VersionContent } from "../../domain/agreements/versions";
import type { AgreementFilters, AgreementInput } from "../../validation/agreements";
import { type AuditActor, recordAudit } from "../audit/audit.server";

export type AgreementActor = Actor & { email: string; name: string };

/** A rule of the register was broken; `field` names the form field it is about. */
export class AgreementError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "AgreementError";
  }
}

/** The agreement changed since the page was opened: nothing was saved. */
export class AgreementConflictError extends Error {
  constructor(readonly currentRevision: number) {
    super(
      "Someone else changed this agreement after you opened this page, so your changes have not been saved. Your changes are still in the form below: check the current agreement, then make your changes again and save.",
    );
    this.name = "AgreementConflictError";
  }
}

export type VersionView = Omit<VersionContent, "parties"> & {
  version: number;
  changeSummary: string;
  /** The parts that differ from the version before (empty for the first). */
  changed: string[];
  createdAt: string;
  createdByEmail: string | null;
  paymentSchedule: { dueDate: string; amountPence: number }[];
  parties: { organisationId: number; organisationName: string; leadName: string; leadEmail: string | null }[];
  services: { id: number; name: string; organisationName: string }[];
};

export type AgreementDetail = {
  id: number;
  icbCode: string;
  type: AgreementType;
  title: string;
  purpose: string;
  status: AgreementStatus;
  terminationReason: string | null;
  agreedOn: string | null;
  activatedOn: string | null;
  endedOn: string | null;
  terminatedOn: string | null;
  revision: number;
  synthetic: boolean;
  predecessor: { id: number; title: string } | null;
  successor: { id: number; title: string } | null;
  current: VersionView;
  /** Newest first. */
  versions: VersionView[];
  can: { edit: boolean; comment: boolean; vary: boolean; renew: boolean };
};

type VersionRow = typeof agreementVersions.$inferSelect;

async function organisationNames(db: Queryable, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function serviceNames(db: Queryable, ids: number[]): Promise<Map<number, { id: number; name: string; organisationName: string }>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: hjpServices.id, name: hjpServices.name, organisationName: organisations.name })
    .from(hjpServices)
    .innerJoin(organisations, eq(organisations.id, hjpServices.organisationId))
    .where(inArray(hjpServices.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

function contentOf(v: Omit<VersionContent, "parties"> & { parties: VersionContent["parties"] }): VersionContent {
  return {
    icbLeadName: v.icbLeadName,
    icbLeadEmail: v.icbLeadEmail,
    parties: v.parties.map(({ organisationId, leadName, leadEmail }) => ({ organisationId, leadName, leadEmail })),
    serviceIds: v.serviceIds,
    footprints: v.footprints,
    valuePence: v.valuePence,
    paymentFrequency: v.paymentFrequency,
    startDate: v.startDate,
    endDate: v.endDate,
    reviewDate: v.reviewDate,
    governance: v.governance,
    dataSharing: v.dataSharing,
    reporting: v.reporting,
    kpis: v.kpis,
  };
}

async function toVersionViews(db: Queryable, rows: VersionRow[]): Promise<VersionView[]> {
  const orgs = await organisationNames(db, [...new Set(rows.flatMap((r) => r.organisationIds))]);
  const services = await serviceNames(db, [...new Set(rows.flatMap((r) => r.serviceIds))]);
  const ascending = [...rows].sort((a, b) => a.version - b.version);
  return ascending
    .map((r, i) => ({
      ...contentOf(r),
      version: r.version,
      changeSummary: r.changeSummary,
      changed: i === 0 ? [] : changedParts(contentOf(ascending[i - 1]), contentOf(r)),
      createdAt: r.createdAt.toISOString(),
      createdByEmail: r.createdByEmail,
      paymentSchedule: r.paymentSchedule,
      parties: r.parties.map((p) => ({ ...p, organisationName: orgs.get(p.organisationId) ?? `Organisation ${p.organisationId}` })),
      services: r.serviceIds.map((id) => services.get(id)).filter((s): s is { id: number; name: string; organisationName: string } => Boolean(s)),
    }))
    .reverse();
}

/** The agreement as the actor may see it, or null when it does not exist or they may not see it (the page then says 404). */
export async function getAgreement({ db, actor, id }: { db: Queryable; actor: Actor; id: number }): Promise<AgreementDetail | null> {
  const [a] = await db.select().from(agreements).where(eq(agreements.id, id));
  if (!a) return null;
  const versionRows = await db.select().from(agreementVersions).where(eq(agreementVersions.agreementId, id)).orderBy(desc(agreementVersions.version));
  const currentRow = versionRows.find((v) => v.version === a.currentVersion)!;
  const scope = { icbCode: a.icbCode, organisationIds: currentRow.organisationIds };
  if (!canReadAgreement(actor, scope)) return null;
  const versions = await toVersionViews(db, versionRows);
  const links = await db
    .select({ id: agreements.id, title: agreements.title, predecessorId: agreements.predecessorId })
    .from(agreements)
    .where(sql`${agreements.id} = ${a.predecessorId ?? -1} or ${agreements.predecessorId} = ${a.id}`);
  const predecessor = links.find((l) => l.id === a.predecessorId) ?? null;
  const successor = links.find((l) => l.predecessorId === a.id) ?? null;
  const edit = canEditAgreement(actor, scope);
  return {
    id: a.id,
    icbCode: a.icbCode,
    type: a.type,
    title: a.title,
    purpose: a.purpose,
    status: a.status,
    terminationReason: a.terminationReason,
    agreedOn: a.agreedOn,
    activatedOn: a.activatedOn,
    endedOn: a.endedOn,
    terminatedOn: a.terminatedOn,
    revision: a.revision,
    synthetic: a.synthetic,
    predecessor: predecessor && { id: predecessor.id, title: predecessor.title },
    successor: successor && { id: successor.id, title: successor.title },
    current: versions.find((v) => v.version === a.currentVersion)!,
    versions,
    can: { edit, comment: canCommentOnAgreement(actor, scope), vary: edit && canVary(a.status), renew: edit && canRenew(a.status, Boolean(successor)) },
  };
}

function versionValues(agreementId: number, version: number, input: AgreementInput, actor: AuditActor, changeSummary: string) {
  const codes = [...(input.footprints.system ? ["system"] : []), ...input.footprints.places, ...input.footprints.neighbourhoods];
  return {
    agreementId,
    version,
    changeSummary,
    icbLeadName: input.icbLeadName,
    icbLeadEmail: input.icbLeadEmail,
    parties: input.parties,
    organisationIds: input.parties.map((p) => p.organisationId),
    serviceIds: input.serviceIds,
    footprints: input.footprints,
    footprintCodes: codes,
    valuePence: input.valuePence,
    paymentFrequency: input.paymentFrequency,
    paymentSchedule: input.paymentSchedule,
    startDate: input.startDate,
    endDate: input.endDate,
    reviewDate: input.reviewDate,
    governance: input.governance,
    dataSharing: input.dataSharing,
    reporting: input.reporting,
    kpis: input.kpis,
    createdByUserId: actor?.id ?? null,
    createdByEmail: actor?.email ?? null,
  };
}

/** Parties must be VCSE organisations and services must be the ICB's and run by a party. */
async function checkReferences(db: Queryable, icbCode: string, input: AgreementInput) {
  const ids = input.parties.map((p) => p.organisationId);
  const found = await db.select({ id: organisations.id, kind: organisations.kind }).from(organisations).where(inArray(organisations.id, ids));
  if (found.length !== ids.length) throw new AgreementError("Select organisations from the list", "parties");
  if (input.serviceIds.length) {
    const services = await db
      .select({ id: hjpServices.id, icbCode: hjpServices.icbCode, organisationId: hjpServices.organisationId })
      .from(hjpServices)
      .where(inArray(hjpServices.id, input.serviceIds));
    if (services.length !== input.serviceIds.length || services.some((s) => s.icbCode !== icbCode)) throw new AgreementError("Select services from the list", "serviceIds");
    if (services.some((s) => !ids.includes(s.organisationId))) throw new AgreementError("Each service covered must be run by one of the parties", "serviceIds");
  }
}

/** Creates a draft agreement with its first version. Returns its id. */
export async function createAgreement({
  db,
  actor,
  icbCode,
  input,
  synthetic = false,
  predecessorId = null,
}: {
  db: Db;
  actor: AgreementActor | null;
  icbCode: string;
  input: AgreementInput;
  synthetic?: boolean;
  predecessorId?: number | null;
}): Promise<number> {
  // Only the demo seed creates without an actor.
  if (actor && !canCreateAgreement(actor, icbCode)) throw new AgreementError("You cannot create agreements for this ICB", "icbCode");
  return db.transaction(async (tx) => {
    await checkReferences(tx, icbCode, input);
    const [row] = await tx
      .insert(agreements)
      .values({ icbCode, type: input.type, title: input.title, purpose: input.purpose, synthetic, predecessorId, createdByUserId: actor?.id ?? null })
      .returning({ id: agreements.id });
    await tx.insert(agreementVersions).values(versionValues(row.id, 1, input, actor, input.changeSummary || (predecessorId ? "Renewal of the previous agreement" : "Original agreement")));
    await recordAudit(tx, actor, {
      action: predecessorId ? "agreement.renew" : "agreement.create",
      entityType: "agreement",
      entityId: row.id,
      icbCode,
      after: { title: input.title, type: input.type, valuePence: input.valuePence, startDate: input.startDate, endDate: input.endDate, predecessorId },
      summary: predecessorId ? `Renewed agreement ${predecessorId} as “${input.title}”` : `Created agreement “${input.title}”`,
    });
    return row.id;
  });
}

/** Bumps the revision if it is still the one the page was opened at; otherwise the edit is stale. */
async function claimRevision(tx: Queryable, id: number, expectedRevision: number, changes: Partial<typeof agreements.$inferInsert> = {}) {
  const [row] = await tx
    .update(agreements)
    .set({ ...changes, revision: sql`${agreements.revision} + 1`, updatedAt: new Date() })
    .where(and(eq(agreements.id, id), eq(agreements.revision, expectedRevision)))
    .returning({ revision: agreements.revision });
  if (row) return row.revision;
  const [current] = await tx.select({ revision: agreements.revision }).from(agreements).where(eq(agreements.id, id));
  throw new AgreementConflictError(current?.revision ?? 0);
}

async function loadForChange(db: Queryable, actor: Actor, id: number) {
  const detail = await getAgreement({ db, actor, id });
  if (!detail) throw new AgreementNotFoundError();
  if (!detail.can.edit) throw new AgreementForbiddenError();
  return detail;
}

export class AgreementNotFoundError extends Error {
  constructor() {
    super("There is no agreement with this number that you can see.");
    this.name = "AgreementNotFoundError";
  }
}
export class AgreementForbiddenError extends Error {
  constructor() {
    super("Your account does not let you change this agreement.");
    this.name = "AgreementForbiddenError";
  }
}

/**
 * Records a new version (an edit of a draft, or a variation of an agreed or active
 * agreement, which must say what changed and why). Ended and terminated agreements
 * cannot be varied.
 */
export async function updateAgreement({ db, actor, id, expectedRevision, input }: { db: Db; actor: AgreementActor; id: number; expectedRevision: number; input: AgreementInput }): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const detail = await loadForChange(tx, actor, id);
    if (!canVary(detail.status)) throw new AgreementError(`An agreement that is ${STATUS_LABELS[detail.status].toLowerCase()} cannot be varied`);
    if (isVariation(detail.status) && !input.changeSummary?.trim()) throw new AgreementError("Enter what changed and why", "changeSummary");
    await checkReferences(tx, detail.icbCode, input);
    const version = detail.current.version + 1;
    await claimRevision(tx, id, expectedRevision, { title: input.title, type: input.type, purpose: input.purpose, currentVersion: version });
    await tx.insert(agreementVersions).values(versionValues(id, version, input, actor, input.changeSummary?.trim() || "Draft updated"));
    const changed = changedParts(contentOf(detail.current), contentOf(input));
    await recordAudit(tx, actor, {
      action: isVariation(detail.status) ? "agreement.vary" : "agreement.edit",
      entityType: "agreement",
      entityId: id,
      icbCode: detail.icbCode,
      before: { version: detail.current.version, title: detail.title, valuePence: detail.current.valuePence, endDate: detail.current.endDate },
      after: { version, title: input.title, valuePence: input.valuePence, endDate: input.endDate, changed },
      summary: `Version ${version}: ${input.changeSummary?.trim() || "draft updated"}`,
    });
    return { version };
  });
}

/** Moves an agreement through its lifecycle (agree, activate, end, terminate with a reason). */
export async function changeAgreementStatus({
  db,
  actor,
  id,
  expectedRevision,
  action,
  reason,
  today,
}: {
  db: Db;
  actor: AgreementActor | null;
  id: number;
  expectedRevision: number;
  action: LifecycleAction;
  reason?: string | null;
  today: string;
}): Promise<AgreementStatus> {
  return db.transaction(async (tx) => {
    const [a] = await tx.select().from(agreements).where(eq(agreements.id, id));
    if (!a) throw new AgreementNotFoundError();
    if (actor) await loadForChange(tx, actor, id);
    const result = transition(a.status, action, { reason });
    if (!result.ok) throw new AgreementError(result.message, action === "terminate" ? "reason" : undefined);
    const dates: Partial<typeof agreements.$inferInsert> =
      action === "agree" ? { agreedOn: today } : action === "activate" ? { activatedOn: today } : action === "end" ? { endedOn: today } : { terminatedOn: today, terminationReason: reason!.trim() };
    await claimRevision(tx, id, expectedRevision, { status: result.status, ...dates });
    await recordAudit(tx, actor, {
      action: `agreement.${action}`,
      entityType: "agreement",
      entityId: id,
      icbCode: a.icbCode,
      before: { status: a.status },
      after: { status: result.status, ...(action === "terminate" ? { reason: reason!.trim() } : {}) },
      summary: `${STATUS_LABELS[a.status]} → ${STATUS_LABELS[result.status]}${action === "terminate" ? `: ${reason!.trim()}` : ""}`,
    });
    return result.status;
  });
}

/**
 * Renews an agreement: a draft successor linked to it, with the same content over the
 * next term of the same length (KPI targets carried at their usual quarterly level).
 */
export async function renewAgreement({ db, actor, id, expectedRevision }: { db: Db; actor: AgreementActor; id: number; expectedRevision: number }): Promise<number> {
  const detail = await loadForChange(db, actor, id);
  if (!detail.can.renew) throw new AgreementError(detail.successor ? "This agreement has already been renewed" : `An agreement that is ${STATUS_LABELS[detail.status].toLowerCase()} cannot be renewed`);
  if (detail.revision !== expectedRevision) throw new AgreementConflictError(detail.revision);
  const c = detail.current;
  const term = renewalTerm(c);
  const quarters = termQuarters(term.startDate, term.endDate);
  const input: AgreementInput = {
    ...c,
    title: detail.title.replace(/\s*\(renewal( \d+)?\)$/, "") + " (renewal)",
    type: detail.type,
    purpose: detail.purpose,
    parties: c.parties.map(({ organisationId, leadName, leadEmail }) => ({ organisationId, leadName, leadEmail })),
    serviceIds: c.services.map((s) => s.id),
    paymentFrequency: c.paymentFrequency as PaymentFrequency,
    paymentSchedule: paymentSchedule({ valuePence: c.valuePence, ...term, frequency: c.paymentFrequency as PaymentFrequency }),
    ...term,
    reporting: c.reporting as AgreementInput["reporting"],
    kpis: c.kpis.map((k) => ({ measure: k.measure as AgreementInput["kpis"][number]["measure"], targets: expandTargets(quarters, usualTarget(k.targets)) })),
    changeSummary: `Renewal of agreement ${detail.id}, “${detail.title}”`,
  };
  return createAgreement({ db, actor, icbCode: detail.icbCode, input, synthetic: detail.synthetic, predecessorId: detail.id });
}

export type RegisterRow = {
  id: number;
  title: string;
  type: AgreementType;
  status: AgreementStatus;
  icbCode: string;
  organisations: string[];
  valuePence: number;
  paidPence: number;
  startDate: string;
  endDate: string;
  reviewDate: string | null;
  footprintCodes: string[];
  synthetic: boolean;
};

/** The register: the agreements the actor may see, filtered, soonest ending first. */
export async function listAgreements({ db, actor, filters = {} }: { db: Queryable; actor: Actor; filters?: AgreementFilters }): Promise<RegisterRow[]> {
  const where: SQL[] = [];
  if (actor.role === "vcse") {
    if (!actor.organisationId) return [];
    where.push(sql`${actor.organisationId} = any(${agreementVersions.organisationIds})`);
  } else if (actor.role !== "admin") {
    if (!actor.icbCode) return [];
    where.push(eq(agreements.icbCode, actor.icbCode));
  }
  if (filters.q) {
    const like = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(${agreements.title} ilike ${like} or ${agreements.purpose} ilike ${like} or exists (select 1 from organisations o where o.id = any(${agreementVersions.organisationIds}) and o.name ilike ${like}))`);
  }
  if (filters.organisation) where.push(sql`${filters.organisation} = any(${agreementVersions.organisationIds})`);
  if (filters.type) where.push(eq(agreements.type, filters.type));
  if (filters.status) where.push(eq(agreements.status, filters.status));
  if (filters.footprint) where.push(sql`${filters.footprint} = any(${agreementVersions.footprintCodes})`);
  if (filters.endsBy) where.push(sql`${agreementVersions.endDate} <= ${filters.endsBy}`);
  const rows = await db
    .select({
      id: agreements.id,
      title: agreements.title,
      type: agreements.type,
      status: agreements.status,
      icbCode: agreements.icbCode,
      organisationIds: agreementVersions.organisationIds,
      valuePence: agreementVersions.valuePence,
      paidPence: sql<string>`coalesce((select sum(p.amount_pence) from agreement_payments p where p.agreement_id = ${agreements.id}), 0)`,
      startDate: agreementVersions.startDate,
      endDate: agreementVersions.endDate,
      reviewDate: agreementVersions.reviewDate,
      footprintCodes: agreementVersions.footprintCodes,
      synthetic: agreements.synthetic,
    })
    .from(agreements)
    .innerJoin(agreementVersions, and(eq(agreementVersions.agreementId, agreements.id), eq(agreementVersions.version, agreements.currentVersion)))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(agreementVersions.endDate), asc(agreements.id));
  const names = await organisationNames(db, [...new Set(rows.flatMap((r) => r.organisationIds))]);
  return rows.map(({ organisationIds, paidPence, ...r }) => ({ ...r, paidPence: Number(paidPence), organisations: organisationIds.map((o) => names.get(o) ?? String(o)) }));
}

/** What the form and the filters offer: VCSE organisations, the ICB's services, places and neighbourhoods. */
export async function getAgreementOptions({ db, icbCode }: { db: Queryable; icbCode: string | null }) {
  const orgs = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.kind, "vcse")).orderBy(asc(organisations.name));
  const services = icbCode
    ? await db
        .select({ id: hjpServices.id, name: hjpServices.name, organisationId: hjpServices.organisationId, organisationName: organisations.name })
        .from(hjpServices)
        .innerJoin(organisations, eq(organisations.id, hjpServices.organisationId))
        .where(eq(hjpServices.icbCode, icbCode))
        .orderBy(asc(organisations.name), asc(hjpServices.name))
    : [];
  const areaRows = icbCode
    ? await rows<{ code: string; name: string; level: string }>(
        db,
        sql`select code, name, level from areas where icb_code = ${icbCode} and level in ('place', 'neighbourhood')
            union all select code, name, 'place' from custom_places where icb_code = ${icbCode} and active
            order by level desc, name`,
      )
    : [];
  return {
    organisations: orgs,
    services,
    places: areaRows.filter((a) => a.level === "place").map(({ code, name }) => ({ code, name })),
    neighbourhoods: areaRows.filter((a) => a.level === "neighbourhood").map(({ code, name }) => ({ code, name })),
  };
}
export type AgreementOptions = Awaited<ReturnType<typeof getAgreementOptions>>;

async function rows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

async function requireReadable(db: Queryable, actor: Actor, id: number): Promise<AgreementDetail> {
  const detail = await getAgreement({ db, actor, id });
  if (!detail) throw new AgreementNotFoundError();
  return detail;
}

export type PaymentView = { id: number; paidOn: string; amountPence: number; reference: string | null };

export async function getAgreementPayments({ db, actor, id, today }: { db: Queryable; actor: Actor; id: number; today: string }) {
  const detail = await requireReadable(db, actor, id);
  const paid = await db
    .select({ id: agreementPayments.id, paidOn: agreementPayments.paidOn, amountPence: agreementPayments.amountPence, reference: agreementPayments.reference })
    .from(agreementPayments)
    .where(eq(agreementPayments.agreementId, id))
    .orderBy(asc(agreementPayments.paidOn), asc(agreementPayments.id));
  return { payments: paid as PaymentView[], spend: spendSummary({ valuePence: detail.current.valuePence, schedule: detail.current.paymentSchedule, paid, today }) };
}

export async function recordPayment({ db, actor, id, paidOn, amountPence, reference }: { db: Db; actor: AgreementActor; id: number; paidOn: string; amountPence: number; reference: string | null }) {
  await db.transaction(async (tx) => {
    const detail = await loadForChange(tx, actor, id);
    if (detail.status === "draft") throw new AgreementError("Payments can be recorded once the agreement is agreed", "paidOn");
    const [row] = await tx.insert(agreementPayments).values({ agreementId: id, paidOn, amountPence, reference, recordedByUserId: actor.id }).returning({ id: agreementPayments.id });
    await recordAudit(tx, actor, { action: "agreement.payment", entityType: "agreement", entityId: id, icbCode: detail.icbCode, after: { paymentId: row.id, paidOn, amountPence, reference }, summary: `Payment of £${(amountPence / 100).toFixed(2)} recorded` });
  });
}

export type DocumentView = { id: number; fileName: string; mimeType: string; sizeBytes: number; uploadedAt: string };

export async function listAgreementDocuments({ db, actor, id }: { db: Queryable; actor: Actor; id: number }): Promise<DocumentView[]> {
  await requireReadable(db, actor, id);
  const docs = await db
    .select({ id: agreementDocuments.id, fileName: agreementDocuments.fileName, mimeType: agreementDocuments.mimeType, sizeBytes: agreementDocuments.sizeBytes, createdAt: agreementDocuments.createdAt })
    .from(agreementDocuments)
    .where(eq(agreementDocuments.agreementId, id))
    .orderBy(asc(agreementDocuments.id));
  return docs.map(({ createdAt, ...d }) => ({ ...d, uploadedAt: createdAt.toISOString() }));
}

/** Stores a checked document (PDF or office file, within the size limit) against the agreement. */
export async function addAgreementDocument({ db, actor, id, fileName, bytes }: { db: Db; actor: AgreementActor; id: number; fileName: string; bytes: Uint8Array }): Promise<number> {
  const check = checkDocument({ fileName, bytes });
  if (!check.ok) throw new AgreementError(check.message, "file");
  return db.transaction(async (tx) => {
    const detail = await loadForChange(tx, actor, id);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const [row] = await tx
      .insert(agreementDocuments)
      .values({ agreementId: id, fileName: check.fileName, mimeType: check.mimeType, sizeBytes: bytes.byteLength, sha256, content: Buffer.from(bytes), uploadedByUserId: actor.id })
      .returning({ id: agreementDocuments.id });
    await recordAudit(tx, actor, { action: "agreement.document", entityType: "agreement", entityId: id, icbCode: detail.icbCode, after: { documentId: row.id, fileName: check.fileName, sizeBytes: bytes.byteLength, sha256 }, summary: `Document “${check.fileName}” attached` });
    return row.id;
  });
}

/** A document's bytes, only for someone who may see its agreement (otherwise null: 404). */
export async function getAgreementDocument({ db, actor, id, documentId }: { db: Queryable; actor: Actor; id: number; documentId: number }) {
  if (!(await getAgreement({ db, actor, id }))) return null;
  const [doc] = await db
    .select({ fileName: agreementDocuments.fileName, mimeType: agreementDocuments.mimeType, content: agreementDocuments.content })
    .from(agreementDocuments)
    .where(and(eq(agreementDocuments.id, documentId), eq(agreementDocuments.agreementId, id)));
  return doc ? { fileName: doc.fileName, mimeType: doc.mimeType, content: new Uint8Array(doc.content) } : null;
}

export type CommentView = { id: number; authorName: string; organisationName: string | null; body: string; createdAt: string };

export async function listAgreementComments({ db, actor, id }: { db: Queryable; actor: Actor; id: number }): Promise<CommentView[]> {
  await requireReadable(db, actor, id);
  const list = await db
    .select({ id: agreementComments.id, authorName: agreementComments.authorName, organisationName: organisations.name, body: agreementComments.body, createdAt: agreementComments.createdAt })
    .from(agreementComments)
    .leftJoin(organisations, eq(organisations.id, agreementComments.organisationId))
    .where(eq(agreementComments.agreementId, id))
    .orderBy(asc(agreementComments.id));
  return list.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() }));
}

export async function addAgreementComment({ db, actor, id, body }: { db: Db; actor: AgreementActor; id: number; body: string }) {
  await db.transaction(async (tx) => {
    const detail = await requireReadable(tx, actor, id);
    if (!detail.can.comment) throw new AgreementForbiddenError();
    const [row] = await tx
      .insert(agreementComments)
      .values({ agreementId: id, authorUserId: actor.id, authorName: actor.name, organisationId: actor.role === "vcse" ? actor.organisationId : null, body })
      .returning({ id: agreementComments.id });
    await recordAudit(tx, actor, { action: "agreement.comment", entityType: "agreement", entityId: id, icbCode: detail.icbCode, organisationId: actor.organisationId, after: { commentId: row.id }, summary: `Comment by ${actor.name}` });
  });
}

export type HistoryEntry = { id: number; at: string; actorEmail: string | null; action: string; summary: string | null };

/** The agreement's audit trail, newest first, for anyone who may see the agreement. */
export async function getAgreementHistory({ db, actor, id }: { db: Queryable; actor: Actor; id: number }): Promise<HistoryEntry[]> {
  await requireReadable(db, actor, id);
  const list = await db
    .select({ id: auditLog.id, at: auditLog.at, actorEmail: auditLog.actorEmail, action: auditLog.action, summary: auditLog.summary })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "agreement"), eq(auditLog.entityId, String(id))))
    .orderBy(desc(auditLog.id));
  return list.map((e) => ({ ...e, at: e.at.toISOString() }));
}
