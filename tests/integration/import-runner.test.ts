import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { bulkInsert } from "../../importers/shared/bulk";
import type { Importer } from "../../importers/shared/importer";
import { runImport } from "../../importers/shared/run-import";
import { createTestDb, snapshotTables, type TestDatabase } from "../db";

// A minimal importer that exercises the shared runner: the real importers are tested
// beside their own code; this checks the framework's promises on its own.
type AreaRecord = { code: string; population: number };
const RowSchema = z.object({
  code: z.string().regex(/^E0[6-9]\d{6}$/, "is not an English local authority code (E06–E09 followed by 6 digits)"),
  population: z.string().regex(/^\d+$/, "is not a whole number"),
});
const fixtureImporter: Importer<AreaRecord> = {
  source: "fixture-areas",
  description: "test areas",
  batchSize: 2,
  parser: {
    format: "csv",
    requiredColumns: ["code", "population"],
    parseRow(values) {
      if (values.code.startsWith("W")) return { kind: "skip", reason: "Welsh authority: out of scope" };
      const parsed = RowSchema.safeParse(values);
      if (!parsed.success) {
        return { kind: "error", errors: parsed.error.issues.map((i) => ({ column: String(i.path[0]), message: `"${(values as Record<string, string>)[String(i.path[0])]}" ${i.message}` })) };
      }
      return { kind: "ok", record: { code: parsed.data.code, population: Number(parsed.data.population) } };
    },
    key: (r) => r.code,
  },
  async createLoader({ tx }) {
    await tx.execute(sql`delete from fixture_areas`);
    let n = 0;
    return {
      async loadBatch(records) {
        await bulkInsert(tx, "fixture_areas", [{ name: "code", type: "text" }, { name: "population", type: "integer" }], records);
        n += records.length;
      },
      finish: async () => ({ rowsLoaded: n }),
    };
  },
};

describe("the importer runner", () => {
  let database: TestDatabase;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hjp-import-"));
  const write = (name: string, text: string | Buffer) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const run = (file: string, extra: { dryRun?: boolean } = {}) => runImport({ database, importer: fixtureImporter, filePath: file, ...extra });

  beforeAll(async () => {
    database = await createTestDb();
    await database.rows("create table fixture_areas (code text primary key, population integer not null)");
  });
  afterAll(async () => {
    await database.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("loads a clean file, counts rows skipped by rule and records the run", async () => {
    const file = write("good.csv", "\uFEFFcode,population\nE06000001,100\nW06000001,5\nE08000003,300\nE09000001,9\n");
    const summary = await run(file);
    expect(summary.status).toBe("loaded");
    expect(summary.rowsRead).toBe(4);
    expect(summary.rowsLoaded).toBe(3);
    expect(summary.skipped).toEqual({ "Welsh authority: out of scope": 1 });
    const rows = await database.rows<{ code: string; population: number }>("select * from fixture_areas order by code");
    expect(rows).toEqual([
      { code: "E06000001", population: 100 },
      { code: "E08000003", population: 300 },
      { code: "E09000001", population: 9 },
    ]);
    const runs = await database.rows<{ source: string; rows_loaded: number }>("select source, rows_loaded from import_runs");
    expect(runs).toEqual([{ source: "fixture-areas", rows_loaded: 3 }]);
  });

  it("gives the same table when the same file is loaded twice", async () => {
    const before = await database.rows("select * from fixture_areas order by code");
    const summary = await run(path.join(dir, "good.csv"));
    expect(summary.status).toBe("loaded");
    expect(await database.rows("select * from fixture_areas order by code")).toEqual(before);
  });

  it("reads gzipped files", async () => {
    const file = write("good.csv.gz", gzipSync("code,population\nE06000002,7\n"));
    const summary = await run(file);
    expect(summary.rowsLoaded).toBe(1);
    await run(path.join(dir, "good.csv"));
  });

  it("lists every problem in a malformed file with its line and column, and writes nothing", async () => {
    const before = await snapshotTables(database);
    const file = write(
      "bad.csv",
      [
        "code,population",
        "E06000001,100",
        "E06000002,ten", // line 3: non-numeric
        "X1234,5", // line 4: code fits no pattern
        "E06000001,7", // line 5: duplicate key
        "E06000004", // line 6: missing column
        "E06000005,1,extra", // line 7: extra column
        ...Array.from({ length: 10 }, (_, i) => `E0700000${i},${i}`), // enough good rows to fill batches
      ].join("\n"),
    );
    const summary = await run(file);
    expect(summary.status).toBe("failed");
    expect(summary.rowsLoaded).toBe(0);
    expect(summary.errors).toEqual([
      { line: 3, column: "population", message: '"ten" is not a whole number' },
      { line: 4, column: "code", message: '"X1234" is not an English local authority code (E06–E09 followed by 6 digits)' },
      { line: 5, message: "duplicate key E06000001 (first seen on line 2)" },
      { line: 6, message: "expected 2 columns, found 1" },
      { line: 7, message: "expected 2 columns, found 3" },
    ]);
    expect(await snapshotTables(database)).toEqual(before);
  });

  it("refuses a file whose header lacks a required column or has an unknown one", async () => {
    const before = await snapshotTables(database);
    const summary = await run(write("header.csv", "code,people\nE06000001,1\n"));
    expect(summary.status).toBe("failed");
    expect(summary.errors).toEqual([
      { line: 1, column: "population", message: 'required column "population" is missing' },
      { line: 1, column: "people", message: 'unexpected column "people"' },
    ]);
    expect(await snapshotTables(database)).toEqual(before);
  });

  it("reports the line a record starts on when a quoted cell spans lines", async () => {
    const summary = await run(write("quoted.csv", 'code,population\n"E06000001",1\n"E06\n000002",2\nE06000003,x\n'));
    expect(summary.errors.map((e) => e.line)).toEqual([3, 5]);
  });

  it("checks everything but writes nothing on a dry run", async () => {
    const before = await snapshotTables(database);
    const summary = await run(write("dry.csv", "code,population\nE06000009,1\n"), { dryRun: true });
    expect(summary.status).toBe("dry-run");
    expect(summary.rowsLoaded).toBe(1);
    expect(await snapshotTables(database)).toEqual(before);
  });

  it("reports an empty file", async () => {
    const summary = await run(write("empty.csv", ""));
    expect(summary.status).toBe("failed");
    expect(summary.errors[0].message).toMatch(/empty/);
  });
});
