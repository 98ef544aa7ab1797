/**
 * The rendered-page cache: a page's HTML kept in this process's memory and sent again,
 * unrendered, to the same user asking for the same address while nothing it could show
 * has changed.
 *
 * What makes a cached page right to send:
 * - **Same data.** The key holds the data version (the count of committed changing
 *   transactions, db/schema/data-changes.ts), read before the page's loaders run. A page
 *   stored under version v was rendered from data at least as new as v; any change
 *   committed later makes a new version, so no request after a change gets a page from
 *   before it.
 * - **Same user.** The key holds the signed-in user's id, and the session is checked on
 *   every request, hit or not (an ended session gets the sign-in page). Nothing one user
 *   sees is sent to another. Changes to the user's name, role or organisation change the
 *   data version.
 * - **Same day.** The key holds today's date: some pages default to the current year or
 *   count to today.
 * - **Fresh nonce.** The stored HTML is split where its content-security-policy nonce
 *   appeared; each hit joins it with the new request's nonce.
 *
 * Only the read-only analysis pages in CACHEABLE_PAGES are cached, only for GET requests
 * (documents, and the loader data a client-side navigation fetches with `?_data=`, whose
 * key is its own address), and only 200 responses that set no cookie. Pages that record
 * anything when viewed, forms, downloads and the audit log are never cached.
 */

/** Pages that only read (the dashboards, profiles, indicators, models and registers). */
export const CACHEABLE_PAGES: readonly RegExp[] = [
  /^\/icb\/[^/]+\/?$/,
  /^\/icb\/[^/]+\/(hjp|demand|value-for-money)\/?$/,
  /^\/icb\/[^/]+\/demand\/(compare|neighbourhood\/[^/]+)\/?$/,
  /^\/(place|neighbourhood)\/[^/]+(\/(hjp|value-for-money))?\/?$/,
  /^\/profile\/[^/]+\/?$/,
  /^\/indicators(\/[^/]+(\/(trend|inequality))?)?\/?$/,
  /^\/hjp\/?$/,
  /^\/hjp\/services\/[^/]+(\/value-for-money)?\/?$/,
  /^\/agreements\/?$/,
];

/** A GET for one of those pages: the document, or a route's loader data for a client-side navigation (`?_data=`). */
export function isCacheablePage(method: string, pathname: string): boolean {
  if (method !== "GET") return false;
  return CACHEABLE_PAGES.some((pattern) => pattern.test(pathname));
}

export type CachedPage = {
  /** The HTML in pieces: the nonce went between each pair. */
  parts: Buffer[];
  headers: [string, string][];
  bytes: number;
};

export type PageCacheStats = { pages: number; bytes: number; maxBytes: number; hits: number; misses: number };

export function pageKey({ version, today, userId, url }: { version: number; today: string; userId: number; url: string }) {
  return `${version}|${today}|${userId}|${url}`;
}

/** Splits the HTML wherever the nonce appears (it is 128 random bits: it appears nowhere else). */
export function splitOnNonce(html: Buffer, nonce: string): Buffer[] {
  if (!nonce) return [html];
  const needle = Buffer.from(nonce);
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = html.indexOf(needle, from); at !== -1; at = html.indexOf(needle, from)) {
    parts.push(html.subarray(from, at));
    from = at + needle.length;
  }
  parts.push(html.subarray(from));
  return parts;
}

export function joinWithNonce(parts: Buffer[], nonce: string): Buffer {
  if (parts.length === 1) return parts[0];
  const needle = Buffer.from(nonce);
  const pieces: Buffer[] = [];
  parts.forEach((part, i) => {
    if (i > 0) pieces.push(needle);
    pieces.push(part);
  });
  return Buffer.concat(pieces);
}

/**
 * Least recently used pages, up to a budget in bytes. A page bigger than a quarter of the
 * budget is not kept: it would push out many others.
 */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private bytes = 0;
  /** One render per key at a time: concurrent misses wait for the first to finish. */
  private readonly rendering = new Map<string, Promise<CachedPage | null>>();
  hits = 0;
  misses = 0;

  constructor(readonly maxBytes: number) {}

  get enabled() {
    return this.maxBytes > 0;
  }

  get size() {
    return { pages: this.pages.size, bytes: this.bytes };
  }

  /** For /healthz: how full the cache is and how often it answered. */
  stats(): PageCacheStats {
    return { ...this.size, maxBytes: this.maxBytes, hits: this.hits, misses: this.misses };
  }

  get(key: string): CachedPage | undefined {
    const page = this.pages.get(key);
    if (!page) return undefined;
    // Map keeps insertion order: re-inserting marks it most recently used.
    this.pages.delete(key);
    this.pages.set(key, page);
    return page;
  }

  set(key: string, page: CachedPage) {
    if (!this.enabled || page.bytes > this.maxBytes / 4) return;
    const old = this.pages.get(key);
    if (old) {
      this.bytes -= old.bytes;
      this.pages.delete(key);
    }
    this.pages.set(key, page);
    this.bytes += page.bytes;
    for (const [oldest, evicted] of this.pages) {
      if (this.bytes <= this.maxBytes) break;
      this.pages.delete(oldest);
      this.bytes -= evicted.bytes;
    }
  }

  /**
   * Marks a key as being rendered. Returns the render already under way (to wait for), or
   * null with `done`, which the renderer must call once with the page or null.
   */
  claim(key: string): { wait: Promise<CachedPage | null> } | { done: (page: CachedPage | null) => void } {
    const pending = this.rendering.get(key);
    if (pending) return { wait: pending };
    let done!: (page: CachedPage | null) => void;
    const promise = new Promise<CachedPage | null>((resolve) => (done = resolve));
    this.rendering.set(key, promise);
    let settled = false;
    return {
      done: (page) => {
        if (settled) return;
        settled = true;
        this.rendering.delete(key);
        if (page) this.set(key, page);
        done(page);
      },
    };
  }
}

/** Headers a cached page is sent with again: not cookies, not per-request timing. */
export function storableHeaders(headers: Headers): [string, string][] | null {
  if (headers.has("set-cookie")) return null;
  return [...headers.entries()].filter(([name]) => !["server-timing", "content-length", "date"].includes(name.toLowerCase()));
}
