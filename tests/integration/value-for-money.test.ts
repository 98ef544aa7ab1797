/**
 * Value for money on a small fixture worked by hand: four services of two organisations
 * in Greater Manchester, funding awards spread pro rata by days over financial years
 * (one award to an organisation in general, shared between its services by clients),
 * and episodes in two neighbourhoods of two different places. Every expected figure
 * below is worked out in the comments, not by the code under test.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUPPRESSED_MARK } from "../../app/domain/disclosure/index";
import { placeMembership } from "../../app/services/geography/areas.server";
import { ALL_YEARS, getValueForMoneyView, vfmPeriods } from "../../app/services/value-for-money/view.server";
import { rollUpValueForMoney, spendByFunder, type VfmRow } from "../../app/services/value-for-money/rollups.server";
import { changeInflationIndex, ensureShippedUnitCosts, listUnitCosts, saveUnitCost } from "../../app/services/value-for-money/unit-costs.server";
import { vfmTableDownload } from "../../app/services/value-for-money/export.server";
import { createTestDb, type TestDatabase } from "../db";

const GM = "E54000057";
const TODAY = "2025-06-15";
const FY24 = "2024-25";
const FY25 = "2025-26";
const PERIODS = vfmPeriods([FY25, FY24], TODAY);

let database: TestDatabase;
const ids: Record<string, number> = {};
let p1 = "";
let p2 = "";
let placeX = "";
let placeY = "";
let n = 0;

const q = (s: string | null) => (s === null ? "null" : `'${s.replace(/'/g, "''")}'`);

async function service(ref: string, org: number, model: string) {
  const [row] = await database.rows<{ id: number }>(
    `insert into hjp_services (organisation_id, service_ref, name, icb_code, delivery_model, problem_areas, adviser_fte, sessions_per_week)
     values (${org}, '${ref}', 'Service ${ref} (test)', '${GM}', '${model}', '{welfare-benefits,debt}', 1, 5) returning id`
  );
  ids[ref] = Number(row.id);
}

async function award(grant: string, org: number, serviceRef: string | null, pence: number, start: string, end: string, funder = "Test ICB funder") {
  await database.rows(
    `insert into hjp_funding_awards (grant_id, title, description, amount_awarded_pence, award_date, planned_start, planned_end, funder_org_id, funder_name, funder_type, recipient_organisation_id, service_id)
     values ('${grant}', 'Award ${grant}', 'Test award', ${pence}, '${start}', '${start}', '${end}', 'GB-TEST-1', ${q(funder)}, 'icb', ${org}, ${serviceRef ? ids[serviceRef] : "null"})`
  );
}

type EpisodeChanges = Partial<{
  attended: boolean;
  pcn: string;
  setting: string;
  recurring: number;
  oneOff: number;
  writtenOff: number;
  managed: number;
  resolved: string;
  baseline: number;
  followup: number;
  closed: boolean;
  housing: string;
  referral: string;
}>;

async function episodes(serviceRef: string, count: number, c: EpisodeChanges) {
  const values: string[] = [];
  for (let i = 0; i < count; i++) {
    n++;
    const attended = c.attended ?? true;
    const referral = c.referral ?? "2024-07-10";
    values.push(
      `(${ids[serviceRef]}, 'E-${n}', 1, '2024-07-01', '2024-09-30', '${referral}', 'gp', ${attended}, ${q(c.setting ?? "gp-practice")}, 'face-to-face',
        '{welfare-benefits,debt}', '{welfare-benefits:pip,debt:priority}', 'advice', ${q(c.pcn ?? p1)}, ${c.recurring ?? "null"}, ${c.oneOff ?? "null"},
        ${c.writtenOff ?? "null"}, ${c.managed ?? "null"}, ${q(c.resolved ?? null)}, ${c.baseline ?? "null"}, ${c.followup === undefined ? "null" : c.followup + (c.baseline === undefined ? 0 : i % 10)},
        ${c.closed === false || !attended ? "null" : "'2024-09-01'"}, ${q(c.housing ?? null)}, ${(i % 10) + 1})`
    );
  }
  await database.rows(
    `insert into hjp_episodes (service_id, episode_ref, upload_id, period_start, period_end, referral_date, referral_source, attended, setting, delivery_mode,
       problem_areas, problem_categories, service_level, neighbourhood_code, gains_recurring_annual_pence, gains_one_off_pence,
       debt_written_off_pence, debt_managed_pence, problem_resolved, swemwbs_baseline, swemwbs_followup, closed_date, housing_outcome, imd_decile)
     values ${values.join(",\n")}`
  );
}

const row = (list: VfmRow[], key: string, period: string) => list.find((r) => r.key === key && r.period === period);

beforeAll(async () => {
  database = await createTestDb({ withReferenceData: true });
  // Two neighbourhoods wholly in two different places of Greater Manchester.
  const { members } = await placeMembership({ db: database.db, icbCode: GM });
  const whole = members.filter((m) => m.share === 1 && !members.some((o) => o.pcnCode === m.pcnCode && o.placeCode !== m.placeCode));
  p1 = whole[0].pcnCode;
  placeX = whole[0].placeCode;
  const other = whole.find((m) => m.placeCode !== placeX)!;
  p2 = other.pcnCode;
  placeY = other.placeCode;

  const [a] = await database.rows<{ id: number }>(`insert into organisations (name, giving360_id, primary_icb_code) values ('Org A (test)', 'GB-CHC-7000001', '${GM}') returning id`);
  const [b] = await database.rows<{ id: number }>(`insert into organisations (name, giving360_id, primary_icb_code) values ('Org B (test)', 'GB-CHC-7000002', '${GM}') returning id`);
  ids.orgA = Number(a.id);
  const [admin] = await database.rows<{ id: number }>(`insert into users (email, name, password_hash, role) values ('admin@test.example', 'Admin', 'x', 'admin') returning id`);
  const [commissioner] = await database.rows<{ id: number }>(`insert into users (email, name, password_hash, role, icb_code) values ('commissioner@test.example', 'Commissioner', 'x', 'commissioner', '${GM}') returning id`);
  ids.admin = Number(admin.id);
  ids.commissioner = Number(commissioner.id);
  ids.orgB = Number(b.id);
  await service("S1", ids.orgA, "co-located");
  await service("S2", ids.orgA, "remote");
  await service("S3", ids.orgB, "outreach");
  await service("S4", ids.orgB, "outreach");

  // A1: £36,500 over 2024-25 (365 days), all in 2024-25.
  await award("A1", ids.orgA, "S1", 3_650_000, "2024-04-01", "2025-03-31");
  // A2: £7,300 over 2025 (365 days): 90 days (Jan–Mar) in 2024-25 = 180,000p; 76 days (1 April – 15 June) to today in 2025-26 = 152,000p.
  await award("A2", ids.orgA, "S1", 730_000, "2025-01-01", "2025-12-31");
  // A3: £10,000 to organisation A in general over 2024-25, shared by clients: S1 30, S2 10 → 750,000p and 250,000p.
  await award("A3", ids.orgA, null, 1_000_000, "2024-04-01", "2025-03-31", "Test charity funder");
  // A4: £20,000 from 1 October 2024 to 30 September 2025 (365 days): 182 days in 2024-25, 76 to today in 2025-26.
  await award("A4", ids.orgB, "S3", 2_000_000, "2024-10-01", "2025-09-30");
  // A5: S4 has money and no clients.
  await award("A5", ids.orgB, "S4", 365_000, "2024-04-01", "2025-03-31");

  // S1: 20 clients in P1 and 10 in P2 (plus 5 referred who never came); 10 with £1,000 a year and £500 one-off; 15 resolved, 5 partly, 10 not.
  await episodes("S1", 10, { pcn: p1, recurring: 100_000, oneOff: 50_000, resolved: "yes" });
  await episodes("S1", 5, { pcn: p1, resolved: "yes" });
  await episodes("S1", 5, { pcn: p1, resolved: "partly" });
  await episodes("S1", 10, { pcn: p2, resolved: "no", housing: "possession-prevented" });
  await episodes("S1", 5, { pcn: p1, attended: false });
  // S2: 10 remote clients in P1, wellbeing 20 → 20 + 0…9 (mean change 4.5; 7 of 10 rise by 3 or more).
  await episodes("S2", 10, { pcn: p1, setting: "remote", baseline: 20, followup: 20, resolved: "yes" });
  // S3: 10 clients in P2 with £200 written off and £1,000 managed each.
  await episodes("S3", 10, { pcn: p2, writtenOff: 20_000, managed: 100_000, resolved: "partly", setting: "community" });
});

afterAll(async () => {
  await database?.cleanup();
});

describe("spend attribution", () => {
  it("spreads awards pro rata by days over financial years, sharing an organisation's award by clients", async () => {
    const list = await rollUpValueForMoney({ db: database.db, scope: { icbCode: GM }, by: "service", periods: PERIODS });
    // S1 2024-25: 3,650,000 + 180,000 + 750,000.
    expect(row(list, String(ids.S1), FY24)?.spendPence).toBeCloseTo(4_580_000, 6);
    expect(row(list, String(ids.S1), FY25)?.spendPence).toBeCloseTo(152_000, 6);
    expect(row(list, String(ids.S2), FY24)?.spendPence).toBeCloseTo(250_000, 6);
    // S3: 2,000,000 × 182/365 and × 76/365.
    expect(row(list, String(ids.S3), FY24)?.spendPence).toBeCloseTo((2_000_000 * 182) / 365, 6);
    expect(row(list, String(ids.S3), FY25)?.spendPence).toBeCloseTo((2_000_000 * 76) / 365, 6);
    // S4: money, no clients.
    expect(row(list, String(ids.S4), FY24)).toMatchObject({ spendPence: 365_000, clients: 0 });
    // All years: 2024-04-01 to today.
    expect(row(list, String(ids.S1), ALL_YEARS)?.spendPence).toBeCloseTo(4_732_000, 6);
  });

  it("shares each service's spend between places by where its clients are registered", async () => {
    const list = await rollUpValueForMoney({ db: database.db, scope: { icbCode: GM }, by: "place", periods: PERIODS });
    // Place X: S1 20/30 of 4,580,000 + all of S2's 250,000. Place Y: S1 10/30 of 4,580,000 + all of S3's 2024-25 spend.
    expect(row(list, placeX, FY24)?.spendPence).toBeCloseTo((4_580_000 * 20) / 30 + 250_000, 4);
    expect(row(list, placeY, FY24)?.spendPence).toBeCloseTo((4_580_000 * 10) / 30 + (2_000_000 * 182) / 365, 4);
    expect(row(list, placeX, FY24)?.clients).toBe(30);
  });

  it("totals the ICB's spend directly, including money a service has no clients for", async () => {
    const [system] = (await rollUpValueForMoney({ db: database.db, scope: { icbCode: GM }, by: "system", periods: PERIODS })).filter((r) => r.period === FY24);
    expect(system.spendPence).toBeCloseTo(4_580_000 + 250_000 + (2_000_000 * 182) / 365 + 365_000, 4);
    expect(system.clients).toBe(50);
    expect(system.referrals).toBe(55);
  });

  it("gives each funder its spend, with an organisation's award shared like its clients", async () => {
    const list = (await spendByFunder({ db: database.db, scope: { icbCode: GM }, periods: PERIODS })).filter((r) => r.period === FY24);
    const charity = list.filter((r) => r.funderName === "Test charity funder");
    expect(charity.map((r) => [r.serviceId, Math.round(r.pence)])).toEqual([
      [ids.S1, 750_000],
      [ids.S2, 250_000],
    ]);
  });
});

describe("the value-for-money view", () => {
  const commissioner = { id: 1, role: "commissioner" as const, icbCode: GM, organisationId: null };

  it("works out the ratios a commissioner sees from the hand-computed figures", async () => {
    const view = await getValueForMoneyView({ db: database.db, actor: commissioner, level: "icb", code: GM, year: FY24, today: TODAY });
    expect(view).not.toBeNull();
    const services = view!.tables.find((t) => t.id === "services")!;
    const s1 = services.rows.find((r) => r.key === String(ids.S1))!.cells;
    expect(s1.clients).toBe(30);
    expect(s1.costPerClient).toBeCloseTo(4_580_000 / 30, 6);
    expect(s1.costPerCase).toBeCloseTo(4_580_000 / 30, 6);
    expect(s1.recurring).toBeCloseTo(1_000_000 / 4_580_000, 9);
    expect(s1.oneOff).toBeCloseTo(500_000 / 4_580_000, 9);
    // 20 of 30 resolved or partly: 66.7%; Wilson 95% 48.78% to 80.77%.
    expect(s1.resolved).toBeCloseTo(66.667, 3);
    expect(s1.resolvedLower).toBeCloseTo(48.78, 2);
    expect(s1.resolvedUpper).toBeCloseTo(80.77, 2);
    const s3 = services.rows.find((r) => r.key === String(ids.S3))!.cells;
    expect(s3.writtenOff).toBeCloseTo(200_000 / ((2_000_000 * 182) / 365), 9);
    expect(s3.managed).toBeCloseTo(1_000_000 / ((2_000_000 * 182) / 365), 9);
    const s4 = services.rows.find((r) => r.key === String(ids.S4))!.cells;
    expect([s4.spend, s4.clients, s4.costPerClient]).toEqual([365_000, 0, null]);

    const models = view!.tables.find((t) => t.id === "delivery-models")!;
    const remote = models.rows.find((r) => r.key === "remote")!.cells;
    // Change 0…9: mean 4.5, SD 3.0277, t(0.975, 9) = 2.2622 → 4.5 ± 2.1659.
    expect(remote.wellbeing).toBeCloseTo(4.5, 9);
    expect(remote.wellbeingLower).toBeCloseTo(2.334, 3);
    expect(remote.wellbeingUpper).toBeCloseTo(6.666, 3);
    expect(models.notes?.join(" ")).toContain("observational");
    expect(view!.synthetic).toBeNull();
  });

  it("hides figures resting on 1 to 7 clients", async () => {
    // Org B's view: S3 has 10 clients, S4 none; at neighbourhood P1 only org A's clients are seen.
    const view = await getValueForMoneyView({ db: database.db, actor: commissioner, level: "neighbourhood", code: p2, year: FY24, today: TODAY });
    const models = view!.tables.find((t) => t.id === "delivery-models")!;
    expect(models.rows.map((r) => [r.key, r.cells.clients])).toEqual([
      ["co-located", 10],
      ["outreach", 10],
    ]);
    await episodes("S2", 3, { pcn: p2, setting: "remote", resolved: "yes" });
    const after = await getValueForMoneyView({ db: database.db, actor: commissioner, level: "neighbourhood", code: p2, year: FY24, today: TODAY });
    const remote = after!.tables.find((t) => t.id === "delivery-models")!.rows.find((r) => r.key === "remote")!.cells;
    expect([remote.clients, remote.spend, remote.costPerClient]).toEqual([SUPPRESSED_MARK, SUPPRESSED_MARK, SUPPRESSED_MARK]);
  });

  it("shows a VCSE user only their own organisation's services", async () => {
    const vcse = { id: 2, role: "vcse" as const, icbCode: null, organisationId: ids.orgB };
    const view = await getValueForMoneyView({ db: database.db, actor: vcse, level: "icb", code: GM, year: FY24, today: TODAY });
    expect(view!.tables.find((t) => t.id === "services")!.rows.map((r) => r.key)).toEqual([String(ids.S3), String(ids.S4)]);
    expect(view!.scopeNote).toContain("Org B (test)");
  });

  it("lists services facing a funding cliff within 12 months", async () => {
    const view = await getValueForMoneyView({ db: database.db, actor: commissioner, level: "icb", code: GM, year: FY24, today: TODAY });
    const cliff = view!.tables.find((t) => t.id === "funding-cliff")!;
    expect(cliff.rows.map((r) => [r.key, r.cells.ending, r.cells.firstEnd, r.cells.after])).toEqual([
      [String(ids.S3), 2_000_000, "2025-09-30", "No: funding cliff"],
      [String(ids.S1), 730_000, "2025-12-31", "No: funding cliff"],
    ]);
  });

  it("re-bases the estimate to the price year chosen, from the library and the index, with its sources", async () => {
    await ensureShippedUnitCosts(database.db);
    expect((await ensureShippedUnitCosts(database.db)).added).toBe(0);
    const admin = { id: ids.admin, role: "admin" as const, icbCode: null, organisationId: null, email: "admin@test.example" };
    await changeInflationIndex({ db: database.db, actor: admin, input: { intent: "save", year: 2010, value: 80, source: "Test index" } });
    await changeInflationIndex({ db: database.db, actor: admin, input: { intent: "save", year: 2024, value: 100, source: "Test index" } });
    const view = await getValueForMoneyView({ db: database.db, actor: commissioner, level: "icb", code: GM, year: FY24, priceYear: 2024, today: TODAY });
    const estimate = view!.tables.find((t) => t.id === "estimate")!;
    // 10 possessions prevented × HO1.0 £6,680 (2010-11) × 100 ÷ 80 = £83,500.
    const eviction = estimate.rows.find((r) => r.key === "HO1.0")!.cells;
    expect([eviction.count, eviction.value, eviction.total]).toEqual([10, 835_000, 8_350_000]);
    expect(String(eviction.source)).toContain("GMCA");
    const at2010 = await getValueForMoneyView({ db: database.db, actor: commissioner, level: "icb", code: GM, year: FY24, priceYear: 2010, today: TODAY });
    expect(at2010!.tables.find((t) => t.id === "estimate")!.rows.find((r) => r.key === "HO1.0")!.cells.total).toBe(6_680_000);

    // A commissioner's own value for their ICB joins the estimate; other ICBs do not see it.
    const gmCommissioner = { ...commissioner, id: ids.commissioner, email: "commissioner@test.example" };
    await saveUnitCost({
      db: database.db,
      actor: gmCommissioner,
      id: null,
      input: { code: "LOCAL-1", item: "Local debt value", value: 10_000, unit: "per client", priceYear: 2024, source: "Local study", licence: "Our own", outcome: "debt-outcome" },
    });
    const withLocal = await getValueForMoneyView({ db: database.db, actor: commissioner, level: "icb", code: GM, year: FY24, priceYear: 2024, today: TODAY });
    expect(withLocal!.tables.find((t) => t.id === "estimate")!.rows.find((r) => r.key === "LOCAL-1")!.cells.total).toBe(100_000); // 10 clients × £100
    expect((await listUnitCosts({ db: database.db, icbCode: "E54000048", actor: null })).some((u) => u.code === "LOCAL-1")).toBe(false);
  });

  it("downloads a table as CSV and as XLSX with the same figures", async () => {
    const view = (await getValueForMoneyView({ db: database.db, actor: commissioner, level: "icb", code: GM, year: FY24, today: TODAY }))!;
    const csv = await (await vfmTableDownload({ view, tableId: "services", format: "csv", today: TODAY })).text();
    expect(csv).toContain("Cost per client (£)");
    expect(csv).toContain(`Service S1 (test),Org A (test)`);
    const xlsx = await vfmTableDownload({ view, tableId: "services", format: "xlsx", today: TODAY });
    expect(xlsx.headers.get("Content-Type")).toContain("spreadsheetml");
    const ExcelJS = (await import("exceljs")).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const values = book.worksheets[0].getSheetValues().flat().filter((v) => typeof v === "string");
    expect(values).toContain("Service S1 (test)");
  });
});
