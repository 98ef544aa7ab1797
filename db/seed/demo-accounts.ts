import { eq, inArray } from "drizzle-orm";
import { createOrganisation, createUser } from "../../app/services/accounts/users.server";
import { DEMO_PASSWORD } from "../../app/services/accounts/passwords.server";
import type { Db } from "../client";
import { organisations, users } from "../schema/index";

export const GREATER_MANCHESTER_ICB = "E54000057";
export const DEMO_ORGANISATION = "Greater Manchester Health Justice Advice (demo)";

export const DEMO_ACCOUNTS = [
  { email: "admin@example.org", name: "Demo Administrator", role: "admin" },
  { email: "commissioner@example.org", name: "Demo Commissioner", role: "commissioner", icbCode: GREATER_MANCHESTER_ICB },
  { email: "strategist@example.org", name: "Demo Strategist", role: "strategist", icbCode: GREATER_MANCHESTER_ICB },
  { email: "vcse@example.org", name: "Demo VCSE Partner", role: "vcse" },
] as const;

/**
 * Demo mode only: one account per role with the published demo password, and the
 * demo advice organisation the VCSE user belongs to. Safe to run on every start.
 */
export async function seedDemoAccounts(db: Db): Promise<{ created: number }> {
  const existing = await db.select({ email: users.email }).from(users).where(inArray(users.email, DEMO_ACCOUNTS.map((a) => a.email)));
  const have = new Set(existing.map((e) => e.email));
  let [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, DEMO_ORGANISATION));
  if (!org) {
    org = await createOrganisation({
      db,
      actor: null,
      input: { name: DEMO_ORGANISATION, charityNumber: "1000001", giving360Id: "GB-CHC-1000001", primaryIcbCode: GREATER_MANCHESTER_ICB },
    });
  }
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    if (have.has(account.email)) continue;
    await createUser({
      db,
      actor: null,
      demo: true,
      input: {
        email: account.email,
        name: account.name,
        role: account.role,
        icbCode: "icbCode" in account ? account.icbCode : undefined,
        organisationId: account.role === "vcse" ? org.id : undefined,
        password: DEMO_PASSWORD,
      },
    });
    created++;
  }
  return { created };
}
