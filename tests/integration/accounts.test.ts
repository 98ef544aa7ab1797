import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoAccounts } from "../../db/seed/demo-accounts";
import { DEMO_PASSWORD } from "../../app/services/accounts/passwords.server";
import { getSessionUser, IDLE_LIFETIME_MS, revokeAllSessions } from "../../app/services/accounts/sessions.server";
import { signIn, THROTTLE } from "../../app/services/accounts/sign-in.server";
import { AccountError, createUser, listUsers, setUserActive } from "../../app/services/accounts/users.server";
import { listAuditEntries, recordAudit } from "../../app/services/audit/audit.server";
import { createTestDb, type TestDatabase } from "../db";

describe("accounts, sessions and the audit trail", () => {
  let database: TestDatabase;
  const t0 = new Date("2026-03-02T09:00:00Z");
  const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
  const attempt = (email: string, password: string, now: Date, address = "10.0.0.1", demo = true) =>
    signIn({ db: database.db, email, password, address, demo, now });

  beforeAll(async () => {
    database = await createTestDb();
    await seedDemoAccounts(database.db);
  });
  afterAll(async () => database.cleanup());

  it("seeds one demo account per role, with argon2id hashes", async () => {
    const users = await listUsers({ db: database.db });
    expect(users.map((u) => [u.email, u.role])).toEqual([
      ["admin@example.org", "admin"],
      ["commissioner@example.org", "commissioner"],
      ["strategist@example.org", "strategist"],
      ["vcse@example.org", "vcse"],
    ]);
    const rows = await database.rows<{ password_hash: string }>("select password_hash from users");
    for (const r of rows) expect(r.password_hash).toMatch(/^\$argon2id\$/);
    expect(await seedDemoAccounts(database.db)).toEqual({ created: 0 });
  });

  it("signs in with the right password, whatever the case of the email address", async () => {
    const result = await attempt("Commissioner@Example.org ", DEMO_PASSWORD, at(0));
    expect(result.ok).toBe(true);
    const user = await getSessionUser({ db: database.db, token: (result as { token: string }).token, now: at(1) });
    expect(user).toMatchObject({ email: "commissioner@example.org", role: "commissioner", icbCode: "E54000057" });
  });

  it("gives the same answer for a wrong password and for an unknown email", async () => {
    expect(await attempt("strategist@example.org", "wrong-password", at(0), "10.0.0.2")).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt("nobody@example.org", "wrong-password", at(0), "10.0.0.3")).toEqual({ ok: false, reason: "invalid" });
  });

  it("throttles an account after repeated failures, even for the right password, until the block ends", async () => {
    for (let i = 0; i < THROTTLE.perAccount; i++) await attempt("vcse@example.org", "wrong-password", at(i), `10.1.0.${i}`);
    const blocked = await attempt("vcse@example.org", DEMO_PASSWORD, at(6), "10.1.0.99");
    expect(blocked).toMatchObject({ ok: false, reason: "throttled" });
    const later = await attempt("vcse@example.org", DEMO_PASSWORD, at(6 + 16), "10.1.0.99");
    expect(later.ok).toBe(true);
  });

  it("throttles an address that tries many accounts", async () => {
    for (let i = 0; i < THROTTLE.perAddress; i++) await attempt(`guess${i}@example.org`, "x", at(30), "10.9.9.9");
    expect(await attempt("admin@example.org", DEMO_PASSWORD, at(31), "10.9.9.9")).toMatchObject({ reason: "throttled" });
    expect((await attempt("admin@example.org", DEMO_PASSWORD, at(31), "10.9.9.10")).ok).toBe(true);
  });

  it("refuses the demo password when demo mode is off", async () => {
    expect(await attempt("admin@example.org", DEMO_PASSWORD, at(60), "10.2.0.1", false)).toEqual({ ok: false, reason: "invalid" });
    await expect(
      createUser({ db: database.db, actor: null, demo: false, input: { email: "x@example.org", name: "X", role: "admin", password: DEMO_PASSWORD } }),
    ).rejects.toThrow(AccountError);
  });

  it("ends a session after its idle lifetime, and renews it on use", async () => {
    const { token } = (await attempt("strategist@example.org", DEMO_PASSWORD, at(100), "10.3.0.1")) as { token: string };
    const idleMinutes = IDLE_LIFETIME_MS / 60_000;
    // Used after 6 hours: still valid, and renewed from then.
    expect(await getSessionUser({ db: database.db, token, now: at(100 + 360) })).not.toBeNull();
    expect(await getSessionUser({ db: database.db, token, now: at(100 + 360 + idleMinutes - 1) })).not.toBeNull();
    // Not used for longer than the idle lifetime: gone.
    expect(await getSessionUser({ db: database.db, token, now: at(100 + 360 + idleMinutes - 1 + idleMinutes + 1) })).toBeNull();
  });

  it("signs a user out of every session at once", async () => {
    const a = (await attempt("admin@example.org", DEMO_PASSWORD, at(200), "10.4.0.1")) as { token: string; userId: number };
    const b = (await attempt("admin@example.org", DEMO_PASSWORD, at(201), "10.4.0.2")) as { token: string };
    expect(await revokeAllSessions({ db: database.db, userId: a.userId, now: at(202) })).toBeGreaterThanOrEqual(2);
    expect(await getSessionUser({ db: database.db, token: a.token, now: at(203) })).toBeNull();
    expect(await getSessionUser({ db: database.db, token: b.token, now: at(203) })).toBeNull();
  });

  it("ends the sessions of a deactivated user and refuses their sign-in", async () => {
    const users = await listUsers({ db: database.db });
    const admin = users.find((u) => u.role === "admin")!;
    const strategist = users.find((u) => u.role === "strategist")!;
    const { token } = (await attempt("strategist@example.org", DEMO_PASSWORD, at(300), "10.5.0.1")) as { token: string };
    await setUserActive({ db: database.db, actor: { ...admin, email: admin.email }, userId: strategist.id, active: false });
    expect(await getSessionUser({ db: database.db, token, now: at(301) })).toBeNull();
    expect(await attempt("strategist@example.org", DEMO_PASSWORD, at(302), "10.5.0.2")).toEqual({ ok: false, reason: "invalid" });
    await setUserActive({ db: database.db, actor: { ...admin, email: admin.email }, userId: strategist.id, active: true });
  });

  it("records who changed what, without secrets, and lets commissioners read only their ICB's entries", async () => {
    const entries = await listAuditEntries({ db: database.db, actor: { id: 1, role: "admin", icbCode: null, organisationId: null } });
    const deactivation = entries.find((e) => e.summary?.startsWith("Deactivated strategist@example.org"));
    expect(deactivation).toMatchObject({ actorEmail: "admin@example.org", before: { active: true }, after: { active: false } });
    const created = entries.find((e) => e.summary === "Created commissioner account commissioner@example.org");
    expect(JSON.stringify(created?.after)).not.toMatch(/password|argon/i);

    await recordAudit(database.db, null, { action: "update", entityType: "agreement", entityId: 1, icbCode: "E54000048", summary: "another ICB" });
    const commissionerView = await listAuditEntries({ db: database.db, actor: { id: 2, role: "commissioner", icbCode: "E54000057", organisationId: null } });
    expect(commissionerView.length).toBeGreaterThan(0);
    expect(commissionerView.every((e) => e.icbCode === "E54000057")).toBe(true);
    expect(await listAuditEntries({ db: database.db, actor: { id: 3, role: "vcse", icbCode: null, organisationId: 1 } })).toEqual([]);
  });

  it("refuses to update, delete or truncate audit rows", async () => {
    const before = await database.rows<{ n: number }>("select count(*)::int as n from audit_log");
    await expect(database.rows("update audit_log set summary = 'rewritten'")).rejects.toThrow(/append-only/);
    await expect(database.rows("delete from audit_log")).rejects.toThrow(/append-only/);
    await expect(database.rows("truncate audit_log")).rejects.toThrow(/append-only/);
    expect(await database.rows<{ n: number }>("select count(*)::int as n from audit_log")).toEqual(before);
  });
});
