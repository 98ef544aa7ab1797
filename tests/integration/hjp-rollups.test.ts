/**
 * The roll-up identity on data built to break it: a GP service whose practices sit in
 * two places and two neighbourhoods (one neighbourhood split between Oldham and
 * Tameside), a hospital service whose clients come from that split neighbourhood with no
 * practice to place them, clients registered in another ICB, clients with no
 * neighbourhood, and an episode sent open in one quarter and closed in the next.
 * Loaded through the product's own importers; checked at system, place and
 * neighbourhood, then under the ICB's own places, then through disclosure control.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activityDataset, fundingDataset, servicesDataset } from "../../app/domain/hjp/datasets";
import { SUPPRESSED_MARK } from "../../app/domain/disclosure/index";
import { defineCustomPlaces, useDefaultPlaces } from "../../app/services/geography/custom-places.server";
import { placeMembership } from "../../app/services/geography/areas.server";
import { getHjpView } from "../../app/services/hjp/dashboard.server";
import { hjpTableCsv } from "../../app/services/hjp/export.server";
import { DIMENSIONS, NOT_KNOWN, OUTSIDE_ICB, rollUpHjp, rollUpHjpBy, type RollupRow } from "../../app/services/hjp/rollups.server";
import { createTestDb, type TestDatabase } from "../db";
import { datasetCsv, importFile, registerOrganisation, tempDir } from "../fixtures/hjp-setup";

const GM = "E54000057";
const OLDHAM = "E08000004";
const TAMESIDE = "E08000008";
const TRAFFORD = "E08000009";
const SPLIT = "U75449"; // Oldham East PCN: 78% of its registered list in Oldham, 22% in Tameside
const ORG_A = "GB-CHC-1000001";
const ORG_B = "GB-CHC-1000002";
const TODAY = "2026-01-15";

const ADDITIVE: (keyof RollupRow)[] = [
  "referrals",
  "attended",
  "attendedRecent",
  "closedAttended",
  "clientsWithGains",
  "gainsRecurringPence",
  "gainsOneOffPence",
  "clientsWithDebtOutcome",
  "debtManagedPence",
  "debtWrittenOffPence",
  "housingOutcomes",
  "dampMould",
  "dampMouldRepaired",
  "resolvedYes",
  "resolvedPartly",
  "resolvedNo",
  "wellbeingN",
];

const sum = (rows: RollupRow[], k: keyof RollupRow) => rows.reduce((s, r) => s + (r[k] as number), 0);
const byKey = (rows: RollupRow[]) => new Map(rows.map((r) => [r.key, r]));

let n = 0;
/** An episode with every cell given; outcomes vary with n so sums and means are not trivial. */
function episode(service: string, org: string, changes: Record<string, string>): Record<string, string> {
  n++;
  const closed = n % 3 !== 0;
  return {
    provider_org_id: org,
    service_ref: service,
    episode_ref: `E-${n}`,
    client_ref: `C-${n}`,
    reporting_period: "2025-26 Q2",
    referral_date: "2025-07-10",
    referral_source: ["gp", "practice-nurse", "social-prescriber", "self"][n % 4],
    referral_route: "direct-booking",
    attended: n % 5 === 0 ? "no" : "yes",
    first_contact_date: n % 5 === 0 ? "" : "2025-07-14",
    setting: "gp-practice",
    site_ods_code: "",
    delivery_mode: "face-to-face",
    problem_categories: n % 4 === 0 ? "welfare-benefits:pip; housing:damp-mould" : "welfare-benefits:universal-credit; debt:priority",
    service_level: "advice",
    client_pcn_code: "",
    client_lsoa: "",
    client_outward_code: "",
    client_imd_decile: String((n % 10) + 1),
    age_band: "45-54",
    sex: "female",
    ethnicity: "white",
    disability_or_ltc: "yes",
    gains_recurring_annual: n % 5 !== 0 && closed && n % 2 === 0 ? `pip=${1000 + n}` : "",
    gains_one_off: "",
    debt_written_off: "",
    debt_managed: n % 5 !== 0 && closed && n % 7 === 0 ? `${500 + n}.50` : "",
    housing_outcome: n % 5 !== 0 && closed && n % 4 === 0 ? "repairs-secured" : "",
    problem_resolved: n % 5 !== 0 && closed ? ["yes", "partly", "no"][n % 3] : "",
    swemwbs_baseline: n % 5 !== 0 ? "18" : "",
    swemwbs_followup: n % 5 !== 0 && closed && n % 2 === 1 ? String(18 + (n % 4)) : "",
    closed_date: n % 5 !== 0 && closed ? "2025-09-01" : "",
    ...changes,
  };
}

const times = (k: number, make: () => Record<string, string>) => Array.from({ length: k }, make);

describe("HJP roll-ups", () => {
  let database: TestDatabase;
  const files = tempDir();
  let orgA: number;
  let orgB: number;
  const commissioner = { id: 1, role: "commissioner" as const, icbCode: GM, organisationId: null };
  const scope = { icbCode: GM };
  const recent = { from: "2025-01-01", to: "2025-12-31" };

  beforeAll(async () => {
    database = await createTestDb({ withReferenceData: true });
    orgA = await registerOrganisation(database, ORG_A, "Oldham and Tameside Advice (test)");
    orgB = await registerOrganisation(database, ORG_B, "Greater Manchester Advice Line (test)");
    const services = [
      // Practices in both places of the split neighbourhood, one in another Tameside neighbourhood and one in another Oldham neighbourhood.
      {
        provider_org_id: ORG_A,
        service_ref: "GP-X",
        service_name: "Oldham and Tameside GP advice",
        icb_code: GM,
        sites: "gp-practice:P85016; gp-practice:P89006; gp-practice:P89003; gp-practice:P85002",
        areas_served: `${SPLIT}; U38271; U14327`,
        delivery_model: "co-located",
        problem_areas: "welfare-benefits; debt; housing",
        adviser_fte: "2",
        supervising_solicitor_fte: "",
        admin_fte: "",
        sessions_per_week: "4",
      },
      {
        provider_org_id: ORG_A,
        service_ref: "HOSP",
        service_name: "Hospital discharge advice",
        icb_code: GM,
        sites: "hospital:RM301",
        areas_served: GM,
        delivery_model: "co-located",
        problem_areas: "welfare-benefits; debt; housing",
        adviser_fte: "1",
        supervising_solicitor_fte: "",
        admin_fte: "",
        sessions_per_week: "2",
      },
      {
        provider_org_id: ORG_B,
        service_ref: "LINE",
        service_name: "Advice line",
        icb_code: GM,
        sites: "remote",
        areas_served: GM,
        delivery_model: "remote",
        problem_areas: "welfare-benefits; debt; housing",
        adviser_fte: "1",
        supervising_solicitor_fte: "",
        admin_fte: "",
        sessions_per_week: "5",
      },
    ];
    expect((await importFile(database, "hjp-services", files.write("services.csv", datasetCsv(servicesDataset, services)))).errors).toEqual([]);
    const gp = (practice: string) => () => episode("GP-X", ORG_A, { site_ods_code: practice });
    const hospital = (pcn: string) => () => episode("HOSP", ORG_A, { setting: "hospital", site_ods_code: "RM301", client_pcn_code: pcn });
    // The first return: one episode still open at the end of Q1.
    const q1 = [
      episode("GP-X", ORG_A, {
        episode_ref: "SPAN-1",
        site_ods_code: "P85016",
        reporting_period: "2025-26 Q1",
        referral_date: "2025-06-20",
        first_contact_date: "2025-06-25",
        closed_date: "",
        problem_resolved: "",
        gains_recurring_annual: "",
        swemwbs_followup: "",
        housing_outcome: "",
        debt_managed: "",
      }),
    ];
    expect((await importFile(database, "hjp-activity", files.write("q1.csv", datasetCsv(activityDataset, q1)))).errors).toEqual([]);
    const q2 = [
      // The same episode in the Q2 return, now closed: it replaces the Q1 row.
      episode("GP-X", ORG_A, {
        episode_ref: "SPAN-1",
        site_ods_code: "P85016",
        reporting_period: "2025-26 Q2",
        referral_date: "2025-06-20",
        first_contact_date: "2025-06-25",
        closed_date: "2025-07-15",
        problem_resolved: "yes",
        gains_recurring_annual: "pip=2500",
      }),
      ...times(20, gp("P85016")), // split neighbourhood, practice in Oldham
      ...times(12, gp("P89006")), // split neighbourhood, practice in Tameside
      ...times(9, gp("P89003")), // U38271, Tameside
      ...times(3, gp("P85002")), // U14327, Oldham: a small neighbourhood
      ...times(400, hospital(SPLIT)), // no practice: allocated between the two places by share
      ...times(10, hospital("U01901")), // registered in Lancashire and South Cumbria
      ...times(6, () => episode("HOSP", ORG_A, { setting: "hospital", site_ods_code: "RM301", client_pcn_code: "" })),
      ...times(5, () => episode("LINE", ORG_B, { setting: "remote", site_ods_code: "", delivery_mode: "telephone", client_pcn_code: "U66368" })),
    ];
    const summary = await importFile(database, "hjp-activity", files.write("q2.csv", datasetCsv(activityDataset, q2)));
    expect(summary.errors).toEqual([]);
    const funding = [
      {
        grant_id: "360G-TEST-1",
        title: "GP advice 2025",
        description: "Advisers",
        currency: "GBP",
        amount_awarded: "90000",
        amount_disbursed: "45000",
        award_date: "2025-03-01",
        planned_start: "2025-04-01",
        planned_end: "2026-03-31",
        funder_org_id: "GB-NHS-QOP",
        funder_name: "NHS Greater Manchester Integrated Care Board",
        funder_type: "icb",
        recipient_org_id: ORG_A,
        recipient_org_name: "Oldham and Tameside Advice (test)",
        service_ref: "GP-X",
        grant_programme: "",
        fte_funded: "2",
      },
      {
        grant_id: "360G-TEST-2",
        title: "Hospital advice 2024-27",
        description: "Advisers",
        currency: "GBP",
        amount_awarded: "120000",
        amount_disbursed: "",
        award_date: "2024-03-01",
        planned_start: "2024-04-01",
        planned_end: "2027-03-31",
        funder_org_id: "GB-CHC-9000001",
        funder_name: "A Trust",
        funder_type: "charitable-trust",
        recipient_org_id: ORG_A,
        recipient_org_name: "Oldham and Tameside Advice (test)",
        service_ref: "HOSP",
        grant_programme: "",
        fte_funded: "1",
      },
    ];
    expect((await importFile(database, "hjp-funding", files.write("funding.csv", datasetCsv(fundingDataset, funding)))).errors).toEqual([]);
  });
  afterAll(async () => {
    await database.cleanup();
    files.remove();
  });

  it("adds up exactly at system, place and neighbourhood before suppression, for every count and sum", async () => {
    const by = await rollUpHjpBy({ db: database.db, scope, by: DIMENSIONS, recent });
    const system = by.get("system")!;
    expect(system).toHaveLength(1);
    expect(system[0].referrals).toBe(466);
    for (const dimension of ["place", "neighbourhood", "quarter", "financial-year", "service", "setting", "delivery-model", "referral-source", "deprivation-decile"] as const) {
      for (const k of ADDITIVE) expect(sum(by.get(dimension)!, k), `${dimension} ${k}`).toBe(system[0][k]);
    }
    // Rows that exist only for some episodes add up to those episodes.
    expect(sum(by.get("housing-outcome")!, "referrals")).toBe(system[0].housingOutcomes);
    expect(sum(by.get("problem-resolved")!, "referrals")).toBe(system[0].resolvedYes + system[0].resolvedPartly + system[0].resolvedNo);
  });

  it("counts clients registered outside the ICB, and clients with no neighbourhood, in rows of their own", async () => {
    const places = byKey(await rollUpHjp({ db: database.db, scope, by: "place" }));
    const neighbourhoods = byKey(await rollUpHjp({ db: database.db, scope, by: "neighbourhood" }));
    expect(places.get(OUTSIDE_ICB)?.referrals).toBe(10);
    expect(neighbourhoods.get(OUTSIDE_ICB)?.referrals).toBe(10);
    expect(places.get(NOT_KNOWN)?.referrals).toBe(6);
    expect(neighbourhoods.get(NOT_KNOWN)?.referrals).toBe(6);
    expect([...places.keys()].sort()).toEqual([OLDHAM, TAMESIDE, TRAFFORD, NOT_KNOWN, OUTSIDE_ICB].sort());
  });

  it("counts a service that serves several neighbourhoods and places where each client is registered", async () => {
    const gp = { icbCode: GM, serviceId: Number((await database.rows<{ id: number }>("select id from hjp_services where service_ref = 'GP-X'"))[0].id) };
    const neighbourhoods = byKey(await rollUpHjp({ db: database.db, scope: gp, by: "neighbourhood" }));
    expect(neighbourhoods.get(SPLIT)?.referrals).toBe(33);
    expect(neighbourhoods.get("U38271")?.referrals).toBe(9);
    expect(neighbourhoods.get("U14327")?.referrals).toBe(3);
    // At a GP practice the episode counts in the practice's own place, even in the split neighbourhood.
    const places = byKey(await rollUpHjp({ db: database.db, scope: gp, by: "place" }));
    expect(places.get(OLDHAM)?.referrals).toBe(21 + 3);
    expect(places.get(TAMESIDE)?.referrals).toBe(12 + 9);
  });

  it("allocates episodes of a split neighbourhood with no practice whole to one place, by its shares, the same way every time", async () => {
    const hospital = { icbCode: GM, serviceId: Number((await database.rows<{ id: number }>("select id from hjp_services where service_ref = 'HOSP'"))[0].id) };
    const first = byKey(await rollUpHjp({ db: database.db, scope: hospital, by: "place" }));
    const again = byKey(await rollUpHjp({ db: database.db, scope: hospital, by: "place" }));
    expect(again).toEqual(first);
    const oldham = first.get(OLDHAM)!.referrals;
    const tameside = first.get(TAMESIDE)!.referrals;
    expect(oldham + tameside).toBe(400);
    const share = (await placeMembership({ db: database.db, icbCode: GM })).members.find((m) => m.pcnCode === SPLIT && m.placeCode === OLDHAM)!.share;
    // Whole episodes, so the split is near the share, not exactly at it: within three standard errors.
    expect(Math.abs(oldham / 400 - share)).toBeLessThan(3 * Math.sqrt((share * (1 - share)) / 400));
  });

  it("counts an episode that runs across two quarters once, in the quarter it was referred", async () => {
    const quarters = byKey(await rollUpHjp({ db: database.db, scope, by: "quarter" }));
    expect(quarters.get("2025-26 Q1")?.referrals).toBe(1);
    expect(quarters.get("2025-26 Q2")?.referrals).toBe(465);
    // Sent open in the Q1 return and closed in Q2's, it is one episode, with its Q2 outcome.
    expect(quarters.get("2025-26 Q1")?.resolvedYes).toBe(1);
    expect(quarters.get("2025-26 Q1")?.gainsRecurringPence).toBe(250_000);
  });

  it("follows the ICB's own places when it has defined them, and still adds up", async () => {
    const { members } = await placeMembership({ db: database.db, icbCode: GM });
    const main = new Map<string, { place: string; share: number }>();
    for (const m of members) if ((main.get(m.pcnCode)?.share ?? 0) < m.share) main.set(m.pcnCode, { place: m.placeCode, share: m.share });
    const names: Record<string, string> = { [OLDHAM]: "Oldham and the east", [TAMESIDE]: "Oldham and the east" };
    await defineCustomPlaces({ db: database.db, actor: null, icbCode: GM, assignments: [...main].map(([pcnCode, m]) => ({ pcnCode, placeName: names[m.place] ?? "Rest of Greater Manchester" })) });
    try {
      const by = await rollUpHjpBy({ db: database.db, scope, by: ["system", "place", "neighbourhood"] });
      const system = by.get("system")![0];
      for (const k of ADDITIVE) expect(sum(by.get("place")!, k), k).toBe(system[k]);
      // The split neighbourhood now lies wholly in one place, with everything else in Oldham and Tameside.
      const places = by.get("place")!.filter((r) => r.key !== OUTSIDE_ICB && r.key !== NOT_KNOWN);
      expect(places.map((r) => r.referrals).sort((a, b) => a - b)).toEqual([5, 445]);
    } finally {
      await useDefaultPlaces({ db: database.db, actor: null, icbCode: GM });
    }
  });

  it("shows a neighbourhood's small counts as * and every other count rounded to 5, on the page and in its CSV", async () => {
    const view = (await getHjpView({ db: database.db, actor: commissioner, level: "neighbourhood", code: "U14327", today: TODAY }))!;
    expect(view.headline.find((h) => h.label === "Referrals")?.value).toBe(SUPPRESSED_MARK);
    const sources = view.tables.find((t) => t.id === "sources")!;
    for (const row of [...sources.rows, sources.total!]) {
      for (const key of ["referrals", "attended"]) {
        const v = row.cells[key];
        expect(v === SUPPRESSED_MARK || v === 0 || (typeof v === "number" && v % 5 === 0), `${row.label} ${key} ${v}`).toBe(true);
      }
    }
    expect(sources.total!.cells.referrals).toBe(SUPPRESSED_MARK);
    const csv = await hjpTableCsv({ view, tableId: "sources", today: TODAY }).text();
    expect(csv).toContain("Disclosure control: Counts of people below national level follow NHS England's disclosure control for small numbers: counts of 1 to 7 are shown as *");
    expect(csv).toMatch(/\r\nTotal,\*,\*,\*,\*\r\n$/);
    expect(csv).not.toContain("Synthetic demonstration data");
  });

  it("never shows a figure that total minus the shown parts would give back", async () => {
    const view = (await getHjpView({ db: database.db, actor: commissioner, level: "icb", code: GM, today: TODAY }))!;
    const hidden = (id: string) =>
      view.tables
        .find((t) => t.id === id)!
        .rows.filter((r) => r.cells.referrals === SUPPRESSED_MARK)
        .map((r) => r.key)
        .sort();
    // Trafford (5) and "not known" (6) are small on their own and protect each other; the rest are shown.
    expect(hidden("places")).toEqual([TRAFFORD, NOT_KNOWN].sort());
    expect(hidden("neighbourhoods")).toEqual([NOT_KNOWN, "U14327", "U66368"].sort());
    // The GP service's neighbourhoods: only U14327 (3) is small, so the next smallest (U38271, 9) is hidden with it.
    const gpService = Number((await database.rows<{ id: number }>("select id from hjp_services where service_ref = 'GP-X'"))[0].id);
    const service = (await getHjpView({ db: database.db, actor: commissioner, level: "service", code: String(gpService), today: TODAY }))!;
    const rows = service.tables.find((t) => t.id === "neighbourhoods")!.rows;
    expect(Object.fromEntries(rows.map((r) => [r.key, r.cells.referrals]))).toEqual({ [SPLIT]: 35, U38271: SUPPRESSED_MARK, U14327: SUPPRESSED_MARK });
  });

  it("labels the figures synthetic demonstration data, on the page and in exports, once the organisation's data is marked so", async () => {
    await database.rows(`insert into hjp_synthetic_organisations (organisation_id, generator, seed, data_to) values (${orgA}, 'test', 1, '${TODAY}')`);
    try {
      const view = (await getHjpView({ db: database.db, actor: commissioner, level: "icb", code: GM, today: TODAY }))!;
      expect(view.synthetic?.organisations).toEqual(["Oldham and Tameside Advice (test)"]);
      const csv = await hjpTableCsv({ view, tableId: "trend", today: TODAY }).text();
      expect(csv.split("\r\n")[1]).toMatch(/^"Synthetic demonstration data: .*Organisations: Oldham and Tameside Advice \(test\)\."$/);
      // Only the line service's organisation is not synthetic: its own view carries no label.
      const vcse = await getHjpView({ db: database.db, actor: { id: 9, role: "vcse", icbCode: null, organisationId: orgB }, level: "icb", code: GM, today: TODAY });
      expect(vcse?.synthetic).toBeNull();
    } finally {
      await database.rows(`delete from hjp_synthetic_organisations where organisation_id = ${orgA}`);
    }
  });

  it("shows each role only what it may see", async () => {
    const vcse = await getHjpView({ db: database.db, actor: { id: 9, role: "vcse", icbCode: null, organisationId: orgB }, level: "icb", code: GM, today: TODAY });
    expect(vcse?.headline.find((h) => h.label === "Services")?.value).toBe(1);
    expect(vcse?.scopeNote).toContain("Greater Manchester Advice Line (test)");
    const gpService = Number((await database.rows<{ id: number }>("select id from hjp_services where service_ref = 'GP-X'"))[0].id);
    expect(await getHjpView({ db: database.db, actor: { id: 9, role: "vcse", icbCode: null, organisationId: orgB }, level: "service", code: String(gpService), today: TODAY })).toBeNull();
    expect(await getHjpView({ db: database.db, actor: { id: 9, role: "vcse", icbCode: null, organisationId: 999_999 }, level: "icb", code: GM, today: TODAY })).toBeNull();
    expect(await getHjpView({ db: database.db, actor: { ...commissioner, icbCode: "E54000048" }, level: "neighbourhood", code: "U14327", today: TODAY })).toBeNull();
    expect(await getHjpView({ db: database.db, actor: { id: 3, role: "admin", icbCode: null, organisationId: null }, level: "icb", code: GM, today: TODAY })).toBeNull();
    expect(await getHjpView({ db: database.db, actor: commissioner, level: "service", code: String(gpService), today: TODAY })).not.toBeNull();
  });

  it("lists running awards by funder and the awards ending within 12 months", async () => {
    const view = (await getHjpView({ db: database.db, actor: commissioner, level: "icb", code: GM, today: TODAY }))!;
    const funders = view.tables.find((t) => t.id === "funders")!;
    expect(funders.total?.cells.amount).toBe(21_000_000);
    const cliff = view.tables.find((t) => t.id === "funding-cliff")!;
    expect(cliff.rows.map((r) => r.key)).toEqual(["360G-TEST-1"]);
  });
});
