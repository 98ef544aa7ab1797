/**
 * Errors that mean "the database cannot be reached just now" (server down, restarting,
 * connection dropped), as opposed to a bad query. Those become 503 pages and the server
 * keeps trying; everything else is a 500.
 */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  // PostgreSQL SQLSTATEs: connection exceptions (08…) and operator intervention (57P…).
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "57P01",
  "57P02",
  "57P03",
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && CONNECTION_CODES.has(code)) return true;
    // drizzle wraps driver errors; the driver's error is the cause.
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
