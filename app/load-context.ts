import type { Database, Db } from "../db/client";
import type { PageCacheStats } from "./server/page-cache";
import type { OfferPage } from "./server/page-cache-middleware";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The open database (one per process), given to every loader and action by the server. */
    database: Database;
    db: Db;
    /** Per-request nonce for the content security policy. */
    nonce: string;
    /** When the server started answering, for /healthz. */
    startedAt: string;
    /** Signs the session cookie. */
    sessionSecret: string;
    /** Cookies carry `Secure` (production behind HTTPS). */
    secureCookies: boolean;
    /** Demo users and synthetic data exist; the demo password is accepted. */
    demo: boolean;
    /** The client's address, for sign-in throttling. */
    clientAddress: string;
    /** Tells the server the database could not be reached (it then answers 503 until it is back). */
    reportDatabaseUnavailable?: () => void;
    isDatabaseDown?: () => boolean;
    /** Set when the rendered page may be kept in the page cache (app/server/page-cache.ts). */
    offerPage?: OfferPage;
    /** This process's page cache, for /healthz. */
    pageCacheStats?: () => PageCacheStats;
  }
}

export {};
