/**
 * `npm run bench`: speed figures for both drivers, printed as a table. Each
 * capability adds its rows here. Benchmarks print figures; they never fail a build.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { activityBenchRows, activityImportBench } from "./activity-import";
import { BROWSER_TARGET_MS, DEMAND_MODEL_TARGET_MS, demandBrowserBench, demandServerBench } from "./demand";
import { openDatabase } from "../../db/client";
import { NATIONAL_PGLITE_DIR, nationalCounts, nationalPostgresUrl } from "./national-data";
import { GREATER_MANCHESTER, javascriptPerRoute, type LoadFigures, MAIN_PAGES, type PageFigures, loadRun, timePage } from "./pages";
import { rmrf, signIn, startServer, timeRequests } from "./server";

type Row = { measure: string; pglite: string; postgres: string; target: string };
const rows: Row[] = [];
const ms = (n: number) => `${n.toFixed(1)} ms`;

const PG_ADMIN = process.env.BENCH_PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function withPostgresDb<T>(fn: (url: string) => Promise<T>): Promise<T | null> {
  const admin = postgres(PG_ADMIN, { max: 1, onnotice: () => {} });
  const name = `hjp_bench_${process.pid}`;
  try {
    await admin.unsafe(`drop database if exists ${name}`);
    await admin.unsafe(`create database ${name}`);
  } catch (error) {
    console.warn(`PostgreSQL not reachable at ${PG_ADMIN}: ${(error as Error).message}`);
    await admin.end();
    return null;
  }
  try {
    const u = new URL(PG_ADMIN);
    u.pathname = `/${name}`;
    return await fn(u.toString());
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function serverFigures(env: Record<string, string>, port: number) {
  const server = await startServer({ port, env });
  try {
    const bundle = /Loaded \d+ bundled reference files in ([\d.]+) s/.exec(server.output());
    const home = await timeRequests(`http://127.0.0.1:${port}/`, 20);
    const cookie = await signIn(port, "commissioner@example.org");
    const demandBrowser = await demandBrowserBench(port, cookie).catch((error: Error) => {
      console.warn(`Browser measurement skipped: ${error.message}`);
      return null;
    });
    return { startMs: server.startMs, bundleSeconds: bundle ? Number(bundle[1]) : null, home, demandBrowser };
  } finally {
    await server.stop();
  }
}

/** The national-scale database `npm run bench:data` made for a driver (server environment and what it holds), or null. */
async function nationalEnv(driver: "pglite" | "postgres"): Promise<{ env: Record<string, string>; counts: Record<string, number> } | null> {
  if (driver === "pglite" && !fs.existsSync(path.join(NATIONAL_PGLITE_DIR, "PG_VERSION"))) return null;
  const url = nationalPostgresUrl(PG_ADMIN);
  try {
    const database = driver === "pglite" ? await openDatabase({ url: "", dataDir: NATIONAL_PGLITE_DIR, purpose: "npm run bench" }) : await openDatabase({ url });
    try {
      const counts = await nationalCounts(database);
      if (!counts.episodes) return null;
      // The first request for each ICB's HJP pages then builds its roll-up cells, as after an import; its time is reported.
      await database.rows("delete from hjp_rollup_builds");
      return { env: driver === "pglite" ? { PGLITE_DIR: NATIONAL_PGLITE_DIR, DATABASE_URL: "" } : { DATABASE_URL: url, DEMO: "1" }, counts };
    } finally {
      await database.close();
    }
  } catch {
    return null;
  }
}

type CellsBuildFigures = { ms: number; episodes: number; cells: number };
type NationalFigures = { counts: Record<string, number>; pages: Map<string, PageFigures>; cachedPages: Map<string, PageFigures>; load: Map<string, LoadFigures>; cells: CellsBuildFigures | null };

/** How long the warm-up request took to build Greater Manchester's roll-up cells. */
async function cellsBuild(driver: "pglite" | "postgres"): Promise<CellsBuildFigures | null> {
  const database = driver === "pglite" ? await openDatabase({ url: "", dataDir: NATIONAL_PGLITE_DIR, purpose: "npm run bench" }) : await openDatabase({ url: nationalPostgresUrl(PG_ADMIN) });
  try {
    const [r] = await database.rows<{ build_ms: number; episodes: number; cells: number }>(`select build_ms, episodes, cells from hjp_rollup_builds where icb_code = '${GREATER_MANCHESTER}'`);
    return r ? { ms: Number(r.build_ms), episodes: Number(r.episodes), cells: Number(r.cells) } : null;
  } finally {
    await database.close();
  }
}

async function nationalFigures(driver: "pglite" | "postgres", port: number, withLoad: boolean): Promise<NationalFigures | null> {
  const found = await nationalEnv(driver);
  if (!found) {
    console.warn(`No national-scale ${driver} database: run \`npm run bench:data\` first. Its page figures are left out.`);
    return null;
  }
  const pages = new Map<string, PageFigures>();
  const cachedPages = new Map<string, PageFigures>();
  const load = new Map<string, LoadFigures>();
  // First with the rendered-page cache off, so every request does the page's whole work;
  // then with it on, as the server runs by default, for repeat views and load.
  for (const cached of [false, true]) {
    const server = await startServer({ port, env: { ...found.env, PAGE_CACHE_MB: cached ? "64" : "0" } });
    try {
      const origin = `http://127.0.0.1:${port}`;
      const cookie = await signIn(port, "commissioner@example.org");
      for (const page of MAIN_PAGES) {
        console.log(`[${driver}] timing ${page.name} (${page.url})${cached ? " from the page cache" : ""}`);
        (cached ? cachedPages : pages).set(page.name, await timePage(origin, page.url, cookie, 30));
      }
      if (withLoad) await loadRuns(origin, cookie, cached ? "1 process" : "1 process, page cache off", load);
    } finally {
      // The embedded database opens in one process at a time: the server goes first.
      await server.stop();
    }
  }
  return { counts: found.counts, pages, cachedPages, load, cells: await cellsBuild(driver) };
}

async function loadRuns(origin: string, cookie: string, label: string, into: Map<string, LoadFigures>) {
  for (const page of MAIN_PAGES.filter((p) => p.name === "ICB overview" || p.name.startsWith("indicator view"))) {
    console.log(`autocannon (${label}): 50 connections for 30 s on ${page.name}`);
    into.set(`${page.name} (${label})`, await loadRun(origin, page.url, cookie, { connections: 50, seconds: 30 }));
  }
}

/** The same load on PostgreSQL with one server process per core (WEB_CONCURRENCY). */
async function clusteredLoad(port: number): Promise<Map<string, LoadFigures>> {
  const load = new Map<string, LoadFigures>();
  const found = await nationalEnv("postgres");
  if (!found) return load;
  const workers = os.cpus().length;
  const server = await startServer({ port, env: { ...found.env, WEB_CONCURRENCY: String(workers) } });
  try {
    await loadRuns(`http://127.0.0.1:${port}`, await signIn(port, "commissioner@example.org"), `${workers} processes`, load);
  } finally {
    await server.stop();
  }
  return load;
}

async function main() {
  console.log("Building…");
  if (spawnSync("node_modules/.bin/remix", ["build"], { stdio: "inherit" }).status !== 0) process.exit(1);

  // National scale first, on the databases `npm run bench:data` made.
  const nationalLite = await nationalFigures("pglite", 3303, false);
  const nationalPg = await nationalFigures("postgres", 3304, true);
  for (const [k, v] of await clusteredLoad(3305)) nationalPg?.load.set(k, v);
  for (const page of MAIN_PAGES) {
    const lite = nationalLite?.pages.get(page.name);
    const pg = nationalPg?.pages.get(page.name);
    rows.push({
      measure: `${page.name}: median / p95 of 30, page cache off`,
      pglite: lite ? `${lite.medianMs.toFixed(0)} / ${lite.p95Ms.toFixed(0)} ms` : "n/a",
      postgres: pg ? `${pg.medianMs.toFixed(0)} / ${pg.p95Ms.toFixed(0)} ms` : "n/a",
      target: "median < 150 ms (PG)",
    });
    rows.push({
      measure: `  SQL / application, medians (${pg?.queries ?? lite?.queries ?? "?"} queries)`,
      pglite: lite ? `${lite.sqlMedianMs.toFixed(0)} / ${lite.appMedianMs.toFixed(0)} ms` : "n/a",
      postgres: pg ? `${pg.sqlMedianMs.toFixed(0)} / ${pg.appMedianMs.toFixed(0)} ms` : "n/a",
      target: "app < 20 ms",
    });
    const liteCached = nationalLite?.cachedPages.get(page.name);
    const pgCached = nationalPg?.cachedPages.get(page.name);
    rows.push({
      measure: "  repeat view, from the page cache: median / p95",
      pglite: liteCached ? `${liteCached.medianMs.toFixed(0)} / ${liteCached.p95Ms.toFixed(0)} ms` : "n/a",
      postgres: pgCached ? `${pgCached.medianMs.toFixed(0)} / ${pgCached.p95Ms.toFixed(0)} ms` : "n/a",
      target: "",
    });
    const js = javascriptPerRoute(page.route);
    rows.push({ measure: `  JavaScript, gzipped (${js.files} files)`, pglite: `${(js.gzipBytes / 1024).toFixed(0)} KB`, postgres: `${(js.gzipBytes / 1024).toFixed(0)} KB`, target: "≤ 250 KB" });
  }
  const built = (f: NationalFigures | null) => (f?.cells ? `${(f.cells.ms / 1000).toFixed(1)} s` : "n/a");
  const cellCount = nationalPg?.cells ?? nationalLite?.cells;
  rows.push({
    measure: `HJP cells build, Greater Manchester (${cellCount ? `${cellCount.episodes.toLocaleString("en-GB")} episodes → ${cellCount.cells.toLocaleString("en-GB")} rows` : "?"})`,
    pglite: built(nationalLite),
    postgres: built(nationalPg),
    target: "once per change",
  });
  // autocannon: 50 connections sending back to back for 30 s, on PostgreSQL.
  for (const [name, l] of nationalPg?.load ?? []) {
    rows.push({ measure: `load, ${name.replace(", neighbourhoods", "")}: req/s`, pglite: "", postgres: l.requestsPerSecond.toFixed(0), target: "" });
    rows.push({ measure: "  latency p50 / p99", pglite: "", postgres: `${l.p50Ms} / ${l.p99Ms} ms`, target: "p99 < 500 ms" });
    rows.push({ measure: `  errors / non-2xx (of ${l.requests.toLocaleString("en-GB")})`, pglite: "", postgres: `${l.errors} / ${l.non2xx}`, target: "0 / 0" });
  }

  if (process.env.BENCH_PARTS === "national") return printTable(nationalPg?.counts ?? nationalLite?.counts);
  // A new user's first start, on empty databases.
  const dir = ".data/bench-pglite";
  rmrf(dir);
  const lite = await serverFigures({ PGLITE_DIR: dir, DATABASE_URL: "" }, 3301);
  rmrf(dir);
  const pg = await withPostgresDb((url) => serverFigures({ DATABASE_URL: url, DEMO: "1" }, 3302));
  rows.push({
    measure: "start on an empty database → first 200 (s)",
    pglite: (lite.startMs / 1000).toFixed(1),
    postgres: pg ? (pg.startMs / 1000).toFixed(1) : "n/a",
    target: "",
  });
  rows.push({
    measure: "reference bundle load (first start, s)",
    pglite: lite.bundleSeconds?.toFixed(1) ?? "n/a",
    postgres: pg?.bundleSeconds?.toFixed(1) ?? "n/a",
    target: "",
  });
  rows.push({
    measure: "home page (signed out), median of 20",
    pglite: ms(lite.home.median),
    postgres: pg ? ms(pg.home.median) : "n/a",
    target: "< 150 ms",
  });
  // Demand modelling: the pure model needs no database, so its figure is the same for both drivers.
  const model = demandServerBench();
  rows.push({
    measure: `demand recompute, ${model.neighbourhoods} nbhds × ${model.draws} draws (median)`,
    pglite: ms(model.medianMs),
    postgres: ms(model.medianMs),
    target: `< ${DEMAND_MODEL_TARGET_MS} ms`,
  });
  rows.push({
    measure: "browser: parameter change → figures (median)",
    pglite: lite.demandBrowser ? ms(lite.demandBrowser.median) : "n/a",
    postgres: pg?.demandBrowser ? ms(pg.demandBrowser.median) : "n/a",
    target: `< ${BROWSER_TARGET_MS} ms`,
  });
  // The activity importer against PostgreSQL's COPY of the same rows (activity-import.ts).
  const activity = await activityImportBench({ rows: Number(process.env.BENCH_ACTIVITY_ROWS ?? 1_000_000), postgresAdminUrl: PG_ADMIN, log: console.log });
  rows.push(...activityBenchRows(activity));

  printTable(nationalPg?.counts ?? nationalLite?.counts);
}

function printTable(counts: Record<string, number> | undefined) {
  const widths = { measure: 68, pglite: 15, postgres: 15, target: 20 };
  const line = (r: Row) => `| ${r.measure.padEnd(widths.measure)} | ${r.pglite.padStart(widths.pglite)} | ${r.postgres.padStart(widths.postgres)} | ${r.target.padEnd(widths.target)} |`;
  console.log();
  const held = counts ? Object.entries(counts).map(([k, n]) => `${n.toLocaleString("en-GB")} ${k}`).join(", ") : "no national data (run npm run bench:data)";
  console.log(`National scale: ${held}. Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, load average ${os.loadavg()[0].toFixed(1)}; Node ${process.version}`);
  console.log(line({ measure: "measure", pglite: "PGlite", postgres: "PostgreSQL", target: "target" }));
  console.log(`|${"-".repeat(widths.measure + 2)}|${"-".repeat(widths.pglite + 2)}|${"-".repeat(widths.postgres + 2)}|${"-".repeat(widths.target + 2)}|`);
  for (const r of rows) console.log(line(r));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
