/**
 * The agreements register against a real database (PGlite, or PostgreSQL when
 * DATABASE_URL is set): lifecycle rules, versions, the concurrency check, who may see
 * and change what, delivery computed from HJP activity (with a second source plugged
 * in), documents, payments and the attention list.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discloseCount } from "../../app/domain/disclosure/counts";
import { expandTargets, termQuarters } from "../../app/domain/agreements/kpis";
import { paymentSchedule } from "../../app/domain/agreements/money";
import {
  addAgreementComment,
  addAgreementDocument,
  AgreementConflictError,
  type AgreementActor,
  AgreementError,
  changeAgreementStatus,
  createAgreement,
  getAgreement,
  getAgreementDocument,
  getAgreementHistory,
  getAgreementPayments,
  listAgreements,
  recordPayment,
  renewAgreement,
  updateAgreement,
} from "../../app/services/agreements/agreements.server";
import { getAttentionList } from "../../app/services/agreements/attention.server";
import { computeKpiDelivery, extraTotalsSources } from "../../app/services/agreements/delivery.server";
import type { AgreementInput } from "../../app/validation/agreements";
import { seedDemoAccounts } from "../../db/seed/demo-accounts";
import { ensureDemoAgreements } from "../../db/seed/demo-agreements";
import { ensureDemoHjp } from "../../db/seed/demo-hjp";
import { createTestDb, snapshotTables, type TestDatabase } from "../db";

const GM = "E54000057";
const TODAY = "2025-11-15";
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");

describe("partnership agreements", () => {
  let database: TestDatabase;
  let org1: number;
  let org2: number;
  let service1: number;
  let service2: number;
  const actors = {} as Record<"commissioner" | "otherCommissioner" | "strategist" | "vcse1" | "vcse2" | "admin", AgreementActor>;

  const input = (changes: Partial<AgreementInput> = {}): AgreementInput => {
    const startDate = changes.startDate ?? "2025-04-01";
    const endDate = changes.endDate ?? "2026-03-31";
    const quarters = termQuarters(startDate, endDate);
    return {
      title: "Primary care advice",
      type: "grant",
      purpose: "Advice in GP practices",
      icbLeadName: "Lead",
      icbLeadEmail: null,
      parties: [{ organisationId: org1, leadName: "Org lead", leadEmail: null }],
      serviceIds: [service1],
      footprints: { system: true, places: [], neighbourhoods: [] },
      valuePence: 10_000_000,
      paymentFrequency: "quarterly-arrears",
      paymentSchedule: paymentSchedule({ valuePence: 10_000_000, startDate, endDate, frequency: "quarterly-arrears" }),
      startDate,
      endDate,
      reviewDate: null,
      governance: { meetings: "Quarterly", seats: "", escalation: "" },
      dataSharing: { data: "", lawfulBasis: "", retention: "" },
      reporting: { frequency: "quarterly", dueDaysAfterPeriodEnd: 30, measures: ["clients-advised"], notes: "" },
      kpis: [
        { measure: "clients-advised", targets: expandTargets(quarters, 30) },
        { measure: "core20-share", targets: expandTargets(quarters, 40) },
      ],
      changeSummary: null,
      ...changes,
    };
  };

  beforeAll(async () => {
    database = await createTestDb();
    const orgs = await database.rows<{ id: number }>(
      "insert into organisations (name, kind, primary_icb_code) values ('Advice One (test)', 'vcse', 'E54000057'), ('Advice Two (test)', 'vcse', 'E54000057') returning id",
    );
    [org1, org2] = orgs.map((o) => Number(o.id));
    const users = await database.rows<{ id: number; email: string }>(
      `insert into users (email, name, password_hash, role, icb_code, organisation_id) values
        ('c@example.org', 'C', 'x', 'commissioner', '${GM}', null),
        ('oc@example.org', 'OC', 'x', 'commissioner', 'E54000048', null),
        ('s@example.org', 'S', 'x', 'strategist', '${GM}', null),
        ('v1@example.org', 'V1', 'x', 'vcse', null, ${org1}),
        ('v2@example.org', 'V2', 'x', 'vcse', null, ${org2}),
        ('a@example.org', 'A', 'x', 'admin', null, null) returning id, email`,
    );
    const id = (email: string) => Number(users.find((u) => u.email === email)!.id);
    actors.commissioner = { id: id("c@example.org"), role: "commissioner", icbCode: GM, organisationId: null, email: "c@example.org", name: "C" };
    actors.otherCommissioner = { id: id("oc@example.org"), role: "commissioner", icbCode: "E54000048", organisationId: null, email: "oc@example.org", name: "OC" };
    actors.strategist = { id: id("s@example.org"), role: "strategist", icbCode: GM, organisationId: null, email: "s@example.org", name: "S" };
    actors.vcse1 = { id: id("v1@example.org"), role: "vcse", icbCode: null, organisationId: org1, email: "v1@example.org", name: "V1" };
    actors.vcse2 = { id: id("v2@example.org"), role: "vcse", icbCode: null, organisationId: org2, email: "v2@example.org", name: "V2" };
    actors.admin = { id: id("a@example.org"), role: "admin", icbCode: null, organisationId: null, email: "a@example.org", name: "A" };
    const services = await database.rows<{ id: number }>(
      `insert into hjp_services (organisation_id, service_ref, name, icb_code, delivery_model, problem_areas, adviser_fte, sessions_per_week) values
        (${org1}, 'S1', 'Service one', '${GM}', 'co-located', '{welfare-benefits}', 1, 5),
        (${org2}, 'S2', 'Service two', '${GM}', 'co-located', '{housing}', 1, 5) returning id`,
    );
    [service1, service2] = services.map((s) => Number(s.id));
    const [upload] = await database.rows<{ id: number }>("insert into hjp_uploads (source, file_name, sha256) values ('hjp-activity', 'test.csv', 'x') returning id");
    // 40 episodes in each of 2025-26 Q1 and Q2 for service one; 10 for service two (which the agreement does not cover).
    const columns = "service_id, episode_ref, upload_id, period_start, period_end, referral_date, referral_source, attended, setting, delivery_mode, problem_areas, problem_categories, service_level, imd_decile, problem_resolved, gains_one_off_pence";
    await database.rows(
      `insert into hjp_episodes (${columns})
       select ${service1}, 'E' || i, ${upload.id}, date '2025-04-01', date '2025-06-30', date '2025-04-01' + (i % 2) * 91 + (i % 50), 'gp', i % 4 <> 0, 'gp-practice', 'face-to-face', '{debt}'::text[], '{debt}'::text[], 'advice',
              (i % 10) + 1, case when i % 3 = 0 then 'yes' else 'no' end, case when i % 5 = 0 then 10000 else null end
       from generate_series(1, 80) i`,
    );
    await database.rows(
      `insert into hjp_episodes (${columns})
       select ${service2}, 'F' || i, ${upload.id}, date '2025-04-01', date '2025-06-30', date '2025-04-10', 'gp', true, 'gp-practice', 'face-to-face', '{debt}'::text[], '{debt}'::text[], 'advice', 1, 'yes', null
       from generate_series(1, 10) i`,
    );
  });
  afterAll(async () => database.cleanup());

  it("creates a draft with its first version, audited, seen only by those who may see it", async () => {
    const id = await createAgreement({ db: database.db, actor: actors.commissioner, icbCode: GM, input: input() });
    const seen = async (actor: AgreementActor) => (await getAgreement({ db: database.db, actor, id }))?.id ?? null;
    expect(await seen(actors.commissioner)).toBe(id);
    expect(await seen(actors.strategist)).toBe(id);
    expect(await seen(actors.vcse1)).toBe(id);
    expect(await seen(actors.admin)).toBe(id);
    expect(await seen(actors.vcse2)).toBeNull();
    expect(await seen(actors.otherCommissioner)).toBeNull();
    expect((await listAgreements({ db: database.db, actor: actors.vcse2 })).map((a) => a.id)).not.toContain(id);
    expect((await listAgreements({ db: database.db, actor: actors.vcse1 })).map((a) => a.id)).toContain(id);
    const detail = (await getAgreement({ db: database.db, actor: actors.strategist, id }))!;
    expect(detail).toMatchObject({ status: "draft", revision: 1, current: { version: 1, changeSummary: "Original agreement" }, can: { edit: false } });
    expect((await getAgreementHistory({ db: database.db, actor: actors.vcse1, id })).map((h) => h.action)).toEqual(["agreement.create"]);
  });

  it("refuses a party that runs none of the services covered, and a strategist's or another ICB's edit, writing nothing", async () => {
    await expect(createAgreement({ db: database.db, actor: actors.commissioner, icbCode: GM, input: input({ serviceIds: [service2] }) })).rejects.toThrow("Each service covered must be run by one of the parties");
    await expect(createAgreement({ db: database.db, actor: actors.otherCommissioner, icbCode: GM, input: input() })).rejects.toThrow(AgreementError);
    const id = await createAgreement({ db: database.db, actor: actors.commissioner, icbCode: GM, input: input() });
    const before = await snapshotTables(database);
    await expect(updateAgreement({ db: database.db, actor: actors.strategist, id, expectedRevision: 1, input: input({ title: "X" }) })).rejects.toThrow("Your account does not let you change this agreement.");
    await expect(updateAgreement({ db: database.db, actor: actors.otherCommissioner, id, expectedRevision: 1, input: input({ title: "X" }) })).rejects.toThrow("There is no agreement with this number that you can see.");
    await expect(addAgreementComment({ db: database.db, actor: actors.vcse2, id, body: "Hello" })).rejects.toThrow("There is no agreement");
    expect(await snapshotTables(database)).toEqual(before);
    await addAgreementComment({ db: database.db, actor: actors.vcse1, id, body: "Looks right to us" });
  });

  it("goes draft → agreed → active, records a variation as version 2, ends, then refuses variation and renews once", async () => {
    const db = database.db;
    const c = actors.commissioner;
    const id = await createAgreement({ db, actor: c, icbCode: GM, input: input() });
    await expect(changeAgreementStatus({ db, actor: c, id, expectedRevision: 1, action: "activate", today: TODAY })).rejects.toThrow("An agreement that is draft cannot be made active");
    await changeAgreementStatus({ db, actor: c, id, expectedRevision: 1, action: "agree", today: TODAY });
    await changeAgreementStatus({ db, actor: c, id, expectedRevision: 2, action: "activate", today: TODAY });
    await expect(updateAgreement({ db, actor: c, id, expectedRevision: 3, input: input({ valuePence: 12_000_000 }) })).rejects.toThrow("Enter what changed and why");
    await updateAgreement({ db, actor: c, id, expectedRevision: 3, input: input({ valuePence: 12_000_000, changeSummary: "Uplift for winter pressures" }) });
    const varied = (await getAgreement({ db, actor: c, id }))!;
    expect(varied.versions.map((v) => [v.version, v.changeSummary, v.changed])).toEqual([
      [2, "Uplift for winter pressures", ["Value"]],
      [1, "Original agreement", []],
    ]);
    expect(varied.current.valuePence).toBe(12_000_000);
    await changeAgreementStatus({ db, actor: c, id, expectedRevision: 4, action: "end", today: TODAY });
    await expect(updateAgreement({ db, actor: c, id, expectedRevision: 5, input: input({ changeSummary: "Too late" }) })).rejects.toThrow("An agreement that is ended cannot be varied");
    const successor = await renewAgreement({ db, actor: c, id, expectedRevision: 5 });
    const renewed = (await getAgreement({ db, actor: c, id: successor }))!;
    expect(renewed).toMatchObject({ status: "draft", predecessor: { id }, current: { startDate: "2026-04-01", endDate: "2027-03-31", valuePence: 12_000_000 } });
    expect(renewed.current.kpis[0].targets[0]).toEqual({ period: "2026-04-01", target: 30 });
    expect((await getAgreement({ db, actor: c, id }))!.successor).toEqual({ id: successor, title: renewed.title });
    await expect(renewAgreement({ db, actor: c, id, expectedRevision: 5 })).rejects.toThrow("This agreement has already been renewed");
    expect((await getAgreementHistory({ db, actor: c, id })).map((h) => h.action)).toEqual(["agreement.end", "agreement.vary", "agreement.activate", "agreement.agree", "agreement.create"]);
  });

  it("terminates only with a reason, and the reason is kept", async () => {
    const db = database.db;
    const id = await createAgreement({ db, actor: actors.commissioner, icbCode: GM, input: input() });
    await expect(changeAgreementStatus({ db, actor: actors.commissioner, id, expectedRevision: 1, action: "terminate", reason: " ", today: TODAY })).rejects.toThrow("Enter the reason");
    await changeAgreementStatus({ db, actor: actors.commissioner, id, expectedRevision: 1, action: "terminate", reason: "Provider closed", today: TODAY });
    expect(await getAgreement({ db, actor: actors.commissioner, id })).toMatchObject({ status: "terminated", terminationReason: "Provider closed", terminatedOn: TODAY });
  });

  it("refuses a stale edit: the second of two edits from the same revision changes nothing", async () => {
    const db = database.db;
    const id = await createAgreement({ db, actor: actors.commissioner, icbCode: GM, input: input() });
    await updateAgreement({ db, actor: actors.commissioner, id, expectedRevision: 1, input: input({ title: "First editor's title" }) });
    const before = await snapshotTables(database);
    const stale = updateAgreement({ db, actor: actors.admin, id, expectedRevision: 1, input: input({ title: "Second editor's title" }) });
    await expect(stale).rejects.toThrow(AgreementConflictError);
    await expect(stale).rejects.toMatchObject({ currentRevision: 2 });
    expect(await snapshotTables(database)).toEqual(before);
    expect((await getAgreement({ db, actor: actors.commissioner, id }))!.title).toBe("First editor's title");
    await expect(changeAgreementStatus({ db, actor: actors.commissioner, id, expectedRevision: 1, action: "agree", today: TODAY })).rejects.toThrow(AgreementConflictError);
  });

  it("computes KPI actuals by quarter from the covered services' activity, disclosed, and adds a plugged-in source", async () => {
    const db = database.db;
    const id = await createAgreement({ db, actor: actors.commissioner, icbCode: GM, input: input() });
    const agreement = (await getAgreement({ db, actor: actors.commissioner, id }))!;
    // The same episodes the fixture inserted, counted independently.
    const episodes = Array.from({ length: 80 }, (_, k) => k + 1).map((i) => ({ quarter: i % 2 === 0 ? "2025-04-01" : "2025-07-01", attended: i % 4 !== 0, decile: (i % 10) + 1 }));
    const inQuarter = (q: string) => episodes.filter((e) => e.quarter === q && e.attended);
    const clientsQ1 = inQuarter("2025-04-01").length;
    const core20 = (q: string) => inQuarter(q).filter((e) => e.decile <= 2).length;

    const delivery = await computeKpiDelivery({ db, agreement, today: TODAY });
    const clients = delivery.find((k) => k.measure === "clients-advised")!;
    expect(clients.periods.map((p) => p.label)).toEqual(["2025-26 Q1", "2025-26 Q2", "2025-26 Q3", "2025-26 Q4"]);
    expect(clients.periods[0]).toMatchObject({ target: 30, actual: discloseCount(clientsQ1).value });
    expect(clients.periods[3]).toMatchObject({ actual: null, rag: "not-due" });
    // Q3 is running with no activity: behind its pace.
    expect(clients.periods[2].rag).toBe("red");
    const share = delivery.find((k) => k.measure === "core20-share")!;
    // Q1's Core20 clients are too few to show (1–7 people); Q2's share is shown.
    expect(core20("2025-04-01")).toBeLessThan(8);
    expect(share.periods[0].actual).toBe("*");
    expect(core20("2025-07-01")).toBeGreaterThanOrEqual(8);
    expect(share.periods[1].actual).toBeCloseTo((100 * core20("2025-07-01")) / inQuarter("2025-07-01").length, 6);

    extraTotalsSources.push(async (_db, { periods }) => [{ period: periods[0], clientsAdvised: 100 }]);
    try {
      const withReturns = await computeKpiDelivery({ db, agreement, today: TODAY });
      expect(withReturns.find((k) => k.measure === "clients-advised")!.periods[0].actual).toBe(discloseCount(clientsQ1 + 100).value);
    } finally {
      extraTotalsSources.pop();
    }
  });

  it("stores documents in the database and gives them only to those who may see the agreement", async () => {
    const db = database.db;
    const id = await createAgreement({ db, actor: actors.commissioner, icbCode: GM, input: input() });
    await expect(addAgreementDocument({ db, actor: actors.commissioner, id, fileName: "x.pdf", bytes: new TextEncoder().encode("MZ not a pdf") })).rejects.toThrow("is not a real PDF file");
    await expect(addAgreementDocument({ db, actor: actors.vcse1, id, fileName: "x.pdf", bytes: PDF })).rejects.toThrow("Your account does not let you change this agreement.");
    const documentId = await addAgreementDocument({ db, actor: actors.commissioner, id, fileName: "../../Signed MoU.pdf", bytes: PDF });
    const doc = await getAgreementDocument({ db, actor: actors.vcse1, id, documentId });
    expect(doc).toMatchObject({ fileName: "Signed MoU.pdf", mimeType: "application/pdf" });
    expect(Array.from(doc!.content)).toEqual(Array.from(PDF));
    expect(await getAgreementDocument({ db, actor: actors.vcse2, id, documentId })).toBeNull();
    expect(await getAgreementDocument({ db, actor: actors.commissioner, id: id + 1000, documentId })).toBeNull();
  });

  it("records payments once agreed and reports spend against value", async () => {
    const db = database.db;
    const id = await createAgreement({ db, actor: actors.commissioner, icbCode: GM, input: input() });
    await expect(recordPayment({ db, actor: actors.commissioner, id, paidOn: "2025-07-01", amountPence: 100, reference: null })).rejects.toThrow("once the agreement is agreed");
    await changeAgreementStatus({ db, actor: actors.commissioner, id, expectedRevision: 1, action: "agree", today: TODAY });
    await recordPayment({ db, actor: actors.commissioner, id, paidOn: "2025-07-05", amountPence: 2_500_000, reference: "INV-1" });
    const { spend, payments } = await getAgreementPayments({ db, actor: actors.vcse1, id, today: TODAY });
    expect(payments).toHaveLength(1);
    expect(spend).toMatchObject({ valuePence: 10_000_000, paidPence: 2_500_000, dueToDatePence: 5_000_000, remainingPence: 7_500_000 });
  });

  it("lists agreements ending or due for review within 90 days and services whose funding ends within a year", async () => {
    const db = database.db;
    const id = await createAgreement({ db, actor: actors.commissioner, icbCode: GM, input: input({ title: "Ending soon", endDate: "2026-01-31", reviewDate: "2025-12-01" }) });
    await changeAgreementStatus({ db, actor: actors.commissioner, id, expectedRevision: 1, action: "agree", today: TODAY });
    await changeAgreementStatus({ db, actor: actors.commissioner, id, expectedRevision: 2, action: "activate", today: TODAY });
    const list = await getAttentionList({ db, actor: actors.commissioner, today: TODAY });
    const mine = list.filter((i) => i.title === "Ending soon");
    expect(mine.map((i) => i.kind).sort()).toEqual(["ending", "kpi", "review"]);
    // Q2 is the last quarter over: clients advised met its target of 30, the Core20 share (20%) missed its 40%.
    expect(mine.find((i) => i.kind === "kpi")).toMatchObject({ detail: "Share of clients in the most deprived 20% (Core20) off track in 2025-26 Q2", href: `/agreements/${id}?tab=delivery` });
    // Service one's funding continues: the renewal drafted earlier runs to 2027-03-31.
    expect(list.filter((i) => i.kind === "funding").map((i) => i.title)).not.toContain("Service one");
    const two = await createAgreement({ db, actor: actors.commissioner, icbCode: GM, input: input({ title: "Service two funding", parties: [{ organisationId: org2, leadName: "Two", leadEmail: null }], serviceIds: [service2], endDate: "2026-06-30", kpis: [] }) });
    await changeAgreementStatus({ db, actor: actors.commissioner, id: two, expectedRevision: 1, action: "agree", today: TODAY });
    const after = await getAttentionList({ db, actor: actors.commissioner, today: TODAY });
    expect(after.filter((i) => i.kind === "funding")).toEqual([{ kind: "funding", title: "Service two", detail: "Funding ends on 2026-06-30 and no agreement or award follows it", href: `/hjp/services/${service2}`, date: "2026-06-30" }]);
    expect(await getAttentionList({ db, actor: actors.strategist, today: TODAY })).toEqual([]);
  });
});

describe("the demo agreements", () => {
  const TODAY_DEMO = "2026-11-28";
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDb({ withReferenceData: true });
    await seedDemoAccounts(database.db);
    await ensureDemoHjp(database, { today: TODAY_DEMO });
  });
  afterAll(async () => database.cleanup());

  it("creates Greater Manchester agreements in every state once, labelled synthetic, with KPI actuals from the synthetic activity", async () => {
    expect(await ensureDemoAgreements(database, { today: TODAY_DEMO })).toEqual({ status: "loaded", created: 6 });
    expect(await ensureDemoAgreements(database, { today: TODAY_DEMO })).toEqual({ status: "unchanged", created: 0 });
    const commissioner = { id: 0, role: "commissioner" as const, icbCode: GM, organisationId: null };
    const register = await listAgreements({ db: database.db, actor: commissioner });
    expect(register.map((a) => a.status).sort()).toEqual(["active", "active", "agreed", "draft", "ended", "terminated"]);
    expect(register.every((a) => a.synthetic && /synthetic/i.test(a.title))).toBe(true);
    const active = register.find((a) => a.title === "Primary care health justice partnership (synthetic)")!;
    const detail = (await getAgreement({ db: database.db, actor: commissioner, id: active.id }))!;
    expect(detail.versions).toHaveLength(2);
    expect(detail.predecessor).not.toBeNull();
    const delivery = await computeKpiDelivery({ db: database.db, agreement: detail, today: TODAY_DEMO });
    const clients = delivery.find((k) => k.measure === "clients-advised")!;
    const past = clients.periods.filter((p) => p.rag !== "not-due");
    expect(past.length).toBeGreaterThan(4);
    expect(past.every((p) => typeof p.actual === "number" && p.actual > 0)).toBe(true);
    // The demo VCSE user sees their organisation's agreements only.
    const [vcse] = await database.rows<{ organisation_id: number }>("select organisation_id from users where email = 'vcse@example.org'");
    const theirs = await listAgreements({ db: database.db, actor: { id: 0, role: "vcse", icbCode: null, organisationId: Number(vcse.organisation_id) } });
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.length).toBeLessThan(register.length);
  });
});
