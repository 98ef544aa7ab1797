import cluster from "node:cluster";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { type Database, openDatabase } from "../../db/client";
import { DatabaseLockedError } from "../../db/lock";
import { newQueryClock, runWithQueryClock } from "../../db/query-timing";
import { bootstrap } from "./bootstrap";
import { DatabaseHealth } from "./database-health";
import { UNAVAILABLE_HTML } from "./unavailable-page";
import { loadServerConfig, type ServerConfig } from "./config";
import { PageCache } from "./page-cache";
import { type OfferPage, pageCacheMiddleware } from "./page-cache-middleware";
import { nonceMiddleware, sameOriginGuard, securityHeaders } from "./security";
import { NHSUK_ASSETS_DIR, nhsukStylesheet } from "./static-assets";

/**
 * WEB_CONCURRENCY > 1 on PostgreSQL: this process prepares the database once (migrations,
 * reference and demo data), then forks that many workers sharing the port (node:cluster),
 * restarts any that die, and passes SIGTERM/SIGINT on. Each worker is the ordinary server
 * without the preparation. The app keeps nothing in memory that another worker needs (the
 * page cache is a copy each renders for itself), so any worker can answer any request.
 * `npm run bench` measures it under load.
 */
async function primary(config: ServerConfig) {
  const database = await openDatabase({ url: config.databaseUrl, purpose: "the web server" });
  console.log(`Database: ${database.driver} at ${database.location} (migrated)`);
  await bootstrap({ database, config, log: (line) => console.log(line) });
  await database.close();
  let stopping = false;
  for (let i = 0; i < config.webConcurrency; i++) cluster.fork({ HJP_CLUSTER_WORKER: "1" });
  console.log(`Started ${config.webConcurrency} server processes (WEB_CONCURRENCY)`);
  for (const line of config.startupNotes) console.log(line);
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(0);
      return;
    }
    console.error(`Server process ${worker.process.pid} ended (${signal ?? code}); starting another`);
    cluster.fork({ HJP_CLUSTER_WORKER: "1" });
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: closing ${Object.keys(cluster.workers ?? {}).length} server processes`);
    setTimeout(() => process.exit(1), 12_000).unref();
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}

async function main() {
  const config = loadServerConfig(process.env);
  if (config.webConcurrency > 1 && !config.databaseUrl) console.warn("WEB_CONCURRENCY is ignored with the embedded database: it belongs to one process. Set DATABASE_URL to run several.");
  else if (config.webConcurrency > 1 && cluster.isPrimary) return primary(config);
  const worker = process.env.HJP_CLUSTER_WORKER === "1";
  const startedAt = new Date().toISOString();
  const t0 = performance.now();

  let database: Database;
  try {
    database = await openDatabase({ url: config.databaseUrl, dataDir: config.pgliteDir, purpose: "the web server" });
  } catch (error) {
    if (error instanceof DatabaseLockedError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  console.log(`Database: ${database.driver} at ${database.location} (migrated)`);

  // A cluster worker's database was prepared by the primary process.
  if (!worker) await bootstrap({ database, config, log: (line) => console.log(line) });

  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  const app = express();
  app.disable("x-powered-by");
  app.use(compression());
  app.use(nonceMiddleware);
  app.use(securityHeaders);
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use("/assets", express.static(NHSUK_ASSETS_DIR, { maxAge: "1d" }));
  const stylesheet = nhsukStylesheet();
  app.get("/styles/nhsuk-frontend.css", (_req, res) => {
    res.set("Cache-Control", "public, max-age=3600").set("ETag", stylesheet.etag).type("text/css").send(stylesheet.css);
  });
  app.use(express.static("public", { maxAge: "1h" }));
  app.use(sameOriginGuard);
  const health = new DatabaseHealth(database);
  // While the database is known to be down, answer at once with a clear 503 rather
  // than queueing requests behind a dead connection; /healthz still checks for itself.
  app.use((req, res, next) => {
    if (!health.down || req.path === "/healthz") return next();
    res.status(503).set("Retry-After", "10").set("Cache-Control", "no-store");
    if (req.accepts(["html", "json"]) === "json" || req.path.startsWith("/api/") || "_data" in req.query) {
      return res.json({ error: "The database cannot be reached just now. Try again in a few minutes." });
    }
    return res.type("html").send(UNAVAILABLE_HTML);
  });
  // Server-Timing on every page: time in SQL and the whole handler up to the headers
  // (loaders have finished by then), so operators and `npm run bench` can see where time goes.
  app.use((_req, res, next) => {
    const clock = newQueryClock();
    const started = performance.now();
    const writeHead = res.writeHead;
    res.writeHead = function timedWriteHead(this: typeof res, ...args: Parameters<typeof res.writeHead>) {
      if (!res.headersSent) {
        const ours = `db;desc="SQL (${clock.queries} queries)";dur=${clock.sqlMs.toFixed(1)}, handler;desc="Until headers";dur=${(performance.now() - started).toFixed(1)}`;
        const theirs = res.getHeader("Server-Timing");
        res.setHeader("Server-Timing", theirs ? `${String(theirs)}, ${ours}` : ours);
      }
      return writeHead.apply(this, args);
    } as typeof res.writeHead;
    runWithQueryClock(clock, next);
  });
  const secureCookies = config.production && !config.demo;
  const pageCache = new PageCache(config.pageCacheBytes);
  app.use(pageCacheMiddleware(pageCache, { db: database.db, sessionSecret: config.sessionSecret, secureCookies }));
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV,
      getLoadContext: (req, res) => ({
        database,
        db: database.db,
        nonce: res.locals.nonce as string,
        startedAt,
        sessionSecret: config.sessionSecret,
        secureCookies,
        demo: config.demo,
        clientAddress: req.ip ?? "unknown",
        reportDatabaseUnavailable: () => health.markDown(),
        isDatabaseDown: () => health.down,
        offerPage: res.locals.offerPage as OfferPage | undefined,
        pageCacheStats: () => pageCache.stats(),
      }),
    }),
  );

  const server = app.listen(config.port, config.host, () => {
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(`Serving http://localhost:${config.port} (ready in ${seconds} s)`);
    for (const line of config.startupNotes) console.log(line);
  });
  // Clients reuse idle connections; Node closes them after 5 s, and a request sent just as
  // one closes fails with ECONNRESET. Outlive the idle limits of browsers and proxies.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  // remix-serve alone never exits once a database is open (stack.md, gotcha 10):
  // close the listener and the database, then exit. Registered once per process.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: closing`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close(async () => {
      health.stop();
      await database.close().catch(() => {});
      process.exit(0);
    });
    server.closeIdleConnections?.();
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
