import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { organisations, sessions, users } from "../../../db/schema/index";
import type { Actor, Role } from "../../auth/permissions";

/** A session ends after this long without use… */
export const IDLE_LIFETIME_MS = 8 * 60 * 60 * 1000;
/** …and after this long whatever happens. */
export const ABSOLUTE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
/** Renewing on every request would write on every page view; once a few minutes is enough. */
const RENEW_AFTER_MS = 5 * 60 * 1000;

export type SessionUser = Actor & {
  email: string;
  name: string;
  organisationName: string | null;
  sessionId: number;
};

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createSession({ db, userId, userAgent, now = new Date() }: { db: Queryable; userId: number; userAgent?: string | null; now?: Date }) {
  const token = randomBytes(32).toString("base64url");
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + IDLE_LIFETIME_MS),
    absoluteExpiresAt: new Date(now.getTime() + ABSOLUTE_LIFETIME_MS),
    userAgent: userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

/** The signed-in user for a session token, renewing the session; null if unknown, expired, revoked or deactivated. */
export async function getSessionUser({ db, token, now = new Date() }: { db: Queryable; token: string; now?: Date }): Promise<SessionUser | null> {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      absoluteExpiresAt: sessions.absoluteExpiresAt,
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      icbCode: users.icbCode,
      organisationId: users.organisationId,
      organisationName: organisations.name,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), isNull(sessions.revokedAt), gt(sessions.expiresAt, now), gt(sessions.absoluteExpiresAt, now), eq(users.active, true)))
    .limit(1);
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > RENEW_AFTER_MS) {
    const idle = new Date(now.getTime() + IDLE_LIFETIME_MS);
    await db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: idle < row.absoluteExpiresAt ? idle : row.absoluteExpiresAt })
      .where(eq(sessions.id, row.sessionId));
  }
  return {
    sessionId: row.sessionId,
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    icbCode: row.icbCode,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
  };
}

export async function revokeSession({ db, token, now = new Date() }: { db: Queryable; token: string; now?: Date }) {
  await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.tokenHash, hashToken(token)));
}

/** Signs a user out everywhere: every live session of theirs ends now. */
export async function revokeAllSessions({ db, userId, now = new Date() }: { db: Queryable; userId: number; now?: Date }) {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return revoked.length;
}
