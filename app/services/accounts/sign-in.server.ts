import { eq, sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { loginThrottle, users } from "../../../db/schema/index";
import { DEMO_PASSWORD, dummyPasswordHash, verifyPassword } from "./passwords.server";
import { createSession } from "./sessions.server";

export const THROTTLE = {
  windowMs: 15 * 60 * 1000,
  blockMs: 15 * 60 * 1000,
  perAccount: 5,
  perAddress: 20,
};

export type SignInResult =
  | { ok: true; token: string; userId: number }
  | { ok: false; reason: "invalid" | "throttled"; retryAfterSeconds?: number };

async function isBlocked(db: Queryable, key: string, now: Date) {
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
  return row?.blockedUntil && row.blockedUntil > now ? row.blockedUntil : null;
}

async function recordFailure(db: Queryable, key: string, limit: number, now: Date) {
  const windowStart = new Date(now.getTime() - THROTTLE.windowMs);
  // One statement, so two failing requests at once cannot both read the old count.
  await db.execute(sql`
    insert into login_throttle (key, failures, window_started_at, blocked_until)
    values (${key}, 1, ${now.toISOString()}::timestamptz, null)
    on conflict (key) do update set
      failures = case when login_throttle.window_started_at < ${windowStart.toISOString()}::timestamptz then 1 else login_throttle.failures + 1 end,
      window_started_at = case when login_throttle.window_started_at < ${windowStart.toISOString()}::timestamptz then ${now.toISOString()}::timestamptz else login_throttle.window_started_at end,
      blocked_until = case
        when login_throttle.window_started_at >= ${windowStart.toISOString()}::timestamptz and login_throttle.failures + 1 >= ${limit}
        then ${new Date(now.getTime() + THROTTLE.blockMs).toISOString()}::timestamptz
        else login_throttle.blocked_until end`);
}

/**
 * Checks an email and password. Unknown emails, wrong passwords and deactivated
 * accounts all give the same answer in about the same time, so the response never
 * tells whether an account exists. Failures are throttled per account and per address.
 */
export async function signIn({
  db,
  email,
  password,
  address,
  userAgent,
  demo,
  now = new Date(),
}: {
  db: Queryable;
  email: string;
  password: string;
  address: string;
  userAgent?: string | null;
  demo: boolean;
  now?: Date;
}): Promise<SignInResult> {
  const normalised = email.trim().toLowerCase();
  const accountKey = `account:${normalised}`;
  const addressKey = `address:${address}`;
  const blocked = (await isBlocked(db, accountKey, now)) ?? (await isBlocked(db, addressKey, now));
  if (blocked) return { ok: false, reason: "throttled", retryAfterSeconds: Math.ceil((blocked.getTime() - now.getTime()) / 1000) };

  const [user] = await db.select().from(users).where(eq(users.email, normalised)).limit(1);
  const passwordOk = user ? await verifyPassword(user.passwordHash, password) : await verifyPassword(await dummyPasswordHash(), password);
  // Outside demo mode the published demo password opens nothing, even if some account has it.
  const allowed = Boolean(user?.active) && passwordOk && (demo || password !== DEMO_PASSWORD);
  if (!user || !allowed) {
    await recordFailure(db, accountKey, THROTTLE.perAccount, now);
    await recordFailure(db, addressKey, THROTTLE.perAddress, now);
    return { ok: false, reason: "invalid" };
  }
  await db.delete(loginThrottle).where(eq(loginThrottle.key, accountKey));
  const token = await createSession({ db, userId: user.id, userAgent, now });
  return { ok: true, token, userId: user.id };
}
