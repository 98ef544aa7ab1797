/**
 * `npm run bench`: speed figures for both drivers, printed as a table. Each
 * capability adds its rows here. Benchmarks print figures; they never fail a build.
 */
import { spawnSync } from "node:child_process";
import postgres from "postgres";
import { activityBenchRows, activityImportBench } from "./activity-import";
import { BROWSER_TARGET_MS, DEMAND_MODEL_TARGET_MS, demandBrowserBench, demandServerBench } from "./demand";
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
    const icb = await timeRequests(`http://127.0.0.1:${port}/icb/E54000057`, 20, { Cookie: cookie });
    const demandPage = await timeRequests(`http://127.0.0.1:${port}/icb/E54000057/demand`, 10, { Cookie: cookie });
    const demandBrowser = await demandBrowserBench(port, cookie).catch((error: Error) => {
      console.warn(`Browser measurement skipped: ${error.message}`);
      return null;
    });
    return { startMs: server.startMs, bundleSeconds: bundle ? Number(bundle[1]) : null, home, icb, demandPage, demandBrowser };
  } finally {
    await server.stop();
  }
}

async function main() {
  console.log("Building…");
  if (spawnSync("node_modules/.bin/remix", ["build"], { stdio: "inherit" }).status !== 0) process.exit(1);

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
    measure: "ICB page (Greater Manchester), median of 20",
    pglite: ms(lite.icb.median),
    postgres: pg ? ms(pg.icb.median) : "n/a",
    target: "< 150 ms",
  });
  rows.push({
    measure: "home page server time, median of 20",
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
    measure: "demand page (Greater Manchester), median of 10",
    pglite: ms(lite.demandPage.median),
    postgres: pg ? ms(pg.demandPage.median) : "n/a",
    target: "",
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

  const widths = { measure: 48, pglite: 12, postgres: 12, target: 10 };
  const line = (r: Row) => `| ${r.measure.padEnd(widths.measure)} | ${r.pglite.padStart(widths.pglite)} | ${r.postgres.padStart(widths.postgres)} | ${r.target.padEnd(widths.target)} |`;
  console.log();
  console.log(line({ measure: "measure", pglite: "PGlite", postgres: "PostgreSQL", target: "target" }));
  console.log(`|${"-".repeat(widths.measure + 2)}|${"-".repeat(widths.pglite + 2)}|${"-".repeat(widths.postgres + 2)}|${"-".repeat(widths.target + 2)}|`);
  for (const r of rows) console.log(line(r));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
