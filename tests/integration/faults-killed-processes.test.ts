import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { freePort } from "../setup/free-port";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { adminUrl, testDatabaseUrl, withDatabase } from "../db-urls";
import { snapshotTables } from "../db";

/**
 * Processes die without warning (the OOM killer, a power cut, `kill -9`). These tests
 * kill real child processes with SIGKILL — no handler runs — and check what is left.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hjp-kill-"));
const IMD_FILE = "importers/reference-data/deprivation/mhclg_iod2025_lsoa21_scores_ranks_deciles.csv.gz";

type Child = ReturnType<typeof spawn>;
const killGroup = (child: Child, signal: NodeJS.Signals) => {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // the whole group has already gone
  }
};
/** Every process group started here, so none outlives the test file. */
const started: Child[] = [];
function run(args: string[], env: Record<string, string>): { child: Child; output: () => string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> } {
  // Its own process group: tsx runs the script in a child node process, and SIGKILL
  // must reach that one too (a killed parent would leave it running, holding the lock).
  const child = spawn("node_modules/.bin/tsx", args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  started.push(child);
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  return { child, output: () => output, exited };
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 300_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Opens the database once the killed processes are gone (a live holder keeps its lock). */
async function openWhenReleased<T>(open: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await open();
    } catch (error) {
      if ((error as Error).name !== "DatabaseLockedError" || i >= 100) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

describe("processes killed with SIGKILL", () => {
  const admin = testDatabaseUrl() ? postgres(adminUrl(testDatabaseUrl()!), { onnotice: () => {}, max: 1 }) : null;
  const created: string[] = [];

  beforeAll(() => {
    if (!fs.existsSync("build/index.js")) expect(spawnSync("node_modules/.bin/remix", ["build"], { stdio: "ignore" }).status).toBe(0);
  });
  afterAll(async () => {
    for (const child of started) killGroup(child, "SIGKILL");
    for (const name of created) await admin!.unsafe(`drop database if exists ${name} with (force)`);
    await admin?.end();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Environment for a child process and a way to open the same database here. */
  async function target(driver: "pglite" | "postgres", name: string): Promise<{ env: Record<string, string>; open: () => ReturnType<typeof openDatabase> }> {
    if (driver === "postgres") {
      const db = `hjp_kill_${name}_${process.pid}`;
      await admin!.unsafe(`drop database if exists ${db} with (force)`);
      await admin!.unsafe(`create database ${db}`);
      created.push(db);
      const url = withDatabase(testDatabaseUrl()!, db);
      return { env: { DATABASE_URL: url }, open: () => openDatabase({ url }) };
    }
    const dataDir = path.join(dir, name);
    return { env: { DATABASE_URL: "", PGLITE_DIR: dataDir }, open: () => openDatabase({ url: "", dataDir }) };
  }

  const drivers = testDatabaseUrl() ? (["pglite", "postgres"] as const) : (["pglite"] as const);

  it.each(drivers)("an import killed half-way through leaves no partial rows, and the next import loads (%s)", async (driver) => {
    const t = await target(driver, `import_${driver}`);
    const empty = await t.open();
    const before = await snapshotTables(empty);
    await empty.close();

    const importer = run(["importers/cli.ts", "imd2025-lsoa", IMD_FILE], t.env);
    // Progress lines come as the file is read; rows are loaded in batches as they are
    // read, inside one transaction, so half-way through reading is mid-load.
    await waitFor(() => /imd2025-lsoa: [5-9]0% read/.test(importer.output()) || importer.child.exitCode !== null, "the import to pass half-way");
    expect(importer.child.exitCode, importer.output()).toBeNull();
    killGroup(importer.child, "SIGKILL");
    expect((await importer.exited).signal).toBe("SIGKILL");

    const after = await openWhenReleased(t.open);
    try {
      expect(await snapshotTables(after)).toEqual(before);
    } finally {
      await after.close();
    }

    // The killed process's lock (embedded) or connection (server) does not block the next run.
    const again = run(["importers/cli.ts", "imd2025-lsoa", IMD_FILE], t.env);
    expect((await again.exited).code, again.output()).toBe(0);
    const loaded = await t.open();
    try {
      const runs = await loaded.rows<{ source: string; rows_loaded: number }>("select source, rows_loaded from import_runs");
      expect(runs).toHaveLength(1);
      expect(runs[0]!.source).toBe("imd2025-lsoa");
      expect(runs[0]!.rows_loaded).toBeGreaterThan(30_000);
    } finally {
      await loaded.close();
    }
  }, 600_000);

  it("the embedded database survives a killed server and reopens with its data", async () => {
    const t = await target("pglite", "server");
    const port = await freePort();
    const env = { ...t.env, NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(port), SKIP_REFERENCE_DATA: "1" };
    const start = () => {
      const server = run(["app/server/main.ts"], env);
      const ready = waitFor(async () => {
        // A server that exited will never answer: say why at once rather than wait out the timeout.
        if (server.child.exitCode !== null || server.child.signalCode !== null) throw new Error(`the server exited before answering:\n${server.output()}`);
        try {
          return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
        } catch {
          return false;
        }
      }, "the server to answer /healthz").catch((error: Error) => {
        throw new Error(`${error.message}\n${server.output().slice(-3000)}`);
      });
      return { ...server, ready };
    };

    const first = start();
    await first.ready;
    killGroup(first.child, "SIGKILL");
    expect((await first.exited).signal).toBe("SIGKILL");

    // Opened directly: the stale lock of a dead process is taken over, and the demo
    // accounts written by the first start are there.
    // SIGKILL reaches the group at once but the kernel ends each process in its own time.
    const reopened = await openWhenReleased(t.open);
    const [{ n }] = await reopened.rows<{ n: number }>("select count(*)::int as n from users");
    await reopened.close();
    expect(n).toBeGreaterThan(0);

    // And the server starts on it again.
    const second = start();
    await second.ready;
    const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { database: unknown };
    expect(JSON.stringify(health)).toMatch(/pglite/);
    // Graceful shutdown is server-lifecycle.test.ts's subject; here the group just goes.
    killGroup(second.child, "SIGKILL");
    await second.exited;
  }, 600_000);
});
