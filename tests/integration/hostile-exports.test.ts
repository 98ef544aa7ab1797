/**
 * Every XLSX download, given data that carries a formula as text (an agreement title, a
 * pack title and narrative, place and service names, a template's description), writes
 * it as inert text with an apostrophe in front: read back with exceljs, no cell is a
 * formula and no text cell starts with = + - @ or a tab, except plain numbers.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activityDataset } from "../../app/domain/hjp/datasets";
import { DEFAULT_SCENARIO } from "../../app/domain/demand/view";
import { neutraliseFormula } from "../../app/domain/format/csv-cell";
import { createAgreement } from "../../app/services/agreements/agreements.server";
import { exportRegister } from "../../app/services/agreements/export.server";
import { demandXlsx } from "../../app/services/demand/export.server";
import { loadDemandInputs } from "../../app/services/demand/inputs.server";
import { templateXlsx } from "../../app/services/hjp/templates.server";
import { buildPackAnnex } from "../../app/services/packs/annex.server";
import { createPack, getPackContent, type PackActor, savePackVersion } from "../../app/services/packs/packs.server";
import { vfmTableDownload } from "../../app/services/value-for-money/export.server";
import { getValueForMoneyView } from "../../app/services/value-for-money/view.server";
import { AgreementFormSchema, toAgreementInput } from "../../app/validation/agreements";
import { GREATER_MANCHESTER_ICB as GM, seedDemoAccounts } from "../../db/seed/demo-accounts";
import { createTestDb, type TestDatabase } from "../db";

const HOSTILE = '=HYPERLINK("http://evil","x")';
const TODAY = "2026-11-28";

/** Every cell of a written workbook: none a formula, every text already safe, and the hostile text there, prefixed. */
async function expectInert(bytes: ArrayBuffer | Uint8Array) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as ArrayBuffer);
  const cells: ExcelJS.Cell[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void cells.push(cell))));
  expect(cells.length).toBeGreaterThan(0);
  expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula).map((c) => c.address)).toEqual([]);
  const texts = cells.map((c) => c.value).filter((v): v is string => typeof v === "string");
  expect(texts.filter((t) => neutraliseFormula(t) !== t)).toEqual([]);
  expect(texts.some((t) => t === `'${HOSTILE}`)).toBe(true);
}

let database: TestDatabase;
let commissioner: PackActor;

beforeAll(async () => {
  database = await createTestDb({ withReferenceData: true });
  await seedDemoAccounts(database.db);
  const [user] = await database.rows<{ id: number; email: string; name: string }>(`select id, email, name from users where email = 'commissioner@example.org'`);
  commissioner = { id: Number(user!.id), role: "commissioner", icbCode: GM, organisationId: null, email: user!.email, name: user!.name };
});
afterAll(async () => database?.cleanup());

describe("XLSX downloads of hostile text", () => {
  it("the agreements register", async () => {
    const [vcse] = await database.rows<{ organisation_id: number }>(`select organisation_id from users where email = 'vcse@example.org'`);
    const form = AgreementFormSchema.parse({
      title: HOSTILE,
      type: "grant",
      purpose: "+cmd|' /C calc'!A0",
      icbLeadName: "@SUM(1+1)",
      parties: [{ organisationId: String(vcse!.organisation_id), leadName: "Sam" }],
      footprintSystem: "on",
      value: "1000",
      paymentFrequency: "single",
      startDate: "2025-04-01",
      endDate: "2026-03-31",
      reportingFrequency: "quarterly",
      reportingDueDays: "30",
    });
    await createAgreement({ db: database.db, actor: commissioner, icbCode: GM, input: toAgreementInput(form) });
    const response = await exportRegister({ db: database.db, actor: commissioner, filters: {}, format: "xlsx", today: TODAY });
    await expectInert(await response.arrayBuffer());
  });

  it("a strategy evidence pack's data annex", async () => {
    const id = await createPack({ db: database.db, actor: commissioner, input: { title: HOSTILE, area: `icb:${GM}` } });
    await savePackVersion({ db: database.db, actor: commissioner, id, input: { title: HOSTILE, sections: [{ kind: "agreements", options: {}, narrative: HOSTILE }] } });
    const content = await getPackContent({ db: database.db, actor: commissioner, id });
    await expectInert(await buildPackAnnex(content));
  });

  it("the demand model workbook", async () => {
    const inputs = (await loadDemandInputs({ db: database.db, icbCode: GM, today: TODAY }))!;
    expect(inputs.base.places?.length).toBeGreaterThan(0);
    const hostile = { ...inputs, base: { ...inputs.base, places: inputs.base.places!.map((p) => ({ ...p, name: HOSTILE })) } };
    const response = await demandXlsx({ inputs: hostile, spec: { ...DEFAULT_SCENARIO, name: HOSTILE }, today: TODAY });
    await expectInert(await response.arrayBuffer());
  });

  it("a value-for-money table", async () => {
    const view = (await getValueForMoneyView({ db: database.db, actor: commissioner, level: "icb", code: GM, today: TODAY }))!;
    const table = view.tables[0]!;
    const hostile = { ...view, tables: [{ ...table, rows: [{ key: "hostile", label: HOSTILE, cells: {} }, ...table.rows] }] };
    const response = await vfmTableDownload({ view: hostile, tableId: table.id, format: "xlsx", today: TODAY });
    await expectInert(await response.arrayBuffer());
  });

  it("an HJP data template", async () => {
    const dataset = { ...activityDataset, list: activityDataset.list.map((c, i) => (i === 0 ? { ...c, description: HOSTILE, example: HOSTILE } : c)) };
    await expectInert(await templateXlsx(dataset as typeof activityDataset));
  });
});
