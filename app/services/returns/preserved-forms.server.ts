/**
 * What a user typed into a form when their session had ended, kept server-side for
 * them alone so that nothing is lost: the form page offers it back after they sign in.
 *
 * The request has no live session, so whose data it is comes from the session token the
 * browser still sends: the session may have expired (or been ended elsewhere), but it was
 * issued to one user, and only that user is ever shown the data. A request with no
 * token, or a token no session ever had, is not kept: there is nobody to keep it for.
 */
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { rows } from "./shared.server";

/** At least 24 hours (the floor); a week covers a weekend and a day off. */
export const PRESERVE_FOR_MS = 7 * 24 * 60 * 60 * 1000;

/** The user a session token was issued to, live or not (null if no session ever had it). */
export async function sessionOwner(db: Queryable, token: string): Promise<number | null> {
  const hash = createHash("sha256").update(token).digest("hex");
  const [r] = await rows<{ user_id: number }>(db, sql`select s.user_id from sessions s join users u on u.id = s.user_id where s.token_hash = ${hash} and u.active`);
  return r ? Number(r.user_id) : null;
}

export async function preserveForm({ db, userId, formKey, values, now = new Date() }: { db: Queryable; userId: number; formKey: string; values: Record<string, string>; now?: Date }) {
  const expires = new Date(now.getTime() + PRESERVE_FOR_MS);
  await db.execute(sql`delete from preserved_forms where expires_at < ${now.toISOString()}`);
  await db.execute(sql`insert into preserved_forms (user_id, form_key, values, saved_at, expires_at)
        values (${userId}, ${formKey}, ${JSON.stringify(values)}::jsonb, ${now.toISOString()}, ${expires.toISOString()})
        on conflict (user_id, form_key) do update set values = excluded.values, saved_at = excluded.saved_at, expires_at = excluded.expires_at`);
}

/** The user's own preserved form for this page, if any and not expired. */
export async function findPreservedForm({ db, userId, formKey, now = new Date() }: { db: Queryable; userId: number; formKey: string; now?: Date }): Promise<{ values: Record<string, string>; savedAt: string } | null> {
  const [r] = await rows<{ values: unknown; saved_at: string }>(
    db,
    sql`select values, saved_at from preserved_forms where user_id = ${userId} and form_key = ${formKey} and expires_at > ${now.toISOString()}`,
  );
  if (!r) return null;
  return { values: (typeof r.values === "string" ? JSON.parse(r.values) : r.values) as Record<string, string>, savedAt: new Date(r.saved_at).toISOString() };
}

/** Once the user has saved or submitted the form again, what was kept for them has done its job. */
export async function discardPreservedForm({ db, userId, formKey }: { db: Queryable; userId: number; formKey: string }) {
  await db.execute(sql`delete from preserved_forms where user_id = ${userId} and form_key = ${formKey}`);
}
