import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activityDataset, fundingDataset, servicesDataset, trainingDataset } from "../../app/domain/hjp/datasets";
import { exampleRow } from "../../app/domain/hjp/templates";
import { getEpisodesForService } from "../../app/services/hjp/episodes.server";
import { listAwardsForOrganisation } from "../../app/services/hjp/funding.server";
import { listServicesForIcb } from "../../app/services/hjp/services.server";
import { templateFile } from "../../app/services/hjp/templates.server";
import { listTrainingForService } from "../../app/services/hjp/training.server";
import { createTestDb, type TestDatabase } from "../db";
import { fillXlsxTemplate, importFile, ORG_ID, registerOrganisation, tempDir } from "../fixtures/hjp-setup";

/** What the example rows of the four templates read back as, once loaded. */
const expectedService = {
  serviceRef: "SALFORD-GP",
  name: "Salford GP welfare rights service",
  icbCode: "E54000057",
  deliveryModel: "co-located",
  problemAreas: ["welfare-benefits", "debt", "housing"],
  adviserFte: 2.5,
  supervisingSolicitorFte: 0.2,
  adminFte: 0.5,
  sessionsPerWeek: 6,
  sites: [
    { setting: "gp-practice", odsCode: "P87020" },
    { setting: "gp-practice", odsCode: "P87024" },
    { setting: "hospital", odsCode: "RM301" },
  ],
  areasServed: [
    { code: "U00203", level: "neighbourhood" },
    { code: "U03153", level: "neighbourhood" },
  ],
};

const expectedEpisode = {
  episodeRef: "CASE-000123",
  clientRef: "CL-4471",
  periodStart: "2025-04-01",
  periodEnd: "2025-06-30",
  referralDate: "2025-04-14",
  referralSource: "gp",
  referralRoute: "direct-booking",
  attended: true,
  firstContactDate: "2025-04-22",
  setting: "gp-practice",
  siteOdsCode: "P87020",
  deliveryMode: "face-to-face",
  problemAreas: ["welfare-benefits", "debt", "housing"],
  problemCategories: ["welfare-benefits:pip", "debt:priority", "housing:damp-mould"],
  serviceLevel: "casework",
  // St Andrews Medical Centre (P87020) is in Eccles & Irlam PCN.
  neighbourhoodCode: "U00203",
  clientLsoa: "E01005600",
  clientOutwardCode: "M30",
  // Salford 026B is in the fourth IMD 2025 decile.
  imdDecile: 4,
  ageBand: "45-54",
  sex: "female",
  ethnicity: "white",
  disabilityOrLtc: true,
  gainsRecurringAnnualPence: 550_050,
  gainsOneOffPence: 85_000,
  gainsRecurringByBenefit: { pip: 420_000, "universal-credit": 130_050 },
  gainsOneOffByBenefit: { pip: 85_000 },
  debtWrittenOffPence: 120_000,
  debtManagedPence: 340_075,
  housingOutcome: "repairs-secured",
  problemResolved: "yes",
  swemwbsBaseline: 19,
  swemwbsFollowup: 23.5,
  closedDate: "2025-06-20",
};

const expectedTraining = {
  periodStart: "2025-04-01",
  periodEnd: "2025-06-30",
  siteOdsCode: "P87020",
  sessionsDelivered: 2,
  attendeesGp: 6,
  attendeesNurse: 4,
  attendeesReceptionist: 9,
  attendeesOther: 3,
};

const expectedAward = {
  grantId: "360G-QOP-HJP-2025-001",
  title: "Salford GP welfare rights service 2025-27",
  description: "Welfare rights advisers co-located in four Salford GP practices",
  currency: "GBP",
  amountAwardedPence: 18_000_000,
  amountDisbursedPence: 9_000_000,
  awardDate: "2025-03-01",
  plannedStart: "2025-04-01",
  plannedEnd: "2027-03-31",
  funderOrgId: "GB-NHS-QOP",
  funderName: "NHS Greater Manchester Integrated Care Board",
  funderType: "icb",
  serviceRef: "SALFORD-GP",
  grantProgramme: "Health inequalities fund",
  fteFunded: 2.7,
};

describe.each(["csv", "xlsx"] as const)("a filled %s template round-trips through the importer", (format) => {
  let database: TestDatabase;
  let organisationId: number;
  const files = tempDir();

  /** Downloads the template, fills in the example row and imports it. */
  async function fillAndImport(dataset: typeof servicesDataset | typeof activityDataset | typeof trainingDataset | typeof fundingDataset, row: Record<string, string | Date> = exampleRow(dataset)) {
    const template = (await templateFile(`${dataset.id}.${format}`))!;
    const filled =
      format === "csv"
        ? `${template.body as string}${dataset.list.map((c) => (/[",]/.test(String(row[c.name] ?? "")) ? `"${String(row[c.name]).replace(/"/g, '""')}"` : (row[c.name] ?? ""))).join(",")}\r\n`
        : await fillXlsxTemplate(template.body as ArrayBuffer, [row]);
    const summary = await importFile(database, dataset.id, files.write(`${dataset.id}.${format}`, filled));
    expect(summary.errors).toEqual([]);
    expect(summary.status).toBe("loaded");
    expect(summary.rowsLoaded).toBe(1);
  }

  beforeAll(async () => {
    database = await createTestDb({ withReferenceData: true });
    organisationId = await registerOrganisation(database);
  });
  afterAll(async () => {
    await database.cleanup();
    files.remove();
  });

  it("services", async () => {
    await fillAndImport(servicesDataset);
    const [service] = await listServicesForIcb({ db: database.db, icbCode: "E54000057" });
    expect(service).toEqual({ ...expectedService, id: expect.any(Number), organisationId, organisationName: "Salford Health Justice Advice (test)" });
  });

  it("activity, with the neighbourhood and deprivation decile derived", async () => {
    // In Excel a typed date is a date cell, not text: the importer reads it as the date.
    await fillAndImport(activityDataset, { ...exampleRow(activityDataset), ...(format === "xlsx" ? { referral_date: new Date(Date.UTC(2025, 3, 14)) } : {}) });
    const [service] = await listServicesForIcb({ db: database.db, icbCode: "E54000057" });
    expect(await getEpisodesForService({ db: database.db, serviceId: service.id })).toEqual([{ ...expectedEpisode, uploadId: expect.any(Number) }]);
  });

  it("training", async () => {
    await fillAndImport(trainingDataset);
    const [service] = await listServicesForIcb({ db: database.db, icbCode: "E54000057" });
    expect(await listTrainingForService({ db: database.db, serviceId: service.id })).toEqual([expectedTraining]);
  });

  it("funding, in integer pence", async () => {
    await fillAndImport(fundingDataset);
    expect(await listAwardsForOrganisation({ db: database.db, organisationId })).toEqual([{ ...expectedAward, recipientOrganisationId: organisationId }]);
  });

  it("keeps the organisation's 360Giving identifier as the key the files use", async () => {
    const [row] = await database.rows<{ giving360_id: string }>(`select giving360_id from organisations where id = ${organisationId}`);
    expect(row.giving360_id).toBe(ORG_ID);
  });
});
