import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activityDataset, servicesDataset } from "../../app/domain/hjp/datasets";
import { countEpisodesByPeriod, getEpisodesForService } from "../../app/services/hjp/episodes.server";
import { findService } from "../../app/services/hjp/services.server";
import { hjpActivityImporter } from "../../importers/hjp-activity/index";
import { createTestDb, type TestDatabase } from "../db";
import { datasetCsv, example, importFile, ORG_ID, registerOrganisation, snapshotHjpTables, tempDir } from "../fixtures/hjp-setup";

const episode = (ref: string, changes: Record<string, string> = {}) => example(activityDataset, { episode_ref: ref, ...changes });

describe("the hjp-activity importer", () => {
  let database: TestDatabase;
  let serviceId: number;
  const files = tempDir();
  let n = 0;
  const load = (rows: Record<string, string>[], importer = hjpActivityImporter) =>
    importFile(database, "hjp-activity", files.write(`activity-${++n}.csv`, datasetCsv(activityDataset, rows)), importer);
  const episodes = () => getEpisodesForService({ db: database.db, serviceId });
  const withoutUpload = <T extends { uploadId: number }>(list: T[]) => list.map(({ uploadId: _upload, ...rest }) => rest);

  beforeAll(async () => {
    database = await createTestDb({ withReferenceData: true });
    await registerOrganisation(database);
    const services = await importFile(database, "hjp-services", files.write("services.csv", datasetCsv(servicesDataset, [example(servicesDataset)])));
    expect(services.status).toBe("loaded");
    serviceId = (await findService({ db: database.db, providerOrgId: ORG_ID, serviceRef: "SALFORD-GP" }))!.id;
  });
  afterAll(async () => {
    await database.cleanup();
    files.remove();
  });

  it("gives each episode its neighbourhood and deprivation decile so it can be read at every footprint", async () => {
    const summary = await load([
      // At a GP practice: the practice's PCN; the LSOA's IMD 2025 decile.
      episode("A-1"),
      // In hospital, with the client's PCN given and the decile given.
      episode("A-2", { setting: "hospital", site_ods_code: "RM301", client_pcn_code: "U03153", client_lsoa: "", client_imd_decile: "2" }),
      // Remote, known only by outward code.
      episode("A-3", { setting: "remote", site_ods_code: "", delivery_mode: "telephone", client_lsoa: "", client_outward_code: "M6" }),
    ]);
    expect(summary.errors).toEqual([]);
    expect(summary.rowsLoaded).toBe(3);
    expect((await episodes()).map((e) => [e.episodeRef, e.neighbourhoodCode, e.clientLsoa, e.clientOutwardCode, e.imdDecile])).toEqual([
      ["A-1", "U00203", "E01005600", "M30", 4],
      ["A-2", "U03153", null, "M30", 2],
      ["A-3", null, null, "M6", null],
    ]);
  });

  it("gives the same episodes when the same file is loaded again (an episode is replaced, never duplicated)", async () => {
    const rows = [episode("A-1"), episode("A-2", { setting: "hospital", site_ods_code: "RM301", client_pcn_code: "U03153", client_lsoa: "", client_imd_decile: "2" }), episode("A-3", { setting: "remote", site_ods_code: "", delivery_mode: "telephone", client_lsoa: "", client_outward_code: "M6" })];
    const before = withoutUpload(await episodes());
    const summary = await load(rows);
    expect(summary.status).toBe("loaded");
    expect(withoutUpload(await episodes())).toEqual(before);
  });

  it("replaces a service's quarter with a later return for it, leaving other quarters alone", async () => {
    await load([episode("B-1", { reporting_period: "2025-26 Q2", referral_date: "2025-07-10", first_contact_date: "", closed_date: "" })]);
    expect(await countEpisodesByPeriod({ db: database.db, serviceId })).toEqual([
      { periodStart: "2025-04-01", episodes: 3 },
      { periodStart: "2025-07-01", episodes: 1 },
    ]);
    // The corrected Q1 return has one episode: are no longer part of it.
    await load([episode("A-1", { service_level: "representation" })]);
    expect((await episodes()).map((e) => [e.episodeRef, e.periodStart, e.serviceLevel])).toEqual([
      ["A-1", "2025-04-01", "representation"],
      ["B-1", "2025-07-01", "casework"],
    ]);
  });

  it("moves an episode sent again under a later quarter rather than duplicating it", async () => {
    await load([episode("A-1", { reporting_period: "2025-26 Q2", closed_date: "2025-08-01", problem_resolved: "partly" }), episode("B-1", { reporting_period: "2025-26 Q2", referral_date: "2025-07-10", first_contact_date: "", closed_date: "" })]);
    expect((await episodes()).map((e) => [e.episodeRef, e.periodStart, e.closedDate, e.problemResolved])).toEqual([
      ["A-1", "2025-07-01", "2025-08-01", "partly"],
      ["B-1", "2025-07-01", null, "yes"],
    ]);
  });

  it("names the line and column of an unknown organisation, service, PCN or LSOA, and writes nothing", async () => {
    const before = await snapshotHjpTables(database);
    const summary = await load([
      episode("C-1"),
      episode("C-2", { provider_org_id: "GB-CHC-9999999" }),
      episode("C-3", { service_ref: "NO-SUCH-SERVICE" }),
      episode("C-4", { setting: "hospital", site_ods_code: "RM301", client_pcn_code: "U99999" }),
      episode("C-5", { client_lsoa: "E01999999" }),
    ]);
    expect(summary.status).toBe("failed");
    expect(summary.errors).toEqual([
      { line: 3, column: "provider_org_id", message: "no organisation with the 360Giving identifier GB-CHC-9999999 is registered: an administrator adds it under Organisations" },
      { line: 4, column: "service_ref", message: "GB-CHC-1000001 has no service NO-SUCH-SERVICE: load it with hjp-services first" },
      { line: 5, column: "client_pcn_code", message: "U99999 is not a primary care network in the reference geography" },
      { line: 6, column: "client_lsoa", message: "E01999999 is not an English LSOA (2021)" },
    ]);
    expect(await snapshotHjpTables(database)).toEqual(before);
  });

  it("refuses an episode given twice in a file, naming both lines, and writes nothing", async () => {
    const before = await snapshotHjpTables(database);
    const summary = await load([episode("D-1"), episode("D-2"), episode("D-1")]);
    expect(summary.errors).toEqual([{ line: 4, column: "episode_ref", message: "episode D-1 of service SALFORD-GP appears twice in the file (first on line 2)" }]);
    expect(await snapshotHjpTables(database)).toEqual(before);
  });

  it("finds an episode given twice far apart in a long file, through the table's key, and writes nothing", async () => {
    const before = await snapshotHjpTables(database);
    const summary = await load([episode("E-1"), episode("E-2"), episode("E-3"), episode("E-1"), episode("E-4")], { ...hjpActivityImporter, batchSize: 2 });
    expect(summary.status).toBe("failed");
    expect(summary.errors).toEqual([{ line: 5, column: "episode_ref", message: "episode E-1 of service SALFORD-GP appears twice in the file (also on an earlier line)" }]);
    expect(await snapshotHjpTables(database)).toEqual(before);
  });

  it("lists row problems from parsing with their lines, writing nothing", async () => {
    const before = await snapshotHjpTables(database);
    const summary = await load([episode("F-1"), episode("F-2", { referral_date: "yesterday", attended: "perhaps" }), episode("F-3", { client_outward_code: "M30 0AB" })]);
    expect(summary.errors).toEqual([
      { line: 3, column: "referral_date", message: 'not a date (YYYY-MM-DD or DD/MM/YYYY): "yesterday"' },
      { line: 3, column: "attended", message: 'not yes or no: "perhaps"' },
      { line: 4, column: "client_outward_code", message: expect.stringMatching(/^is a full postcode/) },
    ]);
    expect(await snapshotHjpTables(database)).toEqual(before);
  });

  it("records each accepted file as an upload that its episodes point to", async () => {
    const uploads = await database.rows<{ id: number; source: string; rows_loaded: number }>("select id, source, rows_loaded from hjp_uploads order by id");
    expect(uploads.every((u) => u.source === "hjp-activity")).toBe(true);
    const latest = uploads[uploads.length - 1];
    expect(latest.rows_loaded).toBe(2);
    expect(new Set((await episodes()).map((e) => e.uploadId))).toEqual(new Set([latest.id]));
  });
});
