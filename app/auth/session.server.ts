import { type AppLoadContext, createCookie, json, redirect } from "@remix-run/node";
import { getSessionUser, type SessionUser } from "../services/accounts/sessions.server";
import { type Actor, canAccess, hasPermission, type Permission } from "./permissions";

const COOKIE_NAME = "__hjp_session";

type CookieContext = Pick<AppLoadContext, "sessionSecret" | "secureCookies">;

function sessionCookie(context: CookieContext) {
  return createCookie(COOKIE_NAME, {
    httpOnly: true,
    sameSite: "lax",
    secure: context.secureCookies,
    path: "/",
    secrets: [context.sessionSecret],
    // The cookie lives no longer than the longest session; the database decides sooner.
    maxAge: 7 * 24 * 60 * 60,
  });
}

export async function commitSessionCookie(context: AppLoadContext, token: string) {
  return sessionCookie(context).serialize(token);
}

export async function clearSessionCookie(context: AppLoadContext) {
  return sessionCookie(context).serialize("", { maxAge: 0 });
}

export async function readSessionToken(request: Request, context: AppLoadContext): Promise<string | null> {
  return sessionTokenFromCookie(request.headers.get("Cookie"), context);
}

export async function sessionTokenFromCookie(cookieHeader: string | null | undefined, context: CookieContext): Promise<string | null> {
  const value = await sessionCookie(context).parse(cookieHeader ?? null);
  return typeof value === "string" && value.length > 0 ? value : null;
}

/**
 * The signed-in user for a Cookie header, checked against the database as every page
 * checks it (the rendered-page cache asks before any loader runs).
 */
export async function sessionUserFromCookie(cookieHeader: string | null | undefined, context: CookieContext & Pick<AppLoadContext, "db">): Promise<SessionUser | null> {
  const token = await sessionTokenFromCookie(cookieHeader, context);
  return token ? getSessionUser({ db: context.db, token }) : null;
}

// Loaders of nested routes all ask for the user; look the session up once per request.
const cache = new WeakMap<Request, Promise<SessionUser | null>>();

export function getUser(request: Request, context: AppLoadContext): Promise<SessionUser | null> {
  let pending = cache.get(request);
  if (!pending) {
    pending = readSessionToken(request, context).then((token) => (token ? getSessionUser({ db: context.db, token }) : null));
    cache.set(request, pending);
  }
  return pending;
}

/** Only same-site paths: never redirect to another site after sign-in. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/") {
  if (!to || typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}

/** The signed-in user, or a redirect to /login that comes back here afterwards. */
export async function requireUser(request: Request, context: AppLoadContext): Promise<SessionUser> {
  const user = await getUser(request, context);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`);
  }
  return user;
}

/**
 * For the data API: the signed-in user with the permission, or a JSON 401 (403). An
 * API client cannot follow a redirect to the sign-in page, so it is told plainly.
 */
export async function requireApiUser(request: Request, context: AppLoadContext, permission: Permission): Promise<SessionUser> {
  const user = await getUser(request, context);
  const headers = { "Cache-Control": "no-store" };
  if (!user) throw json({ error: "Not signed in: sign in at /login and send the session cookie with each request" }, { status: 401, headers });
  if (!hasPermission(user, permission)) throw json({ error: "Your account does not give you access to this data" }, { status: 403, headers });
  return user;
}

export function forbidden(message = "Your account does not give you access to this page."): never {
  throw new Response(message, { status: 403 });
}

export function notFound(message = "Not found"): never {
  throw new Response(message, { status: 404 });
}

export async function requirePermission(request: Request, context: AppLoadContext, permission: Permission) {
  const user = await requireUser(request, context);
  if (!hasPermission(user, permission)) forbidden();
  return user;
}

/**
 * For records that belong to an ICB or organisation. A user without any right to the
 * kind of record gets 403; one who has it but not for this record gets 404, so ids
 * of other organisations' records reveal nothing.
 */
export function assertCanAccess(
  user: Actor,
  action: string,
  entity: string,
  scope: { icbCode?: string | null; organisationId?: number | null },
) {
  if (canAccess(user, action, entity, scope)) return;
  const hasAnyRight = canAccess(user, action, entity, { icbCode: user.icbCode, organisationId: user.organisationId });
  if (hasAnyRight) notFound();
  forbidden();
}
