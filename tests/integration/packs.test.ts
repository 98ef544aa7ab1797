/**
 * Strategy evidence packs end to end on real geography, real indicators and the
 * synthetic demonstration HJP data: create, version, publish (the figures freeze:
 * changing the data underneath changes a draft but not the published pack), share,
 * and the PDF and XLSX show the numbers the page shows.
 */
import PDFParser from "pdf2json";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPackPdf } from "../../app/components/packs/pack-pdf.server";
import { keyFigureText, rowCellText } from "../../app/components/packs/pack-format";
import { buildPackAnnex } from "../../app/services/packs/annex.server";
import { createPack, getPack, getPackContent, listPacks, type PackActor, PackError, publishPack, savePackVersion, sharePack } from "../../app/services/packs/packs.server";
import type { PackSection } from "../../app/domain/packs/sections";
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
  { kind: "demand", options: {}, narrative: "To follow." },
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
    expect(pack.version.sections.map((s) => s.kind)).toEqual(["population", "hjp-provision", "demand", "funding-outcomes"]);
  });

  it("refuses options a section does not take", async () => {
    const bad = [{ kind: "population" as const, options: { indicators: [] }, narrative: "" }];
    await expect(savePackVersion({ db: database.db, actor: strategist, id: packId, input: { title: "x", sections: bad } })).rejects.toThrow(/at least one indicator/);
  });

  it("shows live figures for a draft, with synthetic HJP figures labelled and a placeholder for the demand model", async () => {
    const content = await getPackContent({ db: database.db, actor: strategist, id: packId, now: NOW });
    expect(content.frozen).toBe(false);
    const [population, hjp, demand, funding] = content.sections.map((s) => s.data);
    const dep = population.tables[0].rows.find((r) => r.key.startsWith("qof-dep-"))!;
    expect(typeof dep.cells.value).toBe("number");
    expect(dep.cells.vsEngland).toMatch(/England/);
    expect(population.tables.map((t) => t.id)).toEqual(["indicators", "inequality"]);
    expect(population.charts.map((c) => c.type)).toEqual(["spine", "decile"]);
    expect(hjp.synthetic).toMatch(/^Synthetic demonstration data/);
    expect(hjp.tables.map((t) => t.id)).toEqual(expect.arrayContaining(["services", "reach", "sources"]));
    expect(funding.tables.map((t) => t.id)).toEqual(expect.arrayContaining(["funders", "funding-cliff", "income"]));
    expect(funding.caveats.join(" ")).toMatch(/whole of NHS Greater Manchester/);
    expect(demand).toMatchObject({ status: "placeholder", tables: [], charts: [], keyFigures: [] });
    expect(demand.message).toMatch(/available when the demand model is installed/);
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
    expect(text).toMatch(/available when the demand model is installed/);
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
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Cover", "1. Population health and inequa", "2. Health justice partnership p", "3. Demand and unmet need", "4. Funding and outcomes"]);
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
