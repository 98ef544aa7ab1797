/**
 * VCSE returns end to end on a real database (PGlite, or PostgreSQL with DATABASE_URL):
 * through the route modules as a browser would reach them (form, upload, data API), so
 * that organisation scoping is proved where requests arrive, and through the services
 * for drafts, conflicts, review, versions, the audit trail, and the rule that each
 * period counts once in the HJP roll-ups and KPI totals.
 */
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitSessionCookie } from "../../app/auth/session.server";
import { activityDataset, servicesDataset } from "../../app/domain/hjp/datasets";
import { EMPTY_AGGREGATES } from "../../app/domain/returns/measures";
import { createSession, revokeSession } from "../../app/services/accounts/sessions.server";
import { createUser } from "../../app/services/accounts/users.server";
import { rollUpHjp } from "../../app/services/hjp/rollups.server";
import { findPreservedForm } from "../../app/services/returns/preserved-forms.server";
import { getReturnPage, listVersions, reviewReturn, saveDraft, submitFormReturn } from "../../app/services/returns/returns.server";
import { acceptedReturnTotals } from "../../app/services/returns/totals.server";
import { getTracker } from "../../app/services/returns/tracker.server";
import { commitUpload, previewUpload } from "../../app/services/returns/uploads.server";
import * as apiRoute from "../../app/routes/api.v1.returns.$serviceId.$period";
import * as returnRoute from "../../app/routes/returns.$serviceId.$period";
import * as uploadRoute from "../../app/routes/returns.$serviceId.$period_.upload";
import { seedDemoAccounts } from "../../db/seed/demo-accounts";
import { createTestDb, type TestDatabase } from "../db";
import { datasetCsv, importFile, registerOrganisation, tempDir } from "../fixtures/hjp-setup";

const GM = "E54000057";
const ORG_A = "GB-CHC-1000001"; // the demo organisation seedDemoAccounts creates
const ORG_B = "GB-CHC-1000002";
const TODAY = "2026-01-15";
const Q1 = "2025-04-01";
const Q2 = "2025-07-01";
const Q3 = "2025-10-01";

let n = 0;
function episode(service: string, org: string, changes: Record<string, string> = {}): Record<string, string> {
  n++;
  return {
    provider_org_id: org,
    service_ref: service,
    episode_ref: `E-${n}`,
    reporting_period: "2025-26 Q2",
    referral_date: "2025-07-10",
    referral_source: ["gp", "self"][n % 2],
    attended: n % 4 === 0 ? "no" : "yes",
    setting: "remote",
    delivery_mode: "telephone",
    problem_categories: "welfare-benefits:pip; debt:priority",
    service_level: "advice",
    gains_recurring_annual: n % 2 ? `pip=${1000 + n}` : "",
    closed_date: "2025-09-01",
    ...changes,
  };
}

type Actor = { id: number; email: string; role: "vcse" | "commissioner"; icbCode: string | null; organisationId: number | null };

describe("VCSE returns", () => {
  let database: TestDatabase;
  let context: AppLoadContext;
  const files = tempDir();
  let serviceA: number;
  let serviceB: number;
  let vcseA: Actor;
  let vcseA2: Actor;
  let vcseB: Actor;
  let commissioner: Actor;
  const cookies = new Map<number, string>();
  const db = () => database.db;

  async function cookieFor(actor: Actor) {
    if (!cookies.has(actor.id)) {
      const token = await createSession({ db: db(), userId: actor.id });
      cookies.set(actor.id, (await commitSessionCookie(context, token)).split(";")[0]);
    }
    return cookies.get(actor.id)!;
  }

  /** A route module's response, thrown or returned. */
  async function call(fn: () => Promise<unknown>): Promise<Response> {
    try {
      return (await fn()) as Response;
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  }

  async function post(actor: Actor | null, path: string, params: Record<string, string>, form: Record<string, string>, cookie?: string) {
    const request = new Request(`http://test${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie ?? (actor ? await cookieFor(actor) : "") },
      body: new URLSearchParams(form),
    });
    return call(() => returnRoute.action({ request, params, context }));
  }

  async function get(actor: Actor, module: { loader: (a: never) => Promise<unknown> }, path: string, params: Record<string, string>) {
    const request = new Request(`http://test${path}`, { headers: { Cookie: await cookieFor(actor) } });
    return call(() => module.loader({ request, params, context } as never));
  }

  beforeAll(async () => {
    database = await createTestDb({ withReferenceData: true });
    context = { db: database.db, database, sessionSecret: "a-test-session-secret-of-at-least-32-chars", secureCookies: false, demo: true, nonce: "n", startedAt: "", clientAddress: "10.0.0.3" } as AppLoadContext;
    await seedDemoAccounts(database.db);
    const orgB = await registerOrganisation(database, ORG_B, "Another Advice Service (test)");
    const [orgA] = await database.rows<{ id: number }>(`select id from organisations where giving360_id = '${ORG_A}'`);
    const service = (org: string, ref: string) => ({
      provider_org_id: org,
      service_ref: ref,
      service_name: `Advice line ${ref}`,
      icb_code: GM,
      sites: "remote",
      areas_served: GM,
      delivery_model: "remote",
      problem_areas: "welfare-benefits; debt",
      adviser_fte: "1",
      sessions_per_week: "5",
    });
    expect((await importFile(database, "hjp-services", files.write("services.csv", datasetCsv(servicesDataset, [service(ORG_A, "LINE-A"), service(ORG_B, "LINE-B")])))).errors).toEqual([]);
    const ids = await database.rows<{ id: number; service_ref: string }>("select id, service_ref from hjp_services");
    serviceA = Number(ids.find((s) => s.service_ref === "LINE-A")!.id);
    serviceB = Number(ids.find((s) => s.service_ref === "LINE-B")!.id);
    for (const id of [serviceA, serviceB]) {
      await database.rows(`insert into reporting_requirements (service_id, first_period_start, required_measures) values (${id}, '${Q1}', '{clients-advised,referrals-by-source,financial-gains}')`);
    }
    const make = async (email: string, role: "vcse" | "commissioner", organisationId: number | null): Promise<Actor> => {
      const user = await createUser({ db: db(), actor: null, demo: true, input: { email, name: email.split("@")[0], role, organisationId: organisationId ?? undefined, icbCode: role === "commissioner" ? GM : undefined, password: "demo-password" } });
      return { id: Number(user.id), email, role, icbCode: role === "commissioner" ? GM : null, organisationId };
    };
    vcseA = await make("a.partner@example.org", "vcse", Number(orgA.id));
    vcseA2 = await make("a.colleague@example.org", "vcse", Number(orgA.id));
    vcseB = await make("b.partner@example.org", "vcse", orgB);
    commissioner = await make("gm.commissioner@example.org", "commissioner", null);
  });
  afterAll(async () => {
    files.remove();
    await database.cleanup();
  });

  it("refuses a form return with an error, naming the field, then takes the corrected one with an audit entry", async () => {
    const path = `/returns/${serviceA}/${Q1}`;
    const params = { serviceId: String(serviceA), period: Q1 };
    const bad = await post(vcseA, path, params, { intent: "submit", revision: "0", clientsAdvised: "twelve", referrals_gp: "10", clientsWithGains: "2", gainsRecurring: "1500" });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("Enter clients advised as a whole number, like 12");
    const good = await post(vcseA, path, params, { intent: "submit", revision: "0", clientsAdvised: "12", referrals_gp: "10", referrals_self: "4", clientsWithGains: "2", gainsRecurring: "1,500.50" });
    expect(good.status).toBe(302);
    expect(good.headers.get("Location")).toBe(`${path}?submitted=1`);
    const page = await getReturnPage({ db: db(), actor: vcseA, serviceId: serviceA, periodStart: Q1, today: TODAY });
    expect(page).toMatchObject({ state: "submitted", status: "submitted" });
    expect(page!.versions[0]).toMatchObject({ version: 1, source: "form", aggregates: { clientsAdvised: 12, referralsBySource: { gp: 10, self: 4 }, gainsRecurringPence: 150050 } });
    const audit = await database.rows<{ action: string; actor_email: string }>(`select action, actor_email from audit_log where entity_type = 'return' order by id`);
    expect(audit.at(-1)).toEqual({ action: "return.submitted", actor_email: vcseA.email });
  });

  it("does not let a VCSE user read or submit another organisation's return through the form, the upload or the API", async () => {
    const path = `/returns/${serviceA}/${Q2}`;
    const params = { serviceId: String(serviceA), period: Q2 };
    expect((await get(vcseB, returnRoute, path, params)).status).toBe(404);
    expect((await get(vcseB, uploadRoute, `${path}/upload`, params)).status).toBe(404);
    expect((await get(vcseB, apiRoute, `/api/v1/returns/${serviceA}/${Q1}`, { serviceId: String(serviceA), period: Q1 })).status).toBe(404);
    const submitted = await post(vcseB, path, params, { intent: "submit", revision: "0", clientsAdvised: "5", referrals_gp: "5", clientsWithGains: "0" });
    expect(submitted.status).toBe(404);
    const drafted = await post(vcseB, path, params, { intent: "save", revision: "0", clientsAdvised: "5" });
    expect(drafted.status).toBe(404);
    const body = new FormData();
    body.set("file", new File([datasetCsv(activityDataset, [episode("LINE-A", ORG_A)])], "a.csv", { type: "text/csv" }));
    const uploaded = await call(() => uploadRoute.action({ request: new Request(`http://test${path}/upload`, { method: "POST", headers: { Cookie: cookies.get(vcseB.id)! }, body }), params, context }));
    expect(uploaded.status).toBe(404);
    // Their own organisation's API answer works, so the 404s above are about scope.
    expect((await get(vcseA, apiRoute, `/api/v1/returns/${serviceA}/${Q1}`, { serviceId: String(serviceA), period: Q1 })).status).toBe(200);
    expect(await database.rows(`select id from returns where service_id = ${serviceA} and period_start = '${Q2}'`)).toEqual([]);
    expect(await database.rows(`select id from return_uploads`)).toEqual([]);
  });

  it("refuses the second of two saves from the same draft, shows both versions, and overwrites nothing", async () => {
    const first = await saveDraft({ db: db(), actor: vcseA, serviceId: serviceA, periodStart: Q3, values: { clientsAdvised: "7" }, baseRevision: 0 });
    expect(first).toMatchObject({ ok: true, revision: 1 });
    const second = await saveDraft({ db: db(), actor: vcseA2, serviceId: serviceA, periodStart: Q3, values: { clientsAdvised: "9" }, baseRevision: 0 });
    expect(second.ok).toBe(false);
    expect(second).toMatchObject({ reason: "conflict", conflict: { theirs: { values: { clientsAdvised: "7" }, revision: 1, savedBy: "a.partner" } } });
    const page = await getReturnPage({ db: db(), actor: vcseA, serviceId: serviceA, periodStart: Q3, today: TODAY });
    expect(page!.draft).toMatchObject({ values: { clientsAdvised: "7" }, revision: 1 });
    // Through the form the conflict is a 409 page carrying both versions.
    const response = await post(vcseA2, `/returns/${serviceA}/${Q3}`, { serviceId: String(serviceA), period: Q3 }, { intent: "save", revision: "0", clientsAdvised: "9" });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ conflict: { mine: { clientsAdvised: "9" }, theirs: { values: { clientsAdvised: "7" } } } });
    // Choosing to keep one's own version names the revision one has now seen.
    expect(await saveDraft({ db: db(), actor: vcseA2, serviceId: serviceA, periodStart: Q3, values: { clientsAdvised: "9" }, baseRevision: 1 })).toMatchObject({ ok: true, revision: 2 });
  });

  it("keeps what was typed when the session has ended, for that user alone, and offers it back after sign-in", async () => {
    const token = await createSession({ db: db(), userId: vcseA.id });
    const cookie = (await commitSessionCookie(context, token)).split(";")[0];
    await revokeSession({ db: db(), token });
    const path = `/returns/${serviceA}/${Q3}`;
    const response = await post(null, path, { serviceId: String(serviceA), period: Q3 }, { intent: "submit", revision: "2", clientsAdvised: "31", caseStudies: "Typed before the session ended" }, cookie);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
    expect(await findPreservedForm({ db: db(), userId: vcseA.id, formKey: path })).toMatchObject({ values: { clientsAdvised: "31", caseStudies: "Typed before the session ended" } });
    expect(await findPreservedForm({ db: db(), userId: vcseA2.id, formKey: path })).toBeNull();
    const [kept] = await database.rows<{ hours: number }>(`select extract(epoch from expires_at - saved_at) / 3600 as hours from preserved_forms where user_id = ${vcseA.id}`);
    expect(Number(kept.hours)).toBeGreaterThanOrEqual(24);
    const own = (await (await get(vcseA, returnRoute, path, { serviceId: String(serviceA), period: Q3 })).json()) as { preserved: { values: Record<string, string> } | null };
    expect(own.preserved?.values.clientsAdvised).toBe("31");
    const colleague = (await (await get(vcseA2, returnRoute, path, { serviceId: String(serviceA), period: Q3 })).json()) as { preserved: unknown };
    expect(colleague.preserved).toBeNull();
    // A request with no session token at all keeps nothing: there is nobody to keep it for.
    await post(null, path, { serviceId: String(serviceA), period: Q3 }, { intent: "submit", clientsAdvised: "99" }, "");
    expect(await database.rows(`select id from preserved_forms where values->>'clientsAdvised' = '99'`)).toEqual([]);
  });

  it("lets the commissioner query a return, the partner resubmit it as a new version, and keeps the first version readable", async () => {
    expect(await reviewReturn({ db: db(), actor: vcseA, serviceId: serviceA, periodStart: Q1, decision: "accept", comment: null })).toEqual({ ok: false, reason: "not-found" });
    expect(await reviewReturn({ db: db(), actor: commissioner, serviceId: serviceA, periodStart: Q1, decision: "query", comment: "Please check the gains" })).toEqual({ ok: true, state: "queried" });
    const queried = await getReturnPage({ db: db(), actor: vcseA, serviceId: serviceA, periodStart: Q1, today: TODAY });
    expect(queried).toMatchObject({ state: "queried", canEdit: true, draft: { values: { clientsAdvised: "12", gainsRecurring: "1500.50" } } });
    expect(queried!.versions[0]).toMatchObject({ review: "queried", reviewComment: "Please check the gains", reviewedBy: "gm.commissioner" });
    const resubmitted = await submitFormReturn({ db: db(), actor: vcseA, serviceId: serviceA, periodStart: Q1, aggregates: { ...EMPTY_AGGREGATES, clientsAdvised: 12, referralsBySource: { gp: 14 }, clientsWithGains: 2, gainsRecurringPence: 15050 } });
    expect(resubmitted).toMatchObject({ ok: true, version: 2, state: "resubmitted" });
    const returnId = queried!.returnId!;
    const versions = await listVersions(db(), returnId);
    expect(versions.map((v) => [v.version, v.aggregates.gainsRecurringPence, v.review])).toEqual([
      [2, 15050, null],
      [1, 150050, "queried"],
    ]);
    expect(await reviewReturn({ db: db(), actor: commissioner, serviceId: serviceA, periodStart: Q1, decision: "accept", comment: null })).toEqual({ ok: true, state: "accepted" });
    const trail = await database.rows<{ action: string }>(`select action from audit_log where entity_type = 'return' and entity_id = '${returnId}' order by id`);
    expect(trail.map((t) => t.action)).toEqual(["return.submitted", "return.queried", "return.resubmitted", "return.accepted"]);
  });

  it("previews an upload with its totals and every row error, and commits it atomically as the period's activity", async () => {
    // Episodes already held for Q2 (from the command line): the upload must replace them.
    const older = [episode("LINE-A", ORG_A, { episode_ref: "OLD-1" }), episode("LINE-A", ORG_A, { episode_ref: "OLD-2" })];
    expect((await importFile(database, "hjp-activity", files.write("old.csv", datasetCsv(activityDataset, older)))).errors).toEqual([]);
    const bad = datasetCsv(activityDataset, [episode("LINE-A", ORG_A), episode("LINE-B", ORG_B), episode("LINE-A", ORG_A, { reporting_period: "2025-26 Q3", referral_date: "2025-10-02", closed_date: "" }), episode("LINE-A", ORG_A, { attended: "maybe" })]);
    const refused = await previewUpload({ db: db(), actor: vcseA, serviceId: serviceA, periodStart: Q2, fileName: "bad.csv", bytes: Buffer.from(bad) });
    expect(refused).toMatchObject({ uploadId: null, totals: null, rowsRead: 4 });
    expect(refused!.errors.map((e) => [e.line, e.column])).toEqual([
      [3, "service_ref"],
      [4, "reporting_period"],
      [5, "attended"],
    ]);
    const rows = [episode("LINE-A", ORG_A, { attended: "yes", referral_source: "gp", gains_recurring_annual: "pip=2000" }), episode("LINE-A", ORG_A, { attended: "no", referral_source: "self", gains_recurring_annual: "" }), episode("LINE-A", ORG_A, { attended: "yes", referral_source: "gp", gains_recurring_annual: "" })];
    const preview = await previewUpload({ db: db(), actor: vcseA, serviceId: serviceA, periodStart: Q2, fileName: "q2.csv", bytes: Buffer.from(datasetCsv(activityDataset, rows)) });
    expect(preview).toMatchObject({ errors: [], totals: { clientsAdvised: 2, referralsBySource: { gp: 2, self: 1 }, clientsWithGains: 1, gainsRecurringPence: 200000 } });
    // Previewing wrote no episodes.
    expect((await database.rows<{ refs: string }>(`select string_agg(episode_ref, ',' order by episode_ref) as refs from hjp_episodes where service_id = ${serviceA}`))[0].refs).toBe("OLD-1,OLD-2");
    // Another organisation's user cannot accept it.
    expect(await commitUpload({ db: db(), actor: vcseB, serviceId: serviceA, periodStart: Q2, uploadId: preview!.uploadId! })).toEqual({ ok: false, reason: "not-found" });
    expect(await commitUpload({ db: db(), actor: vcseA, serviceId: serviceA, periodStart: Q2, uploadId: preview!.uploadId! })).toMatchObject({ ok: true, version: 1, state: "submitted" });
    const held = await database.rows<{ episode_ref: string }>(`select episode_ref from hjp_episodes where service_id = ${serviceA} order by episode_ref`);
    expect(held.map((h) => h.episode_ref)).toEqual(rows.map((r) => r.episode_ref).sort());
    const page = await getReturnPage({ db: db(), actor: commissioner, serviceId: serviceA, periodStart: Q2, today: TODAY });
    expect(page!.versions[0]).toMatchObject({ source: "upload", aggregates: { clientsAdvised: 2 } });
    expect(page!.versions[0].uploadId).toEqual(expect.any(Number));
  });

  it("counts each period once downstream: an accepted form return's figures instead of that period's episodes, never both", async () => {
    // Q3 has episodes (from the command line) and then an accepted form return.
    const q3 = Array.from({ length: 5 }, () => episode("LINE-A", ORG_A, { reporting_period: "2025-26 Q3", referral_date: "2025-10-05", attended: "yes", closed_date: "" }));
    expect((await importFile(database, "hjp-activity", files.write("q3.csv", datasetCsv(activityDataset, q3)))).errors).toEqual([]);
    const before = await rollUpHjp({ db: db(), scope: { icbCode: GM, serviceId: serviceA }, by: "quarter" });
    expect(before.find((r) => r.key === "2025-26 Q3")).toMatchObject({ attended: 5 });
    const draft = await getReturnPage({ db: db(), actor: vcseA, serviceId: serviceA, periodStart: Q3, today: TODAY });
    expect(await submitFormReturn({ db: db(), actor: vcseA, serviceId: serviceA, periodStart: Q3, baseRevision: draft!.draft.revision, aggregates: { ...EMPTY_AGGREGATES, clientsAdvised: 40, referralsBySource: { gp: 45 } } })).toMatchObject({ ok: true });
    // Submitted, not yet accepted: the episodes still count.
    expect((await rollUpHjp({ db: db(), scope: { icbCode: GM, serviceId: serviceA }, by: "quarter" })).find((r) => r.key === "2025-26 Q3")).toMatchObject({ attended: 5 });
    await reviewReturn({ db: db(), actor: commissioner, serviceId: serviceA, periodStart: Q3, decision: "accept", comment: null });
    const after = await rollUpHjp({ db: db(), scope: { icbCode: GM, serviceId: serviceA }, by: "quarter" });
    expect(after.find((r) => r.key === "2025-26 Q3")).toMatchObject({ referrals: 45, attended: 40 });
    // Q1 counts from its accepted form return (12 advised); Q2 from the uploaded episodes (2 of 3 attended).
    expect(after.find((r) => r.key === "2025-26 Q1")).toMatchObject({ attended: 12, referrals: 14 });
    expect(after.find((r) => r.key === "2025-26 Q2")).toMatchObject({ attended: 2, referrals: 3 });
    const system = (await rollUpHjp({ db: db(), scope: { icbCode: GM, serviceId: serviceA }, by: "system" }))[0];
    expect(system.attended).toBe(12 + 2 + 40);
    // Footprints still add up to the system: form figures sit under "not known".
    const places = await rollUpHjp({ db: db(), scope: { icbCode: GM, serviceId: serviceA }, by: "place" });
    expect(places.reduce((s, r) => s + r.attended, 0)).toBe(system.attended);
    const totals = await acceptedReturnTotals(db(), { serviceIds: [serviceA], periods: [Q1, Q2, Q3].map((start, i) => ({ start, end: ["2025-06-30", "2025-09-30", "2025-12-31"][i] })) });
    expect(totals.map((t) => [t.periodStart, t.source, t.totals?.clientsAdvised])).toEqual([
      [Q1, "form", 12],
      [Q2, "activity", 2],
      [Q3, "form", 40],
    ]);
  });

  it("shows the commissioner's tracker with status and days overdue, and only to their ICB", async () => {
    const tracker = await getTracker({ db: db(), actor: commissioner, icbCode: GM, today: TODAY });
    const status = (serviceId: number, start: string) => tracker!.rows.find((r) => r.serviceId === serviceId && r.periodStart === start);
    expect(status(serviceA, Q1)).toMatchObject({ status: "accepted", version: 2 });
    expect(status(serviceA, Q2)).toMatchObject({ status: "submitted", source: "upload" });
    expect(status(serviceB, Q1)).toMatchObject({ status: "overdue", daysOverdue: 169 });
    expect(tracker!.rows.every((r) => r.periodStart <= Q3)).toBe(true);
    expect(await getTracker({ db: db(), actor: { ...commissioner, icbCode: "E54000048" }, icbCode: GM, today: TODAY })).toBeNull();
    expect(await getTracker({ db: db(), actor: vcseA, icbCode: GM, today: TODAY })).toBeNull();
  });
});
