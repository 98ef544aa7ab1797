import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fundingDataset, servicesDataset, trainingDataset } from "../../app/domain/hjp/datasets";
import { listAwardsForOrganisation } from "../../app/services/hjp/funding.server";
import { findService, listServicesForIcb } from "../../app/services/hjp/services.server";
import { listTrainingForService } from "../../app/services/hjp/training.server";
import { createTestDb, type TestDatabase } from "../db";
import { datasetCsv, example, importFile, ORG_ID, registerOrganisation, snapshotHjpTables, tempDir } from "../fixtures/hjp-setup";

describe("the hjp-services, hjp-training and hjp-funding importers", () => {
  let database: TestDatabase;
  let organisationId: number;
  const files = tempDir();
  let n = 0;
  const load = (source: string, dataset: typeof servicesDataset | typeof trainingDataset | typeof fundingDataset, rows: Record<string, string>[]) =>
    importFile(database, source, files.write(`${source}-${++n}.csv`, datasetCsv(dataset, rows)));

  beforeAll(async () => {
    database = await createTestDb({ withReferenceData: true });
    organisationId = await registerOrganisation(database);
  });
  afterAll(async () => {
    await database.cleanup();
    files.remove();
  });

  it("adds a service, then updates it in place (same id) with its sites and footprint replaced", async () => {
    expect((await load("hjp-services", servicesDataset, [example(servicesDataset)])).status).toBe("loaded");
    const first = (await findService({ db: database.db, providerOrgId: ORG_ID, serviceRef: "SALFORD-GP" }))!;
    const summary = await load("hjp-services", servicesDataset, [example(servicesDataset, { service_ref: "salford-gp", sites: "gp-practice:P87020; remote", areas_served: "E08000006", adviser_fte: "3" })]);
    expect(summary.notes).toEqual(["1 service added or updated"]);
    const [service] = await listServicesForIcb({ db: database.db, icbCode: "E54000057" });
    expect(service).toMatchObject({
      id: first.id,
      adviserFte: 3,
      sites: [
        { setting: "gp-practice", odsCode: "P87020" },
        { setting: "remote", odsCode: null },
      ],
      areasServed: [{ code: "E08000006", level: "place" }],
    });
  });

  it("serves a whole ICB when given its code", async () => {
    await load("hjp-services", servicesDataset, [example(servicesDataset, { service_ref: "GM-WIDE", areas_served: "E54000057", sites: "remote", delivery_model: "remote" })]);
    expect((await findService({ db: database.db, providerOrgId: ORG_ID, serviceRef: "GM-WIDE" }))!.areasServed).toEqual([{ code: "E54000057", level: "icb" }]);
  });

  it("names the line and column of an unknown provider, an ICB that is not one, and a footprint outside the ICB", async () => {
    const before = await snapshotHjpTables(database);
    const summary = await load("hjp-services", servicesDataset, [
      example(servicesDataset, { service_ref: "OK" }),
      example(servicesDataset, { service_ref: "X1", provider_org_id: "GB-CHC-9999999" }),
      example(servicesDataset, { service_ref: "X2", icb_code: "E54999999", areas_served: "E54999999" }),
      // Trafford's Primary Care Network is in Greater Manchester; Lancashire's E54000048 is not this ICB.
      example(servicesDataset, { service_ref: "X3", areas_served: "U66368; E54000048" }),
    ]);
    expect(summary.errors).toEqual([
      { line: 3, column: "provider_org_id", message: "no organisation with the 360Giving identifier GB-CHC-9999999 is registered: an administrator adds it under Organisations" },
      { line: 4, column: "icb_code", message: "E54999999 is not an integrated care board" },
      { line: 4, column: "areas_served", message: "E54999999 is not a neighbourhood, place or ICB code of E54999999" },
      { line: 5, column: "areas_served", message: "E54000048 is not a neighbourhood, place or ICB code of E54000057" },
    ]);
    expect(await snapshotHjpTables(database)).toEqual(before);
  });

  it("loads training by service, quarter and site, replacing a row sent again", async () => {
    const service = (await findService({ db: database.db, providerOrgId: ORG_ID, serviceRef: "SALFORD-GP" }))!;
    await load("hjp-training", trainingDataset, [example(trainingDataset), example(trainingDataset, { site_ods_code: "", sessions_delivered: "1", attendees_gp: "0" })]);
    await load("hjp-training", trainingDataset, [example(trainingDataset, { attendees_gp: "7" })]);
    expect((await listTrainingForService({ db: database.db, serviceId: service.id })).map((t) => [t.siteOdsCode, t.sessionsDelivered, t.attendeesGp])).toEqual([
      ["P87020", 2, 7],
      [null, 1, 0],
    ]);
  });

  it("names the line and column of training for an unknown service, writing nothing", async () => {
    const before = await snapshotHjpTables(database);
    const summary = await load("hjp-training", trainingDataset, [example(trainingDataset), example(trainingDataset, { service_ref: "GHOST", site_ods_code: "P87024" })]);
    expect(summary.errors).toEqual([{ line: 3, column: "service_ref", message: "GB-CHC-1000001 has no service GHOST: load it with hjp-services first" }]);
    expect(await snapshotHjpTables(database)).toEqual(before);
  });

  it("loads funding awards idempotently by grant identifier", async () => {
    const rows = [example(fundingDataset), example(fundingDataset, { grant_id: "360G-QOP-HJP-2025-002", service_ref: "", amount_awarded: "25000", amount_disbursed: "" })];
    await load("hjp-funding", fundingDataset, rows);
    const first = await listAwardsForOrganisation({ db: database.db, organisationId });
    await load("hjp-funding", fundingDataset, rows);
    expect(await listAwardsForOrganisation({ db: database.db, organisationId })).toEqual(first);
    expect(first.map((a) => [a.grantId, a.amountAwardedPence, a.serviceRef])).toEqual([
      ["360G-QOP-HJP-2025-001", 18_000_000, "SALFORD-GP"],
      ["360G-QOP-HJP-2025-002", 2_500_000, null],
    ]);
  });

  it("names the line and column of an award to an unknown recipient or service, writing nothing", async () => {
    const before = await snapshotHjpTables(database);
    const summary = await load("hjp-funding", fundingDataset, [
      example(fundingDataset, { grant_id: "360G-A", recipient_org_id: "GB-COH-00000000" }),
      example(fundingDataset, { grant_id: "360G-B", service_ref: "GHOST" }),
    ]);
    expect(summary.errors).toEqual([
      { line: 2, column: "recipient_org_id", message: "no organisation with the 360Giving identifier GB-COH-00000000 is registered: an administrator adds it under Organisations" },
      { line: 3, column: "service_ref", message: "GB-CHC-1000001 has no service GHOST: load it with hjp-services first" },
    ]);
    expect(await snapshotHjpTables(database)).toEqual(before);
  });

  it("refuses the same award twice in one file", async () => {
    const summary = await load("hjp-funding", fundingDataset, [example(fundingDataset), example(fundingDataset)]);
    expect(summary.errors).toEqual([{ line: 3, message: "duplicate key 360G-QOP-HJP-2025-001 (first seen on line 2)" }]);
  });
});
