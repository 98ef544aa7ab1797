import { asc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { organisations, users } from "../../../db/schema/index";
import { type Actor, canAccess, type Role } from "../../auth/permissions";
import type { CreateUser, OrganisationInput } from "../../validation/accounts";
import { type AuditActor, recordAudit } from "../audit/audit.server";
import { hashPassword, passwordProblem } from "./passwords.server";
import { revokeAllSessions } from "./sessions.server";

export class AccountError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export type UserView = {
  id: number;
  email: string;
  name: string;
  role: Role;
  icbCode: string | null;
  organisationId: number | null;
  organisationName: string | null;
  active: boolean;
};

export async function listUsers({ db }: { db: Db }): Promise<UserView[]> {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      icbCode: users.icbCode,
      organisationId: users.organisationId,
      organisationName: organisations.name,
      active: users.active,
    })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .orderBy(asc(users.email));
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

export async function createUser({ db, actor, input, demo }: { db: Db; actor: AuditActor; input: CreateUser; demo: boolean }) {
  const problem = passwordProblem(input.password, { demo });
  if (problem) throw new AccountError(problem, "password");
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (existing) throw new AccountError("An account with this email address already exists", "email");
    if (input.role === "vcse") {
      const [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, input.organisationId!));
      if (!org) throw new AccountError("Select an organisation from the list", "organisationId");
    }
    const [created] = await tx
      .insert(users)
      .values({
        email,
        name: input.name,
        passwordHash,
        role: input.role,
        icbCode: input.role === "commissioner" || input.role === "strategist" ? input.icbCode! : null,
        organisationId: input.role === "vcse" ? input.organisationId! : null,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "user",
      entityId: created.id,
      icbCode: created.icbCode,
      organisationId: created.organisationId,
      after: { email, name: created.name, role: created.role, icbCode: created.icbCode, organisationId: created.organisationId },
      summary: `Created ${created.role} account ${email}`,
    });
    return { id: created.id };
  });
}

/** Deactivating ends every session at once; the account and its history stay. */
export async function setUserActive({ db, actor, userId, active }: { db: Db; actor: AuditActor; userId: number; active: boolean }) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, userId));
    if (!before) throw new AccountError("No such user");
    if (actor && before.id === actor.id && !active) throw new AccountError("You cannot deactivate your own account");
    await tx.update(users).set({ active, updatedAt: new Date() }).where(eq(users.id, userId));
    if (!active) await revokeAllSessions({ db: tx, userId });
    await recordAudit(tx, actor, {
      action: active ? "reactivate" : "deactivate",
      entityType: "user",
      entityId: userId,
      icbCode: before.icbCode,
      organisationId: before.organisationId,
      before: { active: before.active },
      after: { active },
      summary: `${active ? "Reactivated" : "Deactivated"} ${before.email}`,
    });
  });
}

export type OrganisationView = {
  id: number;
  name: string;
  kind: string;
  charityNumber: string | null;
  companyNumber: string | null;
  giving360Id: string | null;
  primaryIcbCode: string | null;
  active: boolean;
};

export async function listOrganisations({ db }: { db: Db }): Promise<OrganisationView[]> {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      charityNumber: organisations.charityNumber,
      companyNumber: organisations.companyNumber,
      giving360Id: organisations.giving360Id,
      primaryIcbCode: organisations.primaryIcbCode,
      active: organisations.active,
    })
    .from(organisations)
    .orderBy(asc(organisations.name));
}

export async function createOrganisation({ db, actor, input }: { db: Db; actor: AuditActor; input: OrganisationInput }) {
  return db.transaction(async (tx) => {
    const all = await tx.select({ name: organisations.name, giving360Id: organisations.giving360Id }).from(organisations);
    if (all.some((o) => o.name.toLowerCase() === input.name.toLowerCase())) {
      throw new AccountError("An organisation with this name already exists", "name");
    }
    if (input.giving360Id && all.some((o) => o.giving360Id === input.giving360Id)) {
      throw new AccountError("Another organisation already has this 360Giving identifier", "giving360Id");
    }
    const [created] = await tx
      .insert(organisations)
      .values({
        name: input.name,
        kind: "vcse",
        charityNumber: input.charityNumber ?? null,
        companyNumber: input.companyNumber ?? null,
        giving360Id: input.giving360Id ?? null,
        primaryIcbCode: input.primaryIcbCode ?? null,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "organisation",
      entityId: created.id,
      icbCode: created.primaryIcbCode,
      organisationId: created.id,
      after: created,
      summary: `Created organisation ${created.name}`,
    });
    return { id: created.id };
  });
}

/**
 * One organisation, if this user may see it: admins any; VCSE users only their own;
 * commissioners and strategists those working mainly with their ICB. Anything else
 * is "not found", so ids of other organisations reveal nothing.
 */
export async function getOrganisationForUser({ db, actor, id }: { db: Db; actor: Actor; id: number }): Promise<OrganisationView | null> {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, id));
  if (!org) return null;
  const visible =
    canAccess(actor, "read", "organisation", { organisationId: org.id }) ||
    ((actor.role === "commissioner" || actor.role === "strategist") && actor.icbCode !== null && org.primaryIcbCode === actor.icbCode);
  if (!visible) return null;
  return {
    id: org.id,
    name: org.name,
    kind: org.kind,
    charityNumber: org.charityNumber,
    companyNumber: org.companyNumber,
    giving360Id: org.giving360Id,
    primaryIcbCode: org.primaryIcbCode,
    active: org.active,
  };
}

/** A VCSE user keeps their own organisation's registration numbers up to date (admins any). */
export async function updateOrganisationIdentifiers({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: AuditActor & Actor;
  id: number;
  input: Pick<OrganisationInput, "charityNumber" | "companyNumber" | "giving360Id">;
}) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(organisations).where(eq(organisations.id, id));
    if (!before || !canAccess(actor, "update", "organisation", { organisationId: id })) throw new AccountError("No such organisation");
    const after = { charityNumber: input.charityNumber ?? null, companyNumber: input.companyNumber ?? null, giving360Id: input.giving360Id ?? null };
    if (after.giving360Id) {
      const clash = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.giving360Id, after.giving360Id));
      if (clash.some((c) => c.id !== id)) throw new AccountError("Another organisation already has this 360Giving identifier", "giving360Id");
    }
    await tx.update(organisations).set({ ...after, updatedAt: new Date() }).where(eq(organisations.id, id));
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "organisation",
      entityId: id,
      icbCode: before.primaryIcbCode,
      organisationId: id,
      before: { charityNumber: before.charityNumber, companyNumber: before.companyNumber, giving360Id: before.giving360Id },
      after,
      summary: `Updated the identifiers of ${before.name}`,
    });
  });
}
