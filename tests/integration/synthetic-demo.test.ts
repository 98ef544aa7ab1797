/**
 * The demo's synthetic HJP data as a new user meets it: loaded at first start through
 * the product's own importers, labelled, adding up at every footprint of Greater
 * Manchester, and loaded once only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quarterOf } from "../../app/domain/synthetic/dates";
import { getHjpView } from "../../app/services/hjp/dashboard.server";
import { hjpTableCsv } from "../../app/services/hjp/export.server";
import { rollUpHjpBy, type RollupRow } from "../../app/services/hjp/rollups.server";
import { DEMO_ORGANISATION, GREATER_MANCHESTER_ICB, seedDemoAccounts } from "../../db/seed/demo-accounts";
import { DEMO_HJP_ICBS, type DemoHjpResult, ensureDemoHjp } from "../../db/seed/demo-hjp";
import { createTestDb, type TestDatabase } from "../db";
import { snapshotHjpTables } from "../fixtures/hjp-setup";

const TODAY = "2026-11-28";
const commissioner = { id: 1, role: "commissioner" as const, icbCode: GREATER_MANCHESTER_ICB, organisationId: null };
const sum = (rows: RollupRow[], k: keyof RollupRow) => rows.reduce((s, r) => s + (r[k] as number), 0);

describe("the synthetic demonstration data", () => {
  let database: TestDatabase;
  let loaded: DemoHjpResult;

  beforeAll(async () => {
    database = await createTestDb({ withReferenceData: true });
    await seedDemoAccounts(database.db);
    loaded = await ensureDemoHjp(database, { today: TODAY });
  });
  afterAll(() => database.cleanup());

  it("loads several ICBs' services, funding, training and episodes through the importers", async () => {
    expect(loaded.status).toBe("loaded");
    expect(loaded.counts.services).toBe(DEMO_HJP_ICBS.reduce((s, i) => s + i.services, 0));
    expect(loaded.counts.activity).toBeGreaterThan(20_000);
    const runs = await database.rows<{ source: string; rows_loaded: number }>("select source, rows_loaded from import_runs where source like 'hjp-%' order by source");
    expect(runs.map((r) => r.source)).toEqual(["hjp-activity", "hjp-funding", "hjp-services", "hjp-training"]);
    const [episodes] = await database.rows<{ n: number }>("select count(*)::int as n from hjp_episodes");
    expect(episodes.n).toBe(loaded.counts.activity);
  });

  it("runs most Greater Manchester services through the demo organisation, across settings and delivery models", async () => {
    const services = await database.rows<{ organisation: string; delivery_model: string; settings: string }>(
      `select o.name as organisation, s.delivery_model, (select string_agg(distinct setting, ',') from hjp_service_sites where service_id = s.id) as settings
         from hjp_services s join organisations o on o.id = s.organisation_id where s.icb_code = '${GREATER_MANCHESTER_ICB}'`
    );
    expect(services.filter((s) => s.organisation === DEMO_ORGANISATION).length).toBeGreaterThan(services.length / 2);
    expect(new Set(services.flatMap((s) => s.settings.split(","))).size).toBeGreaterThanOrEqual(6);
    expect(new Set(services.map((s) => s.delivery_model)).size).toBeGreaterThanOrEqual(3);
  });

  it("covers three years and the quarter that includes today", async () => {
    const [range] = await database.rows<{ first: string; last: string }>("select min(referral_date)::text as first, max(referral_date)::text as last from hjp_episodes");
    expect(range.first).toBe("2023-04-01");
    expect(quarterOf(range.last).label).toBe(quarterOf(TODAY).label);
  });

  it("marks every demo organisation's data synthetic, so Greater Manchester's pages and exports say so", async () => {
    const [marked] = await database.rows<{ n: number }>("select count(*)::int as n from hjp_synthetic_organisations");
    expect(marked.n).toBe(DEMO_HJP_ICBS.reduce((s, i) => s + i.organisations.length, 0));
    const view = (await getHjpView({ db: database.db, actor: commissioner, level: "icb", code: GREATER_MANCHESTER_ICB, today: TODAY }))!;
    expect(view.synthetic?.organisations).toContain(DEMO_ORGANISATION);
    const csv = await hjpTableCsv({ view, tableId: "places", today: TODAY }).text();
    expect(csv).toContain("Synthetic demonstration data");
  });

  it("shows Greater Manchester at all three footprints, adding up exactly before suppression", async () => {
    const by = await rollUpHjpBy({ db: database.db, scope: { icbCode: GREATER_MANCHESTER_ICB }, by: ["system", "place", "neighbourhood"] });
    const system = by.get("system")![0];
    expect(by.get("place")!.length).toBeGreaterThanOrEqual(10);
    expect(by.get("neighbourhood")!.length).toBeGreaterThan(50);
    for (const k of ["referrals", "attended", "gainsRecurringPence", "debtManagedPence", "resolvedYes", "wellbeingN"] as const) {
      expect(sum(by.get("place")!, k), k).toBe(system[k]);
      expect(sum(by.get("neighbourhood")!, k), k).toBe(system[k]);
    }
    for (const level of ["place", "neighbourhood"] as const) {
      const code = level === "place" ? "E08000004" : "U75449";
      const view = await getHjpView({ db: database.db, actor: commissioner, level, code, today: TODAY });
      expect(view?.headline.find((h) => h.label === "Referrals")?.value).toEqual(expect.any(Number));
    }
  });

  it("is realistic: attendance 60–70% and clients per adviser within 150–300 a year", async () => {
    // Referrals old enough that every first contact due has happened.
    const [r] = await database.rows<{ attendance: number; per_fte: number }>(
      `with full_year as (
         select id, adviser_fte from hjp_services
         where icb_code = '${GREATER_MANCHESTER_ICB}' and id in (select service_id from hjp_episodes group by service_id having min(referral_date) < '2023-07-01'))
       select (select avg(attended::int) from hjp_episodes where referral_date < '2026-06-30')::float8 as attendance,
              (select count(*) from hjp_episodes where service_id in (select id from full_year) and attended and referral_date between '2024-04-01' and '2025-03-31')::float8
                / (select sum(adviser_fte) from full_year)::float8 as per_fte`
    );
    expect(r.attendance).toBeGreaterThanOrEqual(0.6);
    expect(r.attendance).toBeLessThanOrEqual(0.7);
    expect(r.per_fte).toBeGreaterThanOrEqual(150);
    expect(r.per_fte).toBeLessThanOrEqual(300);
  });

  it("is skipped on the next start, changing nothing", async () => {
    const before = await snapshotHjpTables(database);
    const again = await ensureDemoHjp(database, { today: "2027-01-01" });
    expect(again.status).toBe("unchanged");
    expect(await snapshotHjpTables(database)).toEqual(before);
  });
});
