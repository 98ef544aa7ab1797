/**
 * The main pages at national scale: server time per page (median and 95th percentile of
 * 30 sequential requests), split into time in SQL (the server's Server-Timing `db`
 * figure: time during which at least one query ran) and the rest (application: loader
 * code, React rendering, compression, the socket). Also the JavaScript each page sends
 * to the browser, gzipped, from the Remix asset manifest, and an autocannon load run.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import autocannon from "autocannon";

export const GREATER_MANCHESTER = "E54000057";

/**
 * The pages the issue names, with the Remix route each renders (for its JavaScript). URLs
 * are canonical: the profile and indicator views redirect a URL that leaves selections
 * implicit, and a redirect would be timed (and load-tested) as a second request.
 */
export const MAIN_PAGES = [
  { name: "ICB overview", url: `/icb/${GREATER_MANCHESTER}`, route: "routes/icb.$code._index" },
  { name: "area profile (neighbourhood)", url: "/profile/U07506?comparator=E08000003", route: "routes/profile.$code" },
  { name: "indicator view, neighbourhoods", url: `/indicators/qof-dep?icb=${GREATER_MANCHESTER}&level=neighbourhood&period=2022%2F23&sex=Persons&age=18%2B+yrs`, route: "routes/indicators.$id._index" },
  { name: "HJP overview", url: `/icb/${GREATER_MANCHESTER}/hjp`, route: "routes/icb.$code.hjp" },
  { name: "demand model", url: `/icb/${GREATER_MANCHESTER}/demand`, route: "routes/icb.$code.demand" },
  { name: "value for money", url: `/icb/${GREATER_MANCHESTER}/value-for-money`, route: "routes/icb.$code.value-for-money" },
  { name: "agreement register", url: "/agreements", route: "routes/agreements._index" },
] as const;

export type PageFigures = { medianMs: number; p95Ms: number; sqlMedianMs: number; appMedianMs: number; queries: number; bytes: number };

const quantile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const median = (xs: number[]) => quantile([...xs].sort((a, b) => a - b), 0.5);

/** `db;desc="SQL (12 queries)";dur=3.4` from the server's Server-Timing header. */
export function sqlTiming(header: string | null): { sqlMs: number; queries: number } | null {
  const m = header && /(?:^|,\s*)db;desc="SQL \((\d+) queries\)";dur=([\d.]+)/.exec(header);
  return m ? { queries: Number(m[1]), sqlMs: Number(m[2]) } : null;
}

export async function timePage(origin: string, url: string, cookie: string, n = 30): Promise<PageFigures> {
  const headers = { Cookie: cookie, "Accept-Encoding": "gzip" };
  // One warm-up request: module loading and the first query plans are not what a user waits for.
  const warm = await fetch(origin + url, { headers, redirect: "manual" });
  if (warm.status !== 200) throw new Error(`${url} answered ${warm.status}`);
  await warm.arrayBuffer();
  const totals: number[] = [];
  const sqls: number[] = [];
  const apps: number[] = [];
  let queries = 0;
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await fetch(origin + url, { headers, redirect: "manual" });
    const body = await res.arrayBuffer();
    const total = performance.now() - t;
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    const timing = sqlTiming(res.headers.get("server-timing"));
    if (!timing) throw new Error(`${url} sent no SQL timing`);
    totals.push(total);
    sqls.push(timing.sqlMs);
    apps.push(Math.max(0, total - timing.sqlMs));
    queries = timing.queries;
    bytes = body.byteLength;
  }
  const sorted = [...totals].sort((a, b) => a - b);
  return { medianMs: quantile(sorted, 0.5), p95Ms: quantile(sorted, 0.95), sqlMedianMs: median(sqls), appMedianMs: median(apps), queries, bytes };
}

type Manifest = { entry: { module: string; imports?: string[] }; routes: Record<string, { module: string; imports?: string[]; parentId?: string }> };

/** The manifest the last `remix build` wrote (public/build/manifest-*.js). */
function readManifest(buildDir = "public/build"): Manifest {
  const file = fs.readdirSync(buildDir).find((f) => /^manifest-[\w-]+\.js$/.test(f));
  if (!file) throw new Error(`No Remix manifest in ${buildDir}: run remix build first`);
  const text = fs.readFileSync(path.join(buildDir, file), "utf8");
  return JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as Manifest;
}

/** Gzipped bytes of every script a first visit to the route loads: entry, root and the route chain with their imports. */
export function javascriptPerRoute(routeId: string, publicDir = "public"): { files: number; gzipBytes: number } {
  const manifest = readManifest(path.join(publicDir, "build"));
  const modules = new Set<string>([manifest.entry.module, ...(manifest.entry.imports ?? [])]);
  for (let id: string | undefined = routeId; id; id = manifest.routes[id]?.parentId) {
    const r = manifest.routes[id];
    if (!r) throw new Error(`No route ${id} in the Remix manifest`);
    modules.add(r.module);
    for (const m of r.imports ?? []) modules.add(m);
  }
  let gzipBytes = 0;
  for (const m of modules) gzipBytes += zlib.gzipSync(fs.readFileSync(path.join(publicDir, m)), { level: 6 }).byteLength;
  return { files: modules.size, gzipBytes };
}

export type LoadFigures = { requestsPerSecond: number; p50Ms: number; p99Ms: number; errors: number; non2xx: number; requests: number };

/** autocannon: `connections` clients each sending requests back to back for `seconds`. */
export async function loadRun(origin: string, url: string, cookie: string, { connections = 50, seconds = 30 } = {}): Promise<LoadFigures> {
  const result = await autocannon({ url: origin + url, connections, duration: seconds, headers: { cookie, "accept-encoding": "gzip" } });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
  };
}
