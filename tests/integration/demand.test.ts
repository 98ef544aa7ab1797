/**
 * Demand modelling against the real geography (Greater Manchester, from the bundled
 * reference data) on either driver: inputs assembled in SQL, footprints that add up
 * from neighbourhood to place to system with services that serve several
 * neighbourhoods, calibration against observed activity, scenarios saved and scoped
 * by ICB and role, and the exports.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../app/auth/permissions";
import { formValues } from "../../app/domain/demand/form";
import { scenarioFromForm, ScenarioFormSchema } from "../../app/domain/demand/scenario-form";
import { buildDemandView, DEFAULT_SCENARIO } from "../../app/domain/demand/view";
import { getDemandPage } from "../../app/services/demand/demand.server";
import { demandCsv, demandXlsx } from "../../app/services/demand/export.server";
import { type LoadedDemandInputs, loadDemandInputs } from "../../app/services/demand/inputs.server";
import { getScenario, listScenarios, saveScenario } from "../../app/services/demand/scenarios.server";
import { createTestDb, type TestDatabase } from "../db";

const GM = "E54000057";
const LANCASHIRE = "E54000048";
const OLDHAM = "E08000004";
const TODAY = "2026-01-15";

let database: TestDatabase;
let inputs: LoadedDemandInputs;
const actors: Record<string, Actor> = {};
let orgId = 0;

const sumOf = <T>(xs: T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);

async function insertUser(email: string, role: string, icbCode: string | null, organisationId: number | null): Promise<Actor> {
  const [row] = await database.rows<{ id: number }>(
    `insert into users (email, name, password_hash, role, icb_code, organisation_id) values ('${email}', '${email.split("@")[0]}', 'not-a-hash', '${role}', ${icbCode ? `'${icbCode}'` : "null"}, ${organisationId ?? "null"}) returning id`,
  );
  return { id: Number(row.id), role: role as Actor["role"], icbCode, organisationId };
}

function form(fields: Record<string, string | string[]>) {
  const parsed = ScenarioFormSchema.safeParse({ annualGrowthPercent: "0.5", projectionYears: "5", ...fields });
  if (!parsed.success) throw new Error(parsed.error.message);
  return scenarioFromForm(parsed.data);
}

beforeAll(async () => {
  database = await createTestDb({ withReferenceData: true });
  const [org] = await database.rows<{ id: number }>(`insert into organisations (name, primary_icb_code) values ('Demand test advice', '${GM}') returning id`);
  orgId = Number(org.id);
  const pcns = await database.rows<{ code: string }>(`select code from areas where level = 'neighbourhood' and icb_code = '${GM}' order by code limit 2`);
  // One service over two neighbourhoods, one over a whole place, one with a practice site only.
  const [a] = await database.rows<{ id: number }>(
    `insert into hjp_services (organisation_id, service_ref, name, icb_code, delivery_model, problem_areas, adviser_fte, sessions_per_week) values (${orgId}, 'A', 'Two PCNs service', '${GM}', 'co-located', '{welfare}', 1.5, 5) returning id`,
  );
  await database.rows(`insert into hjp_service_areas (service_id, area_code, level) values (${a.id}, '${pcns[0].code}', 'neighbourhood'), (${a.id}, '${pcns[1].code}', 'neighbourhood')`);
  const [b] = await database.rows<{ id: number }>(
    `insert into hjp_services (organisation_id, service_ref, name, icb_code, delivery_model, problem_areas, adviser_fte, sessions_per_week) values (${orgId}, 'B', 'Oldham service', '${GM}', 'co-located', '{debt}', 2, 8) returning id`,
  );
  await database.rows(`insert into hjp_service_areas (service_id, area_code, level) values (${b.id}, '${OLDHAM}', 'place')`);
  const [c] = await database.rows<{ id: number }>(
    `insert into hjp_services (organisation_id, service_ref, name, icb_code, delivery_model, problem_areas, adviser_fte, sessions_per_week) values (${orgId}, 'C', 'Practice service', '${GM}', 'co-located', '{housing}', 0.4, 2) returning id`,
  );
  const [practice] = await database.rows<{ code: string }>(`select p.code from practices p join areas a on a.code = p.pcn_code and a.icb_code = '${GM}' order by p.code limit 1`);
  await database.rows(`insert into hjp_service_sites (service_id, setting, ods_code) values (${c.id}, 'gp-practice', '${practice.code}')`);
  // Observed activity: 40 attended and 10 not, in the first neighbourhood.
  const values = Array.from({ length: 50 }, (_, i) => `(${a.id}, 'E${i}', 1, '2025-10-01', '2025-12-31', '2025-${String(1 + (i % 12)).padStart(2, "0")}-10', 'gp', ${i < 40}, 'gp-practice', 'face-to-face', '{welfare}', '{welfare}', 'casework', '${pcns[0].code}')`);
  await database.rows(
    `insert into hjp_episodes (service_id, episode_ref, upload_id, period_start, period_end, referral_date, referral_source, attended, setting, delivery_mode, problem_areas, problem_categories, service_level, neighbourhood_code) values ${values.join(", ")}`,
  );
  actors.commissioner = await insertUser("c@example.org", "commissioner", GM, null);
  actors.strategist = await insertUser("s@example.org", "strategist", GM, null);
  actors.otherCommissioner = await insertUser("lc@example.org", "commissioner", LANCASHIRE, null);
  actors.vcse = await insertUser("v@example.org", "vcse", null, orgId);
  actors.admin = await insertUser("a@example.org", "admin", null, null);
  inputs = (await loadDemandInputs({ db: database.db, icbCode: GM, today: TODAY }))!;
}, 600_000);

afterAll(async () => {
  await database?.cleanup();
});

describe("inputs assembled in SQL", () => {
  it("registers adults per neighbourhood as the sum of its practices' 18+ lists", async () => {
    const expected = await database.rows<{ code: string; adults: number }>(
      `select a.code, coalesce(sum(p.list_adults), 0)::int as adults from areas a left join practices p on p.pcn_code = a.code where a.level = 'neighbourhood' and a.icb_code = '${GM}' group by a.code`,
    );
    expect(inputs.base.neighbourhoods.length).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(50);
    const byCode = new Map(expected.map((e) => [e.code, Number(e.adults)]));
    for (const n of inputs.base.neighbourhoods) expect(n.registeredAdults).toBe(byCode.get(n.code));
  });

  it("takes long-term-condition prevalence from the qof-dep indicator, centred on England", () => {
    const known = inputs.base.neighbourhoods.filter((n) => n.ltcPrevalence !== null);
    expect(known.length).toBeGreaterThan(inputs.base.neighbourhoods.length * 0.9);
    for (const n of known) expect(n.ltcPrevalence!).toBeGreaterThan(0.02), expect(n.ltcPrevalence!).toBeLessThan(0.5);
    expect(inputs.ltcReferencePrevalence).toBeGreaterThan(0.05);
    expect(inputs.ltcReferencePrevalence).toBeLessThan(0.25);
  });

  it("expands each service's footprint to neighbourhoods by the stated rule", () => {
    const byName = new Map(inputs.services.map((s) => [s.name, s]));
    expect(byName.get("Two PCNs service")!.neighbourhoods).toBe(2);
    expect(byName.get("Oldham service")!.neighbourhoods).toBeGreaterThan(3);
    expect(byName.get("Practice service")!.neighbourhoods).toBe(1);
    expect(byName.get("Practice service")!.coverage).toMatch(/GP practice sites/);
  });
});

describe("footprints add up", () => {
  const view = () => buildDemandView(inputs, DEFAULT_SCENARIO, { draws: 200 });

  it.each([
    ["registered adults", (m: ReturnType<typeof view>["result"]["system"]["measures"]) => m.registeredAdults],
    ["expected clients", (m: ReturnType<typeof view>["result"]["system"]["measures"]) => m.expectedClients.central],
    ["budget needed", (m: ReturnType<typeof view>["result"]["system"]["measures"]) => m.budgetNeededGbp.central],
    ["funded FTE", (m: ReturnType<typeof view>["result"]["system"]["measures"]) => m.fundedFte],
    ["unmet need", (m: ReturnType<typeof view>["result"]["system"]["measures"]) => m.unmetNeedClients.central],
  ])("%s: system = sum of places = sum of neighbourhoods", (_name, measure) => {
    const { result } = view();
    const system = measure(result.system.measures);
    expect(sumOf(result.places, (p) => measure(p.measures))).toBeCloseTo(system, 6);
    expect(sumOf(result.neighbourhoods, (n) => measure(n.measures))).toBeCloseTo(system, 6);
  });

  it("counts every funded FTE of the ICB's services once", () => {
    expect(view().result.system.measures.fundedFte).toBeCloseTo(1.5 + 2 + 0.4, 9);
  });

  it("adds up to the practices of the ICB's neighbourhoods", async () => {
    const [total] = await database.rows<{ adults: number }>(
      `select sum(p.list_adults)::int as adults from practices p join areas a on a.code = p.pcn_code where a.level = 'neighbourhood' and a.icb_code = '${GM}'`,
    );
    expect(view().result.system.measures.registeredAdults).toBe(Number(total.adults));
  });

  it("calibrates against the attended clients observed in the latest 12 months", () => {
    const v = view();
    expect(inputs.observed).toHaveLength(1);
    expect(inputs.observed[0].observed).toBe(40);
    expect(v.calibration!.rows).toHaveLength(1);
    expect(v.calibration!.rows[0].observed).toBe(40);
    expect(v.observedShown[inputs.observed[0].code]).toBe(40);
  });
});

describe("scenarios saved and scoped", () => {
  let privateId = 0;
  let sharedId = 0;

  it("a commissioner saves a scenario with parameters and a co-located adviser", async () => {
    const codes = inputs.base.neighbourhoods.slice(0, 5).map((n) => n.code);
    const saved = await saveScenario({
      db: database.db,
      actor: actors.commissioner,
      icbCode: GM,
      base: inputs.base,
      fields: form({ name: "Higher incidence", annualIncidence: "10", clientsPerFte: "180", addSessionsPerWeek: "1", addNeighbourhoods: codes }),
    });
    expect(saved).toHaveProperty("id");
    privateId = (saved as { id: number }).id;
    const detail = await getScenario({ db: database.db, actor: actors.strategist, icbCode: GM, id: privateId });
    expect(detail).toMatchObject({ name: "Higher incidence", authorName: "c", sharedWithVcse: false });
    expect(detail!.spec.parameterOverrides).toEqual({ annualIncidence: { value: 0.1 }, clientsPerFte: { value: 180 } });
    expect(detail!.spec.capacityChanges).toHaveLength(1);
    const run = buildDemandView(inputs, detail!.spec, { draws: 0 });
    expect(run.result.system.measures.fundedFte).toBeCloseTo(3.9 + 0.5, 9);
  });

  it("a strategist saves one shared with VCSE partners", async () => {
    const saved = await saveScenario({ db: database.db, actor: actors.strategist, icbCode: GM, base: inputs.base, fields: form({ name: "Shared plan", sharedWithVcse: "on" }) });
    sharedId = (saved as { id: number }).id;
    expect(sharedId).toBeGreaterThan(0);
  });

  it.each([
    ["the other commissioner of the ICB's role", "strategist", ["Higher incidence", "Shared plan"]],
    ["an administrator", "admin", ["Higher incidence", "Shared plan"]],
    ["a VCSE user of an organisation working with the ICB (shared only)", "vcse", ["Shared plan"]],
    ["a commissioner of another ICB", "otherCommissioner", []],
  ])("%s sees the right scenarios", async (_who, actor, names) => {
    const list = await listScenarios({ db: database.db, actor: actors[actor], icbCode: GM });
    expect(list.map((s) => s.name)).toEqual(names);
  });

  it("a VCSE user cannot open an unshared scenario even by its number", async () => {
    expect(await getScenario({ db: database.db, actor: actors.vcse, icbCode: GM, id: privateId })).toBeNull();
    const page = await getDemandPage({ db: database.db, actor: actors.vcse, icbCode: GM, query: new URLSearchParams({ scenario: String(privateId) }), today: TODAY });
    expect(page).toBeNull();
  });

  it.each([
    ["a VCSE user", "vcse"],
    ["an administrator", "admin"],
    ["a commissioner of another ICB", "otherCommissioner"],
  ])("%s cannot create a scenario", async (_who, actor) => {
    const saved = await saveScenario({ db: database.db, actor: actors[actor], icbCode: GM, base: inputs.base, fields: form({ name: `By ${actor}` }) });
    expect(saved).toEqual({ field: "forbidden", message: expect.stringMatching(/cannot create scenarios/) });
  });

  it.each([
    ["a name already used in the ICB (any case)", { name: "higher INCIDENCE" }, "name"],
    ["a neighbourhood outside the ICB", { name: "Elsewhere", addSessionsPerWeek: "1", addNeighbourhoods: ["U99999"] }, "addNeighbourhoods"],
  ])("refuses %s", async (_case, fields, field) => {
    const saved = await saveScenario({ db: database.db, actor: actors.commissioner, icbCode: GM, base: inputs.base, fields: form(fields) });
    expect(saved).toMatchObject({ field });
  });

  it("the page applies query parameters on top of the saved scenario", async () => {
    const page = await getDemandPage({ db: database.db, actor: actors.commissioner, icbCode: GM, query: new URLSearchParams({ scenario: String(privateId), annualIncidence: String(formValues({}).annualIncidence), attendanceRate: "65" }), today: TODAY });
    if (!page || page === "forbidden") throw new Error("no page");
    expect(page.spec.parameterOverrides).toEqual({ clientsPerFte: { value: 180 }, attendanceRate: { value: 0.65 } });
  });
});

describe("exports", () => {
  it("CSV holds the neighbourhoods, places and system with money in pence", async () => {
    const text = await demandCsv({ inputs, spec: DEFAULT_SCENARIO, today: TODAY }).text();
    expect(text).toContain("Budget needed (pence)");
    expect(text).toContain("System (ICB)");
    for (const n of inputs.base.neighbourhoods.slice(0, 3)) expect(text).toContain(n.code);
  });

  it("XLSX holds a sheet per table", async () => {
    const res = await demandXlsx({ inputs, spec: DEFAULT_SCENARIO, today: TODAY });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["About", "Neighbourhoods", "Places", "System", "Parameters", "Projection", "Calibration"]);
    expect(workbook.getWorksheet("Neighbourhoods")!.rowCount).toBe(inputs.base.neighbourhoods.length + 1);
  });
});
