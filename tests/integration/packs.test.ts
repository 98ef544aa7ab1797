/**
 * Strategy evidence packs end to end on real geography, real indicators and the
 * synthetic demonstration HJP data and agreements: create, version, publish (the
 * figures freeze: changing the data underneath changes a draft but not the published
 * pack), share, the demand and agreements sections show what their own pages show, and
 * the PDF and XLSX show the numbers the page shows.
 */
import PDFParser from "pdf2json";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPackPdf } from "../../app/components/packs/pack-pdf.server";
import { keyFigureText, rowCellText } from "../../app/components/packs/pack-format";
import { buildDemandView } from "../../app/domain/demand/view";
import { getDemandPage } from "../../app/services/demand/demand.server";
import { createScenario } from "../../app/services/demand/scenarios.server";
import { listAgreements } from "../../app/services/agreements/agreements.server";
import { buildPackAnnex } from "../../app/services/packs/annex.server";
import { createPack, getPack, getPackContent, listPacks, type PackActor, PackError, publishPack, savePackVersion, sharePack } from "../../app/services/packs/packs.server";
import type { PackSection } from "../../app/domain/packs/sections";
import { ensureDemoAgreements } from "../../db/seed/demo-agreements";
import { DEMO_HJP_ICBS, ensureDemoHjp } from "../../db/seed/demo-hjp";
import { GREATER_MANCHESTER_ICB, seedDemoAccounts } from "../../db/seed/demo-accounts";
import { createTestDb, type TestDatabase } from "../db";

const MANCHESTER = "E08000003";
const TODAY = "2026-11-28";
const NOW = new Date(`${TODAY}T12:00:00Z`);

const strategist: PackActor = { id: 0, role: "strategist", icbCode: GREATER_MANCHESTER_ICB, organisationId: null, email: "s@example.org", name: "Sam Strategist" };
const commissioner: PackActor = { ...strategist, role: "commissioner", email: "c@example.org", name: "Chris Commissioner" };
const otherIcb: PackActor = { ...strategist, icbCode: "E54000048", name: "Lancashire strategist" };

const SECTIONS: PackSection[] = [
  { kind: "population", options: { indicators: ["qof-dep", "qof-mh"], comparator: "parent", inequality: "qof-dep" }, narrative: "Depression is **common** here.\n\n- first priority\n- second priority" },
  { kind: "hjp-provision", options: {}, narrative: "Reach is uneven across neighbourhoods." },
  { kind: "funding-outcomes", options: {}, narrative: "" },
  { kind: "demand", options: {}, narrative: "Need outstrips what is funded." },
  { kind: "agreements", options: {}, narrative: "" },
];

async function pdfText(pdf: Buffer): Promise<string> {
  // pdf.js reads the whole underlying ArrayBuffer: give it a buffer of its own, not a view on Node's pool.
  const own = Buffer.alloc(pdf.length);
  pdf.copy(own);
  const parser = new PDFParser(null, true);
  return new Promise((resolve, reject) => {
    parser.on("pdfParser_dataReady", () => resolve(parser.getRawTextContent()));
    parser.on("pdfParser_dataError", (e) => reject(e instanceof Error ? e : new Error(String((e as { parserError?: unknown }).parserError))));
    parser.parseBuffer(own);
  });
}

describe("strategy evidence packs", () => {
  let database: TestDatabase;
  let vcseOrg: number;
  let packId: number;

  beforeAll(async () => {
    database = await createTestDb({ withReferenceData: true });
    await seedDemoAccounts(database.db);
    await ensureDemoHjp(database, { today: TODAY, icbs: DEMO_HJP_ICBS.slice(0, 1) });
    await ensureDemoAgreements(database, { today: TODAY });
    const [org] = await database.rows<{ id: number }>("select id from organisations where kind = 'vcse' order by id limit 1");
    vcseOrg = Number(org.id);
  });
  afterAll(() => database.cleanup());

  it("creates a pack for a place with a first, empty version", async () => {
    packId = await createPack({ db: database.db, actor: strategist, input: { title: "Manchester evidence for the joint forward plan", area: `place:${MANCHESTER}` } });
    const pack = await getPack({ db: database.db, actor: strategist, id: packId });
    expect(pack.area).toMatchObject({ level: "place", code: MANCHESTER, name: "Manchester", icbCode: GREATER_MANCHESTER_ICB });
    expect(pack.status).toBe("draft");
    expect(pack.version).toMatchObject({ number: 1, sections: [], authorName: "Sam Strategist" });
  });

  it("refuses a place outside the author's ICB", async () => {
    await expect(createPack({ db: database.db, actor: otherIcb, input: { title: "Not mine", area: `place:${MANCHESTER}` } })).rejects.toThrow(PackError);
  });

  it("saves each edit as a new version with its author", async () => {
    await savePackVersion({ db: database.db, actor: strategist, id: packId, input: { title: "Manchester evidence", sections: SECTIONS.slice(0, 1) } });
    const v3 = await savePackVersion({ db: database.db, actor: commissioner, id: packId, input: { title: "Manchester evidence for the joint forward plan", sections: SECTIONS } });
    expect(v3).toBe(3);
    const pack = await getPack({ db: database.db, actor: strategist, id: packId });
    expect(pack.history.map((h) => [h.number, h.authorName])).toEqual([
      [3, "Chris Commissioner"],
      [2, "Sam Strategist"],
      [1, "Sam Strategist"],
    ]);
    expect(pack.version.sections.map((s) => s.kind)).toEqual(["population", "hjp-provision", "demand", "funding-outcomes", "agreements"]);
  });

  it("refuses options a section does not take", async () => {
    const bad = [{ kind: "population" as const, options: { indicators: [] }, narrative: "" }];
    await expect(savePackVersion({ db: database.db, actor: strategist, id: packId, input: { title: "x", sections: bad } })).rejects.toThrow(/at least one indicator/);
  });

  it("shows live figures for a draft, with synthetic HJP figures labelled", async () => {
    const content = await getPackContent({ db: database.db, actor: strategist, id: packId, now: NOW });
    expect(content.frozen).toBe(false);
    const [population, hjp, demand, funding, agreements] = content.sections.map((s) => s.data);
    const dep = population.tables[0].rows.find((r) => r.key.startsWith("qof-dep-"))!;
    expect(typeof dep.cells.value).toBe("number");
    expect(dep.cells.vsEngland).toMatch(/England/);
    expect(population.tables.map((t) => t.id)).toEqual(["indicators", "inequality"]);
    expect(population.charts.map((c) => c.type)).toEqual(["spine", "decile"]);
    expect(hjp.synthetic).toMatch(/^Synthetic demonstration data/);
    expect(hjp.tables.map((t) => t.id)).toEqual(expect.arrayContaining(["services", "reach", "sources"]));
    expect(funding.tables.map((t) => t.id)).toEqual(expect.arrayContaining(["funders", "funding-cliff", "income"]));
    expect(funding.caveats.join(" ")).toMatch(/whole of NHS Greater Manchester/);
    expect(content.sections.map((s) => s.data.status)).toEqual(["ready", "ready", "ready", "ready", "ready"]);
    expect(demand.tables.map((t) => t.id)).toEqual(["neighbourhoods", "parameters"]);
    expect(agreements.tables.map((t) => t.id)).toEqual(["agreements", "kpi-delivery"]);
    // Disclosure control: every count of people shown is 0, * or a multiple of 5.
    for (const t of hjp.tables) {
      for (const c of t.columns.filter((x) => x.format === "count" && ["referrals", "attended", "clients"].includes(x.key))) {
        for (const r of t.rows) {
          const v = r.cells[c.key];
          if (typeof v === "number") expect(v % 5).toBe(0);
        }
      }
    }
  });

  it("loads the demand model for a place pack: the place's figures and its neighbourhoods, as the demand page has them, synthetic capacity labelled", async () => {
    const content = await getPackContent({ db: database.db, actor: strategist, id: packId, now: NOW });
    const demand = content.sections.find((s) => s.spec.kind === "demand")!.data;
    const page = await getDemandPage({ db: database.db, actor: strategist, icbCode: GREATER_MANCHESTER_ICB, query: new URLSearchParams(), today: TODAY });
    if (!page || page === "forbidden") throw new Error("no demand page");
    const place = buildDemandView(page.inputs, page.spec).result.places.find((p) => p.code === MANCHESTER)!;
    const figure = (label: string) => demand.keyFigures.find((k) => k.label === label)?.value;
    expect(figure("Expected clients a year")).toBe(Math.round(place.measures.expectedClients.central));
    expect(figure("Unmet need, clients a year")).toBe(Math.round(place.measures.unmetNeedClients.central));
    expect(figure("Budget needed a year")).toBe(Math.round(place.measures.budgetNeededGbp.central * 100));
    const table = demand.tables[0];
    expect(table.rows.length).toBe(place.neighbourhoodCodes.length);
    expect(table.total?.cells.expected).toBe(figure("Expected clients a year"));
    expect(demand.synthetic).toMatch(/^Synthetic demonstration data/);
    const parameters = demand.tables.find((t) => t.id === "parameters")!;
    expect(parameters.rows.some((r) => String(r.cells.evidence).startsWith("Assumption"))).toBe(true);
    expect(parameters.rows.some((r) => !String(r.cells.evidence).startsWith("Assumption"))).toBe(true);
  });

  it("gives an ICB pack the system's figures by place under a saved scenario, the system total matching the demand service's for that scenario", async () => {
    const [user] = await database.rows<{ id: number }>("select id from users where email = 'commissioner@example.org'");
    const scenarioId = await createScenario({
      db: database.db,
      actor: { ...commissioner, id: Number(user.id) },
      icbCode: GREATER_MANCHESTER_ICB,
      fields: {
        name: "Higher incidence",
        description: null,
        sharedWithVcse: false,
        spec: { name: "Higher incidence", parameterOverrides: { annualIncidence: { value: 0.12 } }, capacityChanges: [], annualGrowthRate: 0.005, projectionYears: 5 },
      },
    });
    const icbPack = await createPack({ db: database.db, actor: strategist, input: { title: "Greater Manchester system", area: `icb:${GREATER_MANCHESTER_ICB}` } });
    const sections: PackSection[] = [
      { kind: "demand", options: { scenario: String(scenarioId) }, narrative: "" },
      { kind: "agreements", options: {}, narrative: "" },
    ];
    await savePackVersion({ db: database.db, actor: strategist, id: icbPack, input: { title: "Greater Manchester system", sections } });
    const content = await getPackContent({ db: database.db, actor: strategist, id: icbPack, now: NOW });
    const [demand, agreements] = content.sections.map((s) => s.data);

    const expected = async (scenario: string) => {
      const page = await getDemandPage({ db: database.db, actor: commissioner, icbCode: GREATER_MANCHESTER_ICB, query: new URLSearchParams(scenario ? { scenario } : {}), today: TODAY });
      if (!page || page === "forbidden") throw new Error("no demand page");
      return buildDemandView(page.inputs, page.spec).result.system.measures;
    };
    const system = await expected(String(scenarioId));
    expect(demand.status).toBe("ready");
    expect(demand.keyFigures.find((k) => k.label === "Expected clients a year")?.value).toBe(Math.round(system.expectedClients.central));
    expect(demand.keyFigures.find((k) => k.label === "Unmet need, clients a year")?.detail).toBe(
      `(80% interval ${Math.round(system.unmetNeedClients.lower).toLocaleString("en-GB")} to ${Math.round(system.unmetNeedClients.upper).toLocaleString("en-GB")})`,
    );
    const places = demand.tables[0];
    expect(places.id).toBe("places");
    expect(places.total?.cells).toMatchObject({ expected: Math.round(system.expectedClients.central), unmet: Math.round(system.unmetNeedClients.central), capacity: Math.round(system.capacityClients.central) });
    expect(places.rows.length).toBeGreaterThan(1);
    expect(demand.tables[1].title).toMatch(/Higher incidence/);
    // The scenario changes the figures: the defaults give another system total.
    expect(Math.round((await expected("")).expectedClients.central)).not.toBe(Math.round(system.expectedClients.central));

    const register = await listAgreements({ db: database.db, actor: commissioner });
    expect(agreements.status).toBe("ready");
    expect(agreements.tables[0].rows.map((r) => r.label)).toEqual(register.map((a) => a.title));
    const primary = agreements.tables[0].rows.find((r) => r.label === "Primary care health justice partnership (synthetic)")!;
    expect(primary.cells).toMatchObject({ status: "Active", value: register.find((a) => a.title === primary.label)!.valuePence, synthetic: "Synthetic demonstration data" });
    expect(agreements.synthetic).toMatch(/^Synthetic demonstration data/);
    const delivery = agreements.tables.find((t) => t.id === "kpi-delivery")!;
    expect(delivery.rows.length).toBe(register.filter((a) => a.status === "active").length);
    const judged = (["green", "amber", "red", "no-data"] as const).reduce((s, k) => s + Number(delivery.total!.cells[k]), 0);
    expect(judged).toBeGreaterThan(0);

    // A scenario deleted after the pack was edited leaves the section empty, saying why.
    await database.rows(`delete from demand_scenarios where id = ${scenarioId}`);
    const after = await getPackContent({ db: database.db, actor: strategist, id: icbPack, now: NOW });
    expect(after.sections[0].data).toMatchObject({ status: "empty", keyFigures: [], tables: [] });
    expect(after.sections[0].data.message).toMatch(/no longer one of/);
  });

  it("freezes the figures on publishing: changing the data changes a draft but not the published pack", async () => {
    const before = await getPackContent({ db: database.db, actor: strategist, id: packId, now: NOW });
    await publishPack({ db: database.db, actor: strategist, id: packId, now: NOW });
    const published = await getPackContent({ db: database.db, actor: strategist, id: packId, now: NOW });
    expect(published.frozen).toBe(true);
    expect(published.sections.map((s) => s.data)).toEqual(before.sections.map((s) => s.data));

    // The data underneath changes: a new import of indicator figures, and a service's episodes withdrawn.
    await database.rows("update indicator_values set value = value * 1.5, lower95 = lower95 * 1.5, upper95 = upper95 * 1.5 where indicator_id = 'qof-dep'");
    await database.rows(
      `delete from hjp_episodes where service_id = (select id from hjp_services where icb_code = '${GREATER_MANCHESTER_ICB}' order by id limit 1)`,
    );
    const draftId = await createPack({ db: database.db, actor: strategist, input: { title: "Live copy", area: `place:${MANCHESTER}` } });
    await savePackVersion({ db: database.db, actor: strategist, id: draftId, input: { title: "Live copy", sections: SECTIONS } });
    const live = await getPackContent({ db: database.db, actor: strategist, id: draftId, now: NOW });
    const after = await getPackContent({ db: database.db, actor: strategist, id: packId, now: NOW });

    const depValue = (c: typeof live) => c.sections[0].data.tables[0].rows.find((r) => r.key.startsWith("qof-dep-"))!.cells.value;
    const referrals = (c: typeof live) => c.sections[1].data.keyFigures.find((k) => k.label === "Referrals")?.value;
    expect(depValue(live)).not.toEqual(depValue(before));
    expect(referrals(live)).not.toEqual(referrals(before));
    expect(after.sections.map((s) => s.data)).toEqual(before.sections.map((s) => s.data));
    expect(after.figuresAt).toBe(NOW.toISOString());
  });

  it("refuses to change a published pack", async () => {
    await expect(savePackVersion({ db: database.db, actor: strategist, id: packId, input: { title: "Changed", sections: SECTIONS } })).rejects.toMatchObject({ status: 409 });
  });

  it("shares a published pack with a VCSE organisation, whose users can then read it and nothing else", async () => {
    const vcse = { id: 0, role: "vcse" as const, icbCode: null, organisationId: vcseOrg, email: "v@example.org", name: "V" };
    await expect(getPack({ db: database.db, actor: vcse, id: packId })).rejects.toMatchObject({ status: 404 });
    await expect(getPack({ db: database.db, actor: otherIcb, id: packId })).rejects.toMatchObject({ status: 404 });
    await sharePack({ db: database.db, actor: strategist, id: packId, organisationIds: [vcseOrg] });
    expect((await getPack({ db: database.db, actor: vcse, id: packId })).canEdit).toBe(false);
    expect((await listPacks({ db: database.db, actor: vcse })).map((p) => p.id)).toEqual([packId]);
    expect((await listPacks({ db: database.db, actor: otherIcb })).map((p) => p.id)).toEqual([]);
    await expect(sharePack({ db: database.db, actor: vcse, id: packId, organisationIds: [] })).rejects.toMatchObject({ status: 403 });
  });

  it("writes a PDF whose text has the key figures and table figures the page shows", async () => {
    const content = await getPackContent({ db: database.db, actor: strategist, id: packId, now: NOW });
    const pdf = await buildPackPdf(content, { generatedAt: NOW });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = (await pdfText(pdf)).replace(/\s+/g, " ");
    expect(text).toContain("Manchester evidence for the joint forward plan");
    expect(text).toContain("Synthetic demonstration data");
    expect(text).not.toMatch(/available when/);
    expect(text).toContain("Need outstrips what is funded.");
    expect(text).toContain("Depression is common here.");
    let checked = 0;
    for (const s of content.sections) {
      for (const k of s.data.keyFigures) {
        expect(text).toContain(`${k.label}: ${keyFigureText(k)}`);
        checked++;
      }
    }
    const dep = content.sections[0].data.tables[0].rows.find((r) => r.key.startsWith("qof-dep-"))!;
    expect(text).toContain(rowCellText(dep, "value", "decimal"));
    expect(checked).toBeGreaterThanOrEqual(5);
    // Page numbers in the header and the date on every page.
    const pages = (text.match(/Page \d+ of (\d+)/g) ?? []).length;
    expect(pages).toBeGreaterThan(4);
    expect((text.match(/figures as at 28 November 2026/g) ?? []).length).toBe(pages);
  });

  it("writes an XLSX annex with a cover sheet and every table's numbers on a sheet per section", async () => {
    const content = await getPackContent({ db: database.db, actor: strategist, id: packId, now: NOW });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(await buildPackAnnex(content, { generatedAt: NOW })).buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Cover", "1. Population health and inequa", "2. Health justice partnership p", "3. Demand and unmet need", "4. Funding and outcomes", "5. Partnership agreements"]);
    const cells = (i: number) => {
      const out: unknown[] = [];
      workbook.worksheets[i].eachRow((row) => row.eachCell((c) => out.push(c.value)));
      return out;
    };
    expect(cells(0).join(" ")).toMatch(/Disclosure control/);
    expect(cells(0).join(" ")).toMatch(/synthetic demonstration data/i);
    content.sections.forEach((s, i) => {
      const values = cells(i + 1);
      for (const t of s.data.tables) {
        for (const r of t.rows) {
          for (const c of t.columns) {
            const v = r.cells[c.key];
            if (v === null || v === undefined) continue;
            expect(values).toContain(typeof v === "number" && c.format === "pence" ? v / 100 : v);
          }
        }
      }
    });
  });
});
