import type { Database, Db } from "../db/client";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The open database (one per process), given to every loader and action by the server. */
    database: Database;
    db: Db;
    /** Per-request nonce for the content security policy. */
    nonce: string;
    /** When the server started answering, for /healthz. */
    startedAt: string;
  }
}

export {};
