import { describe, expect, it } from "vitest";
import { type CachedPage, isCacheablePage, joinWithNonce, PageCache, pageKey, splitOnNonce, storableHeaders } from "./page-cache";

const page = (text: string): CachedPage => ({ parts: [Buffer.from(text)], headers: [], bytes: Buffer.byteLength(text) });

describe("which requests may be answered from the page cache", () => {
  it.each([
    ["GET", "/icb/E54000057", "", true],
    ["GET", "/icb/E54000057/hjp", "?from=2024-04-01", true],
    ["GET", "/icb/E54000057/demand", "?scenario=3", true],
    ["GET", "/icb/E54000057/demand/neighbourhood/U07506", "", true],
    ["GET", "/icb/E54000057/value-for-money", "", true],
    ["GET", "/place/E08000003/hjp", "", true],
    ["GET", "/neighbourhood/U07506", "", true],
    ["GET", "/profile/U07506", "?comparator=E08000003", true],
    ["GET", "/indicators/qof-dep", "?level=neighbourhood", true],
    ["GET", "/indicators/qof-dep/trend", "", true],
    ["GET", "/agreements", "", true],
    ["GET", "/hjp/services/12", "", true],
    // Writes, data requests, forms, downloads, records and accounts are never cached.
    ["POST", "/icb/E54000057", "", false],
    ["GET", "/icb/E54000057", "?_data=routes%2Ficb.%24code._index", true],
    ["GET", "/icb/E54000057", "?_data=root", true],
    ["GET", "/icb/E54000057/places", "?_data=routes%2Ficb.%24code.places", false],
    ["GET", "/icb/E54000057/places", "", false],
    ["GET", "/icb/E54000057/returns", "", false],
    ["GET", "/icb/E54000057/hjp/download", "", false],
    ["GET", "/icb/E54000057/demand/scenarios/new", "", false],
    ["GET", "/indicators/qof-dep/download", "", false],
    ["GET", "/profile/U07506/download", "", false],
    ["GET", "/agreements/4", "", false],
    ["GET", "/agreements/new", "", false],
    ["GET", "/audit", "", false],
    ["GET", "/account", "", false],
    ["GET", "/admin/users", "", false],
    ["GET", "/packs/1", "", false],
    ["GET", "/returns/3/2025-26-Q1", "", false],
    ["GET", "/login", "", false],
    ["GET", "/", "", false],
  ])("%s %s%s: %s", (method, path, _search, expected) => {
    // The query is part of the key, never of the decision.
    expect(isCacheablePage(method, path)).toBe(expected);
  });
});

describe("the nonce in a stored page", () => {
  it.each([
    ["no script", "<p>hello</p>", "abc"],
    ["one script", '<script nonce="abc">x</script>', "abc"],
    ["several, at both ends", 'abc<script nonce="abc"></script><script nonce="abc"></script>abc', "abc"],
    ["multi-byte text around it", '<p>£ – ✓</p><script nonce="Zm9v+/==">1</script><p>é</p>', "Zm9v+/=="],
  ])("is replaced with the new request's everywhere it appeared (%s)", (_case, html, nonce) => {
    const parts = splitOnNonce(Buffer.from(html), nonce);
    expect(parts).toHaveLength(html.split(nonce).length);
    expect(joinWithNonce(parts, "NEW").toString()).toBe(html.split(nonce).join("NEW"));
    expect(joinWithNonce(parts, nonce).toString()).toBe(html);
  });
});

describe("the page cache", () => {
  it("keys pages by data version, day, user and address", () => {
    const base = { version: 7, today: "2026-11-29", userId: 3, url: "/icb/E54000057" };
    const keys = [base, { ...base, version: 8 }, { ...base, today: "2026-11-30" }, { ...base, userId: 4 }, { ...base, url: "/icb/E54000057?places-sort=name" }].map(pageKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("keeps the most recently used pages within its budget of bytes", () => {
    const cache = new PageCache(40);
    cache.set("a", page("0123456789"));
    cache.set("b", page("0123456789"));
    cache.set("c", page("0123456789"));
    expect(cache.get("a")).toBeDefined(); // a is now the most recently used
    cache.set("d", page("0123456789"));
    cache.set("e", page("0123456789"));
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("c")).toBeDefined();
    expect(cache.size).toEqual({ pages: 4, bytes: 40 });
    expect(["a", "c", "d", "e"].every((k) => cache.get(k))).toBe(true);
  });

  it("does not keep a page bigger than a quarter of its budget, and keeps nothing when turned off", () => {
    const cache = new PageCache(40);
    cache.set("big", page("01234567890"));
    expect(cache.get("big")).toBeUndefined();
    const off = new PageCache(0);
    off.set("a", page("0"));
    expect(off.enabled).toBe(false);
    expect(off.get("a")).toBeUndefined();
  });

  it("reports how full it is for the health check", () => {
    const cache = new PageCache(100);
    cache.set("a", page("0123456789"));
    cache.hits = 3;
    cache.misses = 1;
    expect(cache.stats()).toEqual({ pages: 1, bytes: 10, maxBytes: 100, hits: 3, misses: 1 });
  });

  it("replacing a page counts its bytes once", () => {
    const cache = new PageCache(100);
    cache.set("a", page("0123456789"));
    cache.set("a", page("01234"));
    expect(cache.size).toEqual({ pages: 1, bytes: 5 });
  });

  it("renders a key once while others wait, and lets them render if the first stores nothing", async () => {
    const cache = new PageCache(100);
    const first = cache.claim("k");
    const second = cache.claim("k");
    expect("done" in first && "wait" in second).toBe(true);
    if (!("done" in first) || !("wait" in second)) return;
    first.done(page("html"));
    expect((await second.wait)?.parts[0].toString()).toBe("html");
    expect(cache.get("k")).toBeDefined();
    const third = cache.claim("j");
    const fourth = cache.claim("j");
    if (!("done" in third) || !("wait" in fourth)) throw new Error("expected a claim and a wait");
    third.done(null);
    third.done(page("late")); // only the first answer counts
    expect(await fourth.wait).toBeNull();
    expect(cache.get("j")).toBeUndefined();
    expect("done" in cache.claim("j")).toBe(true);
  });

  it("stores no response that sets a cookie, and drops per-response headers", () => {
    expect(storableHeaders(new Headers({ "Set-Cookie": "a=b", "Content-Type": "text/html" }))).toBeNull();
    expect(storableHeaders(new Headers({ "Content-Type": "text/html", "Server-Timing": "db;dur=1", "Content-Length": "5" }))).toEqual([["content-type", "text/html"]]);
  });
});
