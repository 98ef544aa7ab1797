import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { DatabaseLockedError } from "../../db/lock";
import { importRuns } from "../../db/schema/index";
import { createTestDb, type TestDatabase } from "../db";

describe("the database layer", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDb();
  });
  afterAll(async () => {
    await database.cleanup();
  });

  it("applies every committed migration", async () => {
    const journal = JSON.parse(fs.readFileSync("db/migrations/meta/_journal.json", "utf8")) as { entries: unknown[] };
    const [row] = await database.rows<{ n: number }>("select count(*)::int as n from drizzle.__drizzle_migrations");
    expect(row.n).toBe(journal.entries.length);
  });

  it("runs the same typed queries and rolls back a failed transaction", async () => {
    const now = new Date("2026-01-01T00:00:00Z");
    await expect(
      database.db.transaction(async (tx) => {
        await tx.insert(importRuns).values({ source: "x", fileName: "a.csv", sha256: "0", rowsRead: 1, rowsLoaded: 1, startedAt: now, finishedAt: now });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const rows = await database.db.select().from(importRuns);
    expect(rows).toHaveLength(0);
    await database.db.insert(importRuns).values({ source: "x", fileName: "a.csv", sha256: "0", rowsRead: 1, rowsLoaded: 1, startedAt: now, finishedAt: now });
    const [count] = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from import_runs`).then((r) =>
      Array.isArray(r) ? r : (r as { rows: { n: number }[] }).rows,
    );
    expect(count.n).toBe(1);
  });
});

describe("the embedded database belongs to one process", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hjp-lock-"));
  const dataDir = path.join(dir, "pglite");

  it("refuses a second process with a message naming the holder", async () => {
    const first = await openDatabase({ url: "", dataDir, purpose: "the first test opener" });
    try {
      // A second process is simulated by a child that tries to open the same directory.
      const child = spawnSync(
        process.execPath,
        ["--import", "tsx", "-e", `import("./db/client.ts").then(m => m.openDatabase({ url: "", dataDir: ${JSON.stringify(dataDir)} })).then(() => { console.log("opened"); process.exit(0) }, e => { console.error(e.name + ": " + e.message); process.exit(3) })`],
        { encoding: "utf8", env: { ...process.env, DATABASE_URL: "" } },
      );
      expect(child.status).toBe(3);
      expect(child.stderr).toContain("DatabaseLockedError");
      expect(child.stderr).toContain("the first test opener");
      expect(child.stdout).not.toContain("opened");
    } finally {
      await first.close();
    }
  });

  it("lets the next process in once the holder has closed", async () => {
    const again = await openDatabase({ url: "", dataDir, purpose: "a later opener" });
    await again.close();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it("takes over a lock left by a process that died", async () => {
    fs.writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, purpose: "a killed server", since: "2026-01-01" }));
    const reopened = await openDatabase({ url: "", dataDir });
    await reopened.close();
  });

  it("names the live holder in the error", () => {
    const error = new DatabaseLockedError("/x", { pid: 1, purpose: "the web server", since: "now" });
    expect(error.message).toMatch(/in use by another process \(pid 1, the web server/);
  });
});
