import type { RequestHandler } from "express";
import type { Db } from "../../db/client";
import { sessionUserFromCookie } from "../auth/session.server";
import { dataVersion } from "../services/system/data-version.server";
import { type CachedPage, isCacheablePage, joinWithNonce, type PageCache, pageKey, splitOnNonce, storableHeaders } from "./page-cache";

/** What the document renderer calls with a page it rendered for a request that may be cached. */
export type OfferPage = (page: { status: number; html: Buffer; headers: Headers; nonce: string }) => void;

/**
 * Before Remix: for a cacheable page, check the session and read the data version (two
 * small queries), then send the stored page if there is one. Otherwise let Remix render
 * it, with `res.locals.offerPage` for app/entry.server.tsx to hand the HTML back.
 * X-Page-Cache says which happened.
 */
export function pageCacheMiddleware(cache: PageCache, context: { db: Db; sessionSecret: string; secureCookies: boolean }): RequestHandler {
  return async (req, res, next) => {
    if (!cache.enabled) return next();
    const url = new URL(req.originalUrl, "http://localhost");
    if (!isCacheablePage(req.method, url.pathname)) return next();
    let key: string;
    try {
      // Both before any loader runs, and at once: this is every hit's only database work.
      const [user, version] = await Promise.all([sessionUserFromCookie(req.headers.cookie, context), dataVersion(context.db)]);
      // Signed out: Remix sends the sign-in page.
      if (!user) return next();
      key = pageKey({ version, today: new Date().toISOString().slice(0, 10), userId: user.id, url: url.pathname + url.search });
    } catch {
      // The database is unreachable or failing: Remix's own error handling reports it.
      return next();
    }
    let page = cache.get(key);
    if (!page) {
      const claim = cache.claim(key);
      if ("wait" in claim) {
        page = (await claim.wait) ?? undefined;
      } else {
        cache.misses++;
        res.setHeader("X-Page-Cache", "miss");
        const offer: OfferPage = ({ status, html, headers, nonce }) => {
          const stored = status === 200 ? storableHeaders(headers) : null;
          claim.done(stored ? ({ parts: splitOnNonce(html, nonce), headers: stored, bytes: html.byteLength } satisfies CachedPage) : null);
        };
        res.locals.offerPage = offer;
        // A redirect, an error or a dropped connection offers nothing: let waiters render.
        res.once("close", () => claim.done(null));
        return next();
      }
    }
    if (!page) {
      res.setHeader("X-Page-Cache", "miss");
      return next();
    }
    cache.hits++;
    res.status(200);
    for (const [name, value] of page.headers) res.setHeader(name, value);
    res.setHeader("X-Page-Cache", "hit");
    res.end(joinWithNonce(page.parts, res.locals.nonce as string));
  };
}
