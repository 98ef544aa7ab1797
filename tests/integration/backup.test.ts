import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase, restoreDatabase, tablesInDependencyOrder } from "../../db/backup";
import { seedDemoAccounts } from "../../db/seed/demo-accounts";
import { ensureDemoHjp } from "../../db/seed/demo-hjp";
import { testDatabaseUrl } from "../db-urls";
import { createTestDb, snapshotTables, type TestDatabase } from "../db";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hjp-backup-"));
const file = path.join(dir, "backup.ndjson.gz");

describe("db:backup and db:restore", () => {
  let source: TestDatabase;
  let before: Awaited<ReturnType<typeof snapshotTables>>;

  beforeAll(async () => {
    source = await createTestDb({ withReferenceData: true });
    await seedDemoAccounts(source.db);
    await ensureDemoHjp(source, { today: "2026-10-01" });
    // Every table but the derived ones, which a restored database rebuilds when read.
    before = await snapshotTables(source, await tablesInDependencyOrder(source));
    await backupDatabase(source, file);
  }, 600_000);
  afterAll(async () => {
    await source?.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("a backup restored into an empty database holds every table exactly as it was", async () => {
    const target = await createTestDb();
    try {
      const summary = await restoreDatabase(target, file);
      const after = await snapshotTables(target, await tablesInDependencyOrder(target));
      expect(after).toEqual(before);
      expect(Object.keys(before)).toEqual(expect.arrayContaining(["hjp_episodes", "areas", "agreements", "return_versions"]));
      expect(summary.rows).toBe(Object.values(before).reduce((n, t) => n + t.rows, 0));
      // The demo data is not trivially small: the comparison covers real rows.
      expect(before.hjp_episodes?.rows ?? 0).toBeGreaterThan(1_000);
    } finally {
      await target.cleanup();
    }
  }, 600_000);

  it("ids keep counting after a restore, so new rows do not collide with restored ones", async () => {
    const target = await createTestDb();
    try {
      await restoreDatabase(target, file);
      const [{ max }] = await target.rows<{ max: number }>("select max(id)::int as max from users");
      const [{ id }] = await target.rows<{ id: number }>(
        "insert into users (email, name, role, password_hash) values ('new.person@example.org', 'New Person', 'admin', 'x') returning id",
      );
      expect(id).toBeGreaterThan(max);
    } finally {
      await target.cleanup();
    }
  }, 600_000);

  it("restoring into a database that holds rows is refused and changes nothing", async () => {
    const all = await snapshotTables(source);
    await expect(restoreDatabase(source, file)).rejects.toThrow(/needs an empty database.*users/);
    expect(await snapshotTables(source)).toEqual(all);
  });

  it("a truncated backup restores nothing and says where it broke", async () => {
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString("utf8").split("\n");
    const cut = path.join(dir, "cut.ndjson.gz");
    fs.writeFileSync(cut, zlib.gzipSync(lines.slice(0, Math.floor(lines.length * 0.8)).join("\n")));
    const target = await createTestDb();
    try {
      const empty = await snapshotTables(target);
      await expect(restoreDatabase(target, cut)).rejects.toThrow(/truncated in table \w+ after \d+ of \d+ rows/);
      expect(await snapshotTables(target)).toEqual(empty);
    } finally {
      await target.cleanup();
    }
  }, 600_000);

  it("a file that is not a backup is refused with a message saying so", async () => {
    const bogus = path.join(dir, "bogus.gz");
    fs.writeFileSync(bogus, zlib.gzipSync("name,value\nx,1\n"));
    const target = await createTestDb();
    try {
      await expect(restoreDatabase(target, bogus)).rejects.toThrow(/is not a backup made by db:backup/);
    } finally {
      await target.cleanup();
    }
  });

  it("tables are ordered parents before children", async () => {
    const order = await tablesInDependencyOrder(source);
    const edges = await source.rows<{ child: string; parent: string }>(
      `select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
         from pg_constraint c where c.contype = 'f' and c.conrelid <> c.confrelid`,
    );
    expect(edges.length).toBeGreaterThan(3);
    for (const e of edges) expect(order.indexOf(e.parent.replace(/"/g, ""))).toBeLessThan(order.indexOf(e.child.replace(/"/g, "")));
  });

  it.runIf(Boolean(testDatabaseUrl()))("a backup of the embedded database restores into PostgreSQL, and back", async () => {
    const embedded = await createTestDb({ driver: "pglite" });
    const server = await createTestDb({ driver: "postgres" });
    const again = await createTestDb({ driver: "pglite" });
    try {
      const one = path.join(dir, "one.ndjson.gz");
      const two = path.join(dir, "two.ndjson.gz");
      await restoreDatabase(embedded, file);
      await backupDatabase(embedded, one);
      await restoreDatabase(server, one);
      expect(await snapshotTables(server, Object.keys(before))).toEqual(before);
      await backupDatabase(server, two);
      await restoreDatabase(again, two);
      expect(await snapshotTables(again, Object.keys(before))).toEqual(before);
    } finally {
      await Promise.all([embedded.cleanup(), server.cleanup(), again.cleanup()]);
    }
  }, 600_000);
});
