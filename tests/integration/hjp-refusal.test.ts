import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activityDataset, fundingDataset, servicesDataset, trainingDataset } from "../../app/domain/hjp/datasets";
import { templateFile } from "../../app/services/hjp/templates.server";
import type { Importer } from "../../importers/shared/importer";
import { formatSummary, LoadRowErrors, runImport } from "../../importers/shared/run-import";
import { createTestDb, snapshotTables, type TestDatabase } from "../db";
import { datasetCsv, example, fillXlsxTemplate, importFile, registerOrganisation, tempDir } from "../fixtures/hjp-setup";

describe("HJP uploads with direct identifiers", () => {
  let database: TestDatabase;
  const files = tempDir();

  // Refusal happens before any reference is looked up, so an empty database will do
  // (and its snapshot, every table's rows and checksum, is quick to take).
  beforeAll(async () => {
    database = await createTestDb();
    await registerOrganisation(database);
    const services = await importFile(database, "hjp-services", files.write("services.csv", datasetCsv(servicesDataset, [example(servicesDataset)])));
    expect(services.status).toBe("loaded");
  });
  afterAll(async () => {
    await database.cleanup();
    files.remove();
  });

  it("refuses an activity upload with a patient_name column, naming the column and why, and leaves the database unchanged", async () => {
    const csv = datasetCsv(activityDataset, [example(activityDataset)]).replace(/^provider_org_id,/, "patient_name,provider_org_id,").replace(/\r\nGB-CHC/g, "\r\nAda Lovelace,GB-CHC");
    const before = await snapshotTables(database);
    const summary = await importFile(database, "hjp-activity", files.write("activity-with-names.csv", csv));
    expect(summary.status).toBe("failed");
    expect(summary.rowsRead).toBe(0);
    expect(summary.rowsLoaded).toBe(0);
    expect(summary.errors).toEqual([
      {
        line: 1,
        column: "patient_name",
        message:
          'column "patient_name" looks like a direct identifier (a person\'s name). HJP data must be pseudonymised: files with names, NHS numbers, dates of birth, addresses, full postcodes or contact details are refused before any row is read, and nothing is stored. Remove the column and upload the file again.',
      },
    ]);
    expect(formatSummary(summary)).toContain('line 1, column "patient_name": column "patient_name" looks like a direct identifier');
    expect(await snapshotTables(database)).toEqual(before);
  });

  it("refuses the same column in a filled Excel template", async () => {
    const template = (await templateFile("hjp-activity.xlsx"))!.body as ArrayBuffer;
    const ExcelJS = (await import("exceljs")).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await fillXlsxTemplate(template, [example(activityDataset)]));
    workbook.worksheets[0].getCell(1, activityDataset.list.length + 1).value = "Patient Name";
    workbook.worksheets[0].getCell(2, activityDataset.list.length + 1).value = "Ada Lovelace";
    const before = await snapshotTables(database);
    const summary = await importFile(database, "hjp-activity", files.write("activity-with-names.xlsx", await workbook.xlsx.writeBuffer()));
    expect(summary.errors).toEqual([expect.objectContaining({ line: 1, column: "Patient Name" })]);
    expect(await snapshotTables(database)).toEqual(before);
  });

  const datasets = { "hjp-activity": activityDataset, "hjp-services": servicesDataset, "hjp-training": trainingDataset, "hjp-funding": fundingDataset };
  it.each([
    ["hjp-activity", "NHS_No"],
    ["hjp-activity", "dob"],
    ["hjp-activity", "Client Name"],
    ["hjp-activity", "postcode"],
    ["hjp-services", "contact_email"],
    ["hjp-training", "attendee_name"],
    ["hjp-funding", "contact_telephone"],
  ] as const)("%s refuses a %j column and writes nothing", async (source, column) => {
    const dataset = datasets[source];
    const csv = datasetCsv(dataset, [example(dataset)]).replace(/\r\n/, `,${column}\r\n`).replace(/\r\n$/, ",x\r\n");
    const before = await snapshotTables(database);
    const summary = await importFile(database, source, files.write(`${source}-${column}.csv`, csv));
    expect(summary.status).toBe("failed");
    expect(summary.errors).toEqual([expect.objectContaining({ line: 1, column })]);
    expect(await snapshotTables(database)).toEqual(before);
  });

  it("refuses a full postcode in the outward-code column as a row error, writing nothing", async () => {
    const rows = [example(activityDataset, { client_outward_code: "M14" }), example(activityDataset, { episode_ref: "CASE-2", client_outward_code: "M14 5RX" })];
    const before = await snapshotTables(database);
    const summary = await importFile(database, "hjp-activity", files.write("full-postcode.csv", datasetCsv(activityDataset, rows)));
    expect(summary.status).toBe("failed");
    expect(summary.errors).toEqual([
      {
        line: 3,
        column: "client_outward_code",
        message: "is a full postcode: give only the outward code, the part before the space (e.g. M14); full postcodes are direct identifiers and are not stored",
      },
    ]);
    expect(await snapshotTables(database)).toEqual(before);
  });

  describe("the runner's hooks", () => {
    let rowsParsed = 0;
    const probe: Importer<{ line: number }> = {
      source: "probe",
      description: "a parser that refuses a header and a load step that refuses rows",
      parser: {
        format: "csv",
        requiredColumns: ["ref"],
        allowExtraColumns: true,
        refuseHeaders: (header) => header.filter((h) => h === "secret").map((column) => ({ column, message: "refused" })),
        parseRow: (_values, line) => {
          rowsParsed++;
          return { kind: "ok", record: { line } };
        },
      },
      createLoader: () => ({
        async loadBatch(records) {
          if (records.some((r) => r.line === 3)) throw new LoadRowErrors([{ line: 3, column: "ref", message: "no such thing" }]);
        },
        finish: async () => ({ rowsLoaded: 0 }),
      }),
    };

    it("refuse a file on its header without reading a row", async () => {
      const summary = await runImport({ database, importer: probe, filePath: files.write("probe-secret.csv", "ref,secret\na,b\n") });
      expect(summary).toMatchObject({ status: "failed", rowsRead: 0, errors: [{ line: 1, column: "secret", message: "refused" }] });
      expect(rowsParsed).toBe(0);
    });

    it("list the row errors a load step finds, as failures", async () => {
      const summary = await runImport({ database, importer: probe, filePath: files.write("probe-rows.csv", "ref\na\nb\n") });
      expect(summary).toMatchObject({ status: "failed", rowsLoaded: 0, errors: [{ line: 3, column: "ref", message: "no such thing" }] });
    });
  });
});
