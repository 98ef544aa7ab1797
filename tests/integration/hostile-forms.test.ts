/**
 * Hostile form submissions through the routes' own actions, signed in as a real
 * session (PGlite, or PostgreSQL when DATABASE_URL is set): a submission the schema
 * refuses is answered 400 and leaves every table as it was; hostile but valid text
 * (SQL, HTML, formula cells) is stored exactly as typed and reads back identically.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, AppLoadContext } from "@remix-run/node";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { commitSessionCookie } from "../../app/auth/session.server";
import { ScenarioFormSchema } from "../../app/domain/demand/scenario-form";
import { servicesDataset } from "../../app/domain/hjp/datasets";
import { returnFormSchema } from "../../app/domain/returns/form";
import { action as newOrganisation } from "../../app/routes/admin.organisations";
import { action as newUser } from "../../app/routes/admin.users";
import { action as editAgreement } from "../../app/routes/agreements.$id_.edit";
import { action as newAgreement } from "../../app/routes/agreements.new";
import { action as newScenario } from "../../app/routes/icb.$code.demand_.scenarios.new";
import { action as signInAction } from "../../app/routes/login";
import { action as organisationIdentifiers } from "../../app/routes/organisations.$id";
import { action as editPack } from "../../app/routes/packs.$id_.edit";
import { action as returnAction } from "../../app/routes/returns.$serviceId.$period";
import { action as newPack } from "../../app/routes/packs.new";
import { action as inflationIndex } from "../../app/routes/value-for-money.inflation-index";
import { action as unitCost } from "../../app/routes/value-for-money.unit-costs.$id";
import { DEMO_PASSWORD } from "../../app/services/accounts/passwords.server";
import { signIn } from "../../app/services/accounts/sign-in.server";
import { CreateUserSchema, OrganisationIdentifiersSchema, OrganisationSchema, SignInSchema } from "../../app/validation/accounts";
import { AgreementFormSchema } from "../../app/validation/agreements";
import { NewPackSchema, PackEditSchema } from "../../app/validation/packs";
import { ReviewReturnSchema } from "../../app/validation/returns";
import { InflationIndexFormSchema, UnitCostFormSchema } from "../../app/validation/value-for-money";
import { GREATER_MANCHESTER_ICB, seedDemoAccounts } from "../../db/seed/demo-accounts";
import { createTestDb, snapshotTables, tableNames, type TestDatabase } from "../db";
import { agreementFormEntries, type FormEntries, toFormData } from "../fixtures/form-examples";
import { datasetCsv, example, importFile, ORG_ID, tempDir } from "../fixtures/hjp-setup";
import { HOSTILE_SEED, hostileButValidText, hostileCell } from "../setup/hostile";

type Entries = FormEntries;
type Action = (args: ActionFunctionArgs) => Promise<Response>;
type Role = "admin" | "commissioner" | "vcse";
type Form = {
  route: string;
  action: Action;
  schema: z.ZodType;
  as: Role | null;
  path: string;
  params?: Record<string, string>;
  /** May read the database (an edit form carries the revision it was loaded at). */
  valid: () => Entries | Promise<Entries>;
  /** Signing in only writes a session, which these snapshots leave out. */
  signsIn?: true;
  /** A free-text field, and how to read back what was last stored from it. */
  text?: { field: string; stored: () => Promise<string> };
};

export const DB_RUNS = { refused: 20, stored: 15 };

let database: TestDatabase;
let context: AppLoadContext;
const cookies = {} as Record<Role, string>;
let vcseOrganisationId = 0;
let packId = 0;
let agreementId = 0;
let serviceId = 0;
const QUARTER = "2025-04-01";
const files = tempDir();

const latest = async (table: string, column: string) => {
  const [row] = await database.rows<Record<string, string>>(`select "${column}" as v from "${table}" order by id desc limit 1`);
  return row!.v!;
};

/** The tables the bundled reference data fills (checked once for the whole file), and the rest (checked around every submission). */
let referenceTables: string[] = [];
let appTables: string[] = [];
let referenceBefore: Awaited<ReturnType<typeof snapshotTables>>;

// Sessions are renewed as they are used; whether a renewal happened is not what these tests are about.
async function snapshot() {
  const { sessions: _renewed, ...rest } = await snapshotTables(database, appTables);
  return rest;
}

async function submit(form: Form, data: FormData): Promise<Response> {
  const headers: Record<string, string> = form.as ? { Cookie: cookies[form.as] } : {};
  const request = new Request(`http://localhost${form.path}`, { method: "POST", body: data, headers });
  try {
    return await form.action({ request, params: form.params ?? {}, context });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}


let unique = 0;
const FORMS: Form[] = [
  {
    route: "admin.organisations",
    action: newOrganisation,
    schema: OrganisationSchema,
    as: "admin",
    path: "/admin/organisations",
    valid: () => ({ name: `Riverside Advice ${++unique}`, primaryIcbCode: GREATER_MANCHESTER_ICB }),
    text: { field: "name", stored: () => latest("organisations", "name") },
  },
  {
    route: "admin.users",
    action: newUser,
    schema: CreateUserSchema,
    as: "admin",
    path: "/admin/users",
    valid: () => ({ name: "Pat", email: `pat${++unique}@example.org`, role: "commissioner", icbCode: GREATER_MANCHESTER_ICB, password: "a long enough password 42" }),
    text: { field: "name", stored: () => latest("users", "name") },
  },
  {
    route: "agreements.new",
    action: newAgreement,
    schema: AgreementFormSchema,
    as: "commissioner",
    path: "/agreements/new",
    valid: () => agreementFormEntries(String(vcseOrganisationId)),
    text: { field: "title", stored: () => latest("agreements", "title") },
  },
  {
    route: "agreements.$id_.edit",
    action: editAgreement,
    schema: AgreementFormSchema,
    as: "commissioner",
    get path() {
      return `/agreements/${agreementId}/edit`;
    },
    get params() {
      return { id: String(agreementId) };
    },
    valid: async () => ({ ...agreementFormEntries(String(vcseOrganisationId)), revision: String((await database.rows<{ revision: number }>(`select revision from agreements where id = ${agreementId}`))[0]!.revision) }),
    text: { field: "title", stored: async () => (await database.rows<{ title: string }>(`select title from agreements where id = ${agreementId}`))[0]!.title },
  },
  {
    route: "icb.$code.demand_.scenarios.new",
    action: newScenario,
    schema: ScenarioFormSchema,
    as: "commissioner",
    path: `/icb/${GREATER_MANCHESTER_ICB}/demand/scenarios/new`,
    params: { code: GREATER_MANCHESTER_ICB },
    valid: () => ({ name: "More advisers", annualGrowthPercent: "0.5", projectionYears: "5" }),
    text: { field: "name", stored: () => latest("demand_scenarios", "name") },
  },
  {
    route: "packs.new",
    action: newPack,
    schema: NewPackSchema,
    as: "commissioner",
    path: "/packs/new",
    valid: () => ({ title: "Evidence for the board", area: `icb:${GREATER_MANCHESTER_ICB}` }),
    text: { field: "title", stored: () => latest("packs", "title") },
  },
  {
    route: "value-for-money.unit-costs.$id",
    action: unitCost,
    schema: UnitCostFormSchema,
    as: "admin",
    path: "/value-for-money/unit-costs/new",
    params: { id: "new" },
    valid: () => ({ code: `T-${++unique}`, item: "Homelessness, per case", value: "6,680", unit: "per case", priceYear: "2019-20", source: "GMCA unit cost database", licence: "OGL v3" }),
    text: { field: "item", stored: () => latest("vfm_unit_costs", "item") },
  },
  {
    route: "value-for-money.inflation-index",
    action: inflationIndex,
    schema: InflationIndexFormSchema,
    as: "admin",
    path: "/value-for-money/inflation-index",
    valid: () => ({ intent: "save", year: "2031-32", value: "150.5", source: "HM Treasury GDP deflator" }),
  },
  {
    route: "organisations.$id",
    action: organisationIdentifiers,
    schema: OrganisationIdentifiersSchema,
    as: "admin",
    get path() {
      return `/organisations/${vcseOrganisationId}`;
    },
    get params() {
      return { id: String(vcseOrganisationId) };
    },
    valid: () => ({ charityNumber: String(1_000_000 + ++unique), giving360Id: `GB-CHC-${1_000_000 + unique}` }),
  },
  {
    route: "packs.$id_.edit",
    action: editPack,
    schema: PackEditSchema,
    as: "commissioner",
    get path() {
      return `/packs/${packId}/edit`;
    },
    get params() {
      return { id: String(packId) };
    },
    valid: () => ({ title: `Evidence for the board ${++unique}`, agreementsInclude: "on", agreementsNarrative: "Need outstrips what is funded." }),
    text: { field: "title", stored: async () => (await database.rows<{ title: string }>(`select title from packs where id = ${packId}`))[0]!.title },
  },
  {
    route: "returns.$serviceId.$period (submit)",
    action: returnAction,
    schema: returnFormSchema(["clients-advised", "financial-gains"]),
    as: "vcse",
    get path() {
      return `/returns/${serviceId}/${QUARTER}`;
    },
    get params() {
      return { serviceId: String(serviceId), period: QUARTER };
    },
    valid: () => ({ intent: "submit", revision: "0", clientsAdvised: "40", clientsWithGains: "12", gainsRecurring: "12500.50", caseStudies: "A client kept their home." }),
  },
  {
    route: "returns.$serviceId.$period (review)",
    action: returnAction,
    schema: ReviewReturnSchema,
    as: "commissioner",
    get path() {
      return `/returns/${serviceId}/${QUARTER}`;
    },
    get params() {
      return { serviceId: String(serviceId), period: QUARTER };
    },
    valid: () => ({ intent: "review", decision: "query", comment: "Please check the referrals." }),
  },
  { route: "login", action: signInAction, schema: SignInSchema, as: null, signsIn: true, path: "/login", valid: () => ({ email: "admin@example.org", password: DEMO_PASSWORD }) },
];

const spoil = fc.oneof(
  { weight: 5, arbitrary: hostileCell.map((v) => ({ kind: "value" as const, v })) },
  { weight: 1, arbitrary: fc.constant({ kind: "missing" as const }) },
  { weight: 1, arbitrary: fc.tuple(hostileCell, hostileCell).map(([a, b]) => ({ kind: "repeated" as const, v: [a, b] })) },
  { weight: 1, arbitrary: fc.constant({ kind: "value" as const, v: "x".repeat(1_048_576) }) },
);

beforeAll(async () => {
  database = await createTestDb({ withReferenceData: true });
  const all = await snapshotTables(database);
  referenceTables = Object.keys(all).filter((t) => all[t]!.rows > 0);
  appTables = (await tableNames(database)).filter((t) => !referenceTables.includes(t));
  await seedDemoAccounts(database.db);
  context = { db: database.db, database, sessionSecret: "a-test-session-secret-of-at-least-32-chars", secureCookies: false, demo: true, nonce: "n", startedAt: "", clientAddress: "10.0.0.3" } as AppLoadContext;
  // A partner's service with a quarterly return due, for the return form.
  const services = files.write("services.csv", datasetCsv(servicesDataset, [example(servicesDataset, { provider_org_id: ORG_ID, icb_code: GREATER_MANCHESTER_ICB })]));
  expect((await importFile(database, "hjp-services", services)).errors).toEqual([]);
  const [service] = await database.rows<{ id: number }>(`select id from hjp_services order by id desc limit 1`);
  serviceId = Number(service!.id);
  await database.rows(`insert into reporting_requirements (service_id, first_period_start, required_measures) values (${serviceId}, '${QUARTER}', '{clients-advised,financial-gains}')`);
  for (const role of ["admin", "commissioner", "vcse"] as const) {
    const signedIn = await signIn({ db: database.db, email: `${role}@example.org`, password: DEMO_PASSWORD, address: "10.0.0.3", demo: true });
    cookies[role] = (await commitSessionCookie(context, (signedIn as { token: string }).token)).split(";")[0]!;
  }
  const [vcse] = await database.rows<{ organisation_id: number }>(`select organisation_id from users where email = 'vcse@example.org'`);
  vcseOrganisationId = Number(vcse!.organisation_id);
  const created = await newPack({ request: new Request("http://localhost/packs/new", { method: "POST", body: toFormData({ title: "Pack to edit", area: `icb:${GREATER_MANCHESTER_ICB}` }), headers: { Cookie: cookies.commissioner } }), params: {}, context });
  packId = Number(/\/packs\/(\d+)\/edit/.exec(created.headers.get("Location") ?? "")?.[1]);
  expect(packId).toBeGreaterThan(0);
  const agreement = await newAgreement({ request: new Request("http://localhost/agreements/new", { method: "POST", body: toFormData(agreementFormEntries(String(vcseOrganisationId))), headers: { Cookie: cookies.commissioner } }), params: {}, context });
  agreementId = Number(/\/agreements\/(\d+)/.exec(agreement.headers.get("Location") ?? "")?.[1]);
  expect(agreementId).toBeGreaterThan(0);
  // Taken after the setup above, which logs its import among the reference data's.
  referenceBefore = await snapshotTables(database, referenceTables);
});
afterAll(async () => {
  files.remove();
  await database?.cleanup();
});

describe.each(FORMS.map((f) => [f.route, f] as const))("the %s action", (_route, form) => {
  it("accepts its valid example, so the refusals below are about the hostile field", async () => {
    const before = await snapshot();
    const response = await submit(form, toFormData(await form.valid()));
    expect(response.status, await response.clone().text()).toBe(302);
    if (!form.signsIn) expect(await snapshot()).not.toEqual(before);
  });

  it("answers a submission its schema refuses with 400 and changes no table", async () => {
    const fields = [...new Set([...Object.keys(await form.valid()), ...Object.keys((form.schema as z.ZodObject).shape ?? {})])];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), spoil, async (field, how) => {
        const entries = Object.fromEntries(Object.entries(await form.valid()).filter(([k]) => k !== field));
        const data = toFormData(entries);
        if (how.kind === "value") data.append(field, how.v);
        if (how.kind === "repeated") for (const v of how.v) data.append(field, v);
        fc.pre(parseWithZod(data, { schema: form.schema }).status !== "success");
        const before = await snapshot();
        const response = await submit(form, data);
        expect(response.status).toBe(400);
        expect(await snapshot()).toEqual(before);
      }),
      { numRuns: DB_RUNS.refused, seed: HOSTILE_SEED },
    );
  });

  if (form.text) {
    const { field, stored } = form.text;
    it(`stores hostile but valid text in ${field} exactly as typed`, async () => {
      await fc.assert(
        fc.asyncProperty(hostileButValidText, async (text) => {
          const value = `${text} ${++unique}`;
          const response = await submit(form, toFormData({ ...(await form.valid()), [field]: value }));
          expect(response.status, await response.clone().text()).toBe(302);
          expect(await stored()).toBe(value);
        }),
        { numRuns: DB_RUNS.stored, seed: HOSTILE_SEED },
      );
    });
  }
});

it("leaves the bundled reference data as it was after every submission above", async () => {
  expect(await snapshotTables(database, referenceTables)).toEqual(referenceBefore);
});
