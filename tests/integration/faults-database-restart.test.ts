import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * A private PostgreSQL cluster, made and run as the postgres user on its own port, so
 * the shared server at 5432 is never touched while this one is stopped and restarted.
 */
const PORT = 5400 + (process.pid % 90);
const binDir = (() => {
  const root = "/usr/lib/postgresql";
  const version = fs.readdirSync(root).sort().at(-1)!;
  return path.join(root, version, "bin");
})();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hjp-pgfault-"));
const dataDir = path.join(dir, "data");
const asPostgres = (cmd: string) => execFileSync("su", ["postgres", "-s", "/bin/sh", "-c", cmd], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
const pgCtl = (action: "start" | "stop") =>
  asPostgres(`${binDir}/pg_ctl -D ${dataDir} -l ${dir}/postgres.log -w -t 60 ${action === "start" ? `-o "-p ${PORT} -k ${dir} -c listen_addresses=127.0.0.1"` : "-m fast"} ${action}`);

let server: ReturnType<typeof spawn> | null = null;
let output = "";
const appPort = 3700 + (process.pid % 90);
const get = async (p: string) => {
  try {
    const res = await fetch(`http://127.0.0.1:${appPort}${p}`);
    return { status: res.status, body: await res.text() };
  } catch (error) {
    // A dropped connection says nothing by itself: the server's own log is the evidence.
    throw new Error(`GET ${p} failed: ${(error as Error).message} (${String((error as Error).cause ?? "")})\nserver output:\n${output}`);
  }
};
async function until(check: () => Promise<boolean>, seconds: number) {
  for (let i = 0; i < seconds * 4; i++) {
    if (await check().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

describe("a PostgreSQL restart while the server runs", () => {
  beforeAll(() => {
    fs.chmodSync(dir, 0o777);
    asPostgres(`${binDir}/initdb -D ${dataDir} -A trust -U postgres --no-sync > ${dir}/initdb.log 2>&1`);
    pgCtl("start");
    asPostgres(`${binDir}/createdb -h 127.0.0.1 -p ${PORT} -U postgres hjp`);
    if (!fs.existsSync("build/index.js")) execFileSync("node_modules/.bin/remix", ["build"]);
  }, 180_000);

  afterAll(() => {
    // tsx runs the server as its child: kill the whole group, or the server outlives the test.
    if (server?.pid) {
      try {
        process.kill(-server.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    try {
      pgCtl("stop");
    } catch {
      // already stopped by a failed test
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("gives clear 503 pages while the database is down and recovers without a restart", async () => {
    server = spawn("node_modules/.bin/tsx", ["app/server/main.ts"], {
      env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(appPort), DATABASE_URL: `postgres://postgres@127.0.0.1:${PORT}/hjp`, DEMO: "1", SKIP_REFERENCE_DATA: "1" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    server.stdout!.on("data", (d) => (output += d));
    server.stderr!.on("data", (d) => (output += d));
    expect(await until(async () => (await get("/healthz")).status === 200, 120), output).toBe(true);
    expect((await get("/")).status).toBe(200);

    pgCtl("stop");
    const health = await get("/healthz");
    expect(health.status).toBe(503);
    expect(JSON.parse(health.body)).toMatchObject({ status: "unavailable", database: { reachable: false } });
    // The first page to hit the dead connection is itself a 503; the ones after it get
    // the "service unavailable" page at once.
    const first = await get("/");
    expect(first.status, output).toBe(503);
    const page = await get("/");
    expect(page.status).toBe(503);
    expect(page.body).toContain("Sorry, the service is unavailable");

    pgCtl("start");
    expect(await until(async () => (await get("/")).status === 200, 60), output).toBe(true);
    expect((await get("/healthz")).status).toBe(200);
    expect(server.exitCode).toBeNull();
    expect(output).toContain("Database reachable again");
  }, 300_000);
});
