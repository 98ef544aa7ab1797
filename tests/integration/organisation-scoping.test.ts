import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccountError, createOrganisation, createUser, getOrganisationForUser, listUsers, updateOrganisationIdentifiers } from "../../app/services/accounts/users.server";
import { seedDemoAccounts } from "../../db/seed/demo-accounts";
import { createTestDb, snapshotTables, type TestDatabase } from "../db";

describe("organisation scoping", () => {
  let database: TestDatabase;
  let own: number;
  let other: number;
  let vcse: Awaited<ReturnType<typeof listUsers>>[number] & { email: string };
  beforeAll(async () => {
    database = await createTestDb();
    await seedDemoAccounts(database.db);
    own = (await database.rows<{ id: number }>("select id from organisations"))[0].id;
    other = (await createOrganisation({ db: database.db, actor: null, input: { name: "Another Advice Service", primaryIcbCode: "E54000048", giving360Id: "GB-CHC-2000002" } })).id;
    await createUser({ db: database.db, actor: null, demo: true, input: { email: "other.vcse@example.org", name: "Other", role: "vcse", organisationId: other, password: "another-long-password" } });
    vcse = (await listUsers({ db: database.db })).find((u) => u.email === "vcse@example.org")!;
  });
  afterAll(async () => database.cleanup());

  it("shows a VCSE user their own organisation and not another's", async () => {
    expect(await getOrganisationForUser({ db: database.db, actor: vcse, id: own })).toMatchObject({ id: own });
    expect(await getOrganisationForUser({ db: database.db, actor: vcse, id: other })).toBeNull();
  });

  it("shows commissioners only the organisations working mainly with their ICB", async () => {
    const gm = { id: 2, role: "commissioner" as const, icbCode: "E54000057", organisationId: null };
    expect(await getOrganisationForUser({ db: database.db, actor: gm, id: own })).not.toBeNull();
    expect(await getOrganisationForUser({ db: database.db, actor: gm, id: other })).toBeNull();
  });

  it("refuses a VCSE user's change to another organisation, and writes nothing", async () => {
    const before = await snapshotTables(database);
    await expect(
      updateOrganisationIdentifiers({ db: database.db, actor: { ...vcse, email: vcse.email }, id: other, input: { charityNumber: "1234567" } }),
    ).rejects.toThrow(AccountError);
    expect(await snapshotTables(database)).toEqual(before);
  });

  it("lets a VCSE user update their own organisation, with an audit entry", async () => {
    await updateOrganisationIdentifiers({ db: database.db, actor: { ...vcse, email: vcse.email }, id: own, input: { charityNumber: "1000009", giving360Id: "GB-CHC-1000009" } });
    const [row] = await database.rows<{ charity_number: string }>(`select charity_number from organisations where id = ${own}`);
    expect(row.charity_number).toBe("1000009");
    const [audit] = await database.rows<{ actor_email: string; after: { charityNumber: string } }>(`select actor_email, after from audit_log where entity_type = 'organisation' and action = 'update'`);
    expect(audit).toMatchObject({ actor_email: "vcse@example.org", after: { charityNumber: "1000009" } });
  });

  it("refuses another organisation's 360Giving identifier", async () => {
    await expect(
      updateOrganisationIdentifiers({ db: database.db, actor: { ...vcse, email: vcse.email }, id: own, input: { giving360Id: "GB-CHC-2000002" } }),
    ).rejects.toThrow("Another organisation already has this 360Giving identifier");
  });
});
