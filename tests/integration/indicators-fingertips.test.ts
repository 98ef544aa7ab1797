import fs from "node:fs";
import { gunzipSync } from "node:zlib";
import type { AppLoadContext } from "@remix-run/node";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitSessionCookie } from "../../app/auth/session.server";
import { areaTypeSlug } from "../../app/domain/indicators/area-types";
import { loader as areasLoader } from "../../app/routes/api.v1.areas";
import { loader as dataLoader } from "../../app/routes/api.v1.indicators.$id.data";
import { loader as indicatorsLoader } from "../../app/routes/api.v1.indicators._index";
import { DEMO_PASSWORD } from "../../app/services/accounts/passwords.server";
import { signIn } from "../../app/services/accounts/sign-in.server";
import { seedDemoAccounts } from "../../db/seed/demo-accounts";
import { fingertipsImporter } from "../../importers/fingertips/index";
import { runImport } from "../../importers/shared/run-import";
import { createTestDb, snapshotTables, type TestDatabase } from "../db";

const SAMPLE = "tests/fixtures/fingertips-sample.csv";
const MALFORMED = "tests/fixtures/fingertips-malformed.csv";
const OBESITY = "importers/reference-data/fingertips/ohid_fingertips_93881_adult_obesity_all_areas.csv.gz";

type Row = Record<string, string | number | null | string[]>;

/** The file as its rows, header-keyed, exactly as written. */
function fileRows(path: string): Record<string, string>[] {
  const bytes = fs.readFileSync(path);
  return parse(path.endsWith(".gz") ? gunzipSync(bytes) : bytes, { columns: true, bom: true }) as Record<string, string>[];
}

const asNumber = (cell: string) => (cell.trim() === "" ? null : Number(cell));

describe("the Fingertips importer and the data API", () => {
  let database: TestDatabase;
  let context: AppLoadContext;
  let cookie: string;
  const get = async (loader: typeof dataLoader, url: string, params: Record<string, string> = {}, headers: Record<string, string> = {}) =>
    loader({ request: new Request(`http://localhost${url}`, { headers: { Cookie: cookie, ...headers } }), params, context });
  const data = async (id: string, query: Record<string, string>) => {
    const response = await get(dataLoader, `/api/v1/indicators/${id}/data?${new URLSearchParams(query)}`, { id });
    expect(response.status).toBe(200);
    return (await response.json()) as { rows: Row[]; missing: unknown[] };
  };

  beforeAll(async () => {
    database = await createTestDb();
    await seedDemoAccounts(database.db);
    const signedIn = await signIn({ db: database.db, email: "strategist@example.org", password: DEMO_PASSWORD, address: "10.0.0.1", demo: true });
    context = { db: database.db, database, sessionSecret: "a-test-session-secret-of-at-least-32-chars", secureCookies: false, demo: true, nonce: "n", startedAt: "", clientAddress: "10.0.0.1" } as AppLoadContext;
    cookie = (await commitSessionCookie(context, (signedIn as { token: string }).token)).split(";")[0];
  });
  afterAll(async () => database.cleanup());

  it("loads an export with quoted commas and line breaks, every area type, sexes, ages and categories", async () => {
    const summary = await runImport({ database, importer: fingertipsImporter, filePath: SAMPLE });
    expect(summary.errors).toEqual([]);
    expect(summary.status).toBe("loaded");
    expect(summary.rowsRead).toBe(13);
    // Manchester is listed under both "Counties & UAs" and "Districts & UAs": one figure.
    expect(summary.rowsLoaded).toBe(12);
    expect(summary.notes.join("\n")).toMatch(/1 figures published under a second area type stored once/);
  });

  it("gives back each value in the file unchanged through the data API", async () => {
    for (const cells of fileRows(SAMPLE)) {
      const answer = await data(cells["Indicator ID"], {
        areaType: cells["Area Type"],
        period: cells["Time period"],
        sex: cells.Sex,
        age: cells.Age,
        categoryType: cells["Category Type"],
        category: cells.Category,
      });
      const row = answer.rows.find((r) => r.areaCode === cells["Area Code"]);
      expect(row, `${cells["Area Code"]} ${cells["Time period"]}`).toBeDefined();
      expect(row).toMatchObject({
        areaName: cells["Area Name"],
        areaType: areaTypeSlug(cells["Area Type"], cells["Area Code"]),
        parentCode: cells["Parent Code"] || null,
        period: cells["Time period"],
        sex: cells.Sex,
        age: cells.Age,
        categoryType: cells["Category Type"],
        category: cells.Category,
        value: asNumber(cells.Value),
        lower95: asNumber(cells["Lower CI 95.0 limit"]),
        upper95: asNumber(cells["Upper CI 95.0 limit"]),
        lower998: asNumber(cells["Lower CI 99.8 limit"]),
        upper998: asNumber(cells["Upper CI 99.8 limit"]),
        count: asNumber(cells.Count),
        denominator: asNumber(cells.Denominator),
        valueNote: cells["Value note"] || null,
        source: "fingertips",
        sourceFile: "fingertips-sample.csv",
      });
    }
  });

  it("records the areas a file names that the geography lacks, from the file's own code, name, type and parent", async () => {
    const areas = await database.rows<{ code: string; level: string; name: string; parent_code: string | null; source: string; area_type: string }>(
      "select code, level, name, parent_code, source, details->>'areaType' as area_type from areas order by code",
    );
    const byCode = new Map(areas.map((a) => [a.code, a]));
    expect(byCode.get("E54000052")).toMatchObject({ level: "other-icb", name: "NHS Surrey Heartlands Integrated Care Board - QXU", parent_code: "E92000001", source: "imported", area_type: "icb" });
    expect(byCode.get("E07000117")).toMatchObject({ level: "district", name: "Burnley", parent_code: "E10000017" });
    expect(byCode.get("P84004")).toMatchObject({ level: "gp-practice", parent_code: "U07506" });
    // Named only as a parent: its type comes from its code.
    expect(byCode.get("E38000217")).toMatchObject({ level: "other-sub-icb", name: "NHS Greater Manchester ICB - 14L", area_type: "sub-icb" });
    expect(areas.filter((a) => a.code === "E08000003")).toHaveLength(1);
  });

  it("infers an uncatalogued indicator's metadata from the export and says so", async () => {
    const [meta] = await database.rows<{ polarity: string; comparison_method: string; metadata_basis: string; lacks: string[]; quirks: { rule: string; count: number }[] }>(
      "select polarity, comparison_method, metadata_basis, lacks, quirks from indicators where id = '90001'",
    );
    expect(meta).toMatchObject({ polarity: "no-judgement", comparison_method: "ci-95", metadata_basis: "inferred", lacks: [] });
    expect(meta.quirks.map((q) => q.count)).toEqual([10, 1]);
  });

  it("loads the same file again without changing anything", async () => {
    const metadata = "select id, name, polarity, lacks, quirks, caveats from indicators order by id";
    const before = { tables: await snapshotTables(database), indicators: await database.rows(metadata) };
    const summary = await runImport({ database, importer: fingertipsImporter, filePath: SAMPLE });
    expect(summary.status).toBe("loaded");
    const after = { tables: await snapshotTables(database), indicators: await database.rows(metadata) };
    // A second run is recorded, and the indicator's updated_at moves on; nothing else changes.
    for (const s of [before, after]) {
      delete s.tables.import_runs;
      delete s.tables.indicators;
    }
    expect(after).toEqual(before);
  });

  it("rejects a malformed file with line-numbered errors and writes nothing", async () => {
    const before = await snapshotTables(database);
    const summary = await runImport({ database, importer: fingertipsImporter, filePath: MALFORMED });
    expect(summary.status).toBe("failed");
    expect(summary.errors.map((e) => [e.line, e.column ?? null])).toEqual([
      [3, "Value"],
      [4, "Lower CI 95.0 limit"],
      [5, "Time period"],
      [6, "Area Code"],
      [7, null],
    ]);
    expect(summary.errors[4].message).toBe("expected 27 columns, found 2");
    expect(await snapshotTables(database)).toEqual(before);
  });

  it("round-trips a real export: every figure of indicator 93881 comes back unchanged", async () => {
    const summary = await runImport({ database, importer: fingertipsImporter, filePath: OBESITY });
    expect(summary.status).toBe("loaded");
    const cells = fileRows(OBESITY);
    const byType = new Map<string, Row[]>();
    for (const label of new Set(cells.map((c) => c["Area Type"]))) byType.set(label, (await data("93881", { areaType: label })).rows);
    let checked = 0;
    for (const c of cells) {
      const row = byType
        .get(c["Area Type"])!
        .find((r) => r.areaCode === c["Area Code"] && r.period === c["Time period"] && r.sex === c.Sex && r.age === c.Age && r.categoryType === c["Category Type"] && r.category === c.Category);
      expect(row, `${c["Area Code"]} ${c["Time period"]} ${c.Sex} ${c.Age} ${c.Category}`).toBeDefined();
      expect([row!.value, row!.lower95, row!.upper95, row!.lower998, row!.upper998, row!.count, row!.denominator]).toEqual(
        ["Value", "Lower CI 95.0 limit", "Upper CI 95.0 limit", "Lower CI 99.8 limit", "Upper CI 99.8 limit", "Count", "Denominator"].map((k) => asNumber(c[k])),
      );
      // The comparison the product makes from the intervals is the one Fingertips published.
      expect(row!.comparedToEngland, `${c["Area Code"]} ${c["Time period"]}`).toBe(c["Compared to England value or percentiles"].toLowerCase().replace(" ", "-"));
      checked++;
    }
    expect(checked).toBe(3_840);
  });

  it("answers CSV when asked, with the same figures", async () => {
    const byParam = await get(dataLoader, "/api/v1/indicators/93881/data?areaType=icb&period=2023%2F24&format=csv", { id: "93881" });
    expect(byParam.headers.get("Content-Type")).toMatch(/^text\/csv/);
    const byHeader = await get(dataLoader, "/api/v1/indicators/93881/data?areaType=icb&period=2023%2F24", { id: "93881" }, { Accept: "text/csv" });
    const text = await byParam.text();
    expect(await byHeader.text()).toBe(text);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(42);
    expect(Object.keys(rows[0]).slice(0, 4)).toEqual(["areaCode", "areaName", "areaType", "parentCode"]);
    const gm = rows.find((r) => r.areaCode === "E54000057")!;
    const published = fileRows(OBESITY).find((c) => c["Area Code"] === "E54000057" && c["Time period"] === "2023/24")!;
    expect([gm.value, gm.lower95, gm.upper95, gm.denominator, gm.comparedToEngland]).toEqual([
      published.Value,
      published["Lower CI 95.0 limit"],
      published["Upper CI 95.0 limit"],
      published.Denominator,
      published["Compared to England value or percentiles"].toLowerCase(),
    ]);
  });

  it("lists indicators with their periods, area types and what their source lacks", async () => {
    const response = await get(indicatorsLoader, "/api/v1/indicators");
    const { indicators } = (await response.json()) as { indicators: { id: string; periods: { period: string }[]; areaTypes: { areaType: string }[]; lacks: string[]; polarity: string }[] };
    const obesity = indicators.find((i) => i.id === "93881")!;
    expect(obesity.polarity).toBe("low-is-good");
    expect(obesity.lacks).toEqual(["counts"]);
    expect(obesity.periods.map((p) => p.period)).toEqual(["2015/16", "2016/17", "2017/18", "2018/19", "2019/20", "2020/21", "2021/22", "2022/23", "2023/24"]);
    expect(obesity.areaTypes.map((a) => a.areaType)).toContain("sub-icb");
  });

  it("lists the areas of an imported area type", async () => {
    const response = await get(areasLoader, "/api/v1/areas?areaType=county-ua");
    const { areas } = (await response.json()) as { areas: { code: string; areaType: string }[] };
    expect(areas.length).toBeGreaterThan(100);
    expect(new Set(areas.map((a) => a.areaType))).toEqual(new Set(["county", "ua"]));
  });

  it("answers a signed-out client with 401 JSON, not a redirect", async () => {
    const response = await dataLoader({ request: new Request("http://localhost/api/v1/indicators/93881/data"), params: { id: "93881" }, context }).catch((r: Response) => r);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: expect.stringMatching(/Not signed in/) });
  });

  it("answers a bad query with 400 naming the parameter, and an unknown indicator with 404", async () => {
    const typo = await get(dataLoader, "/api/v1/indicators/93881/data?areatype=icb", { id: "93881" });
    expect(typo.status).toBe(400);
    const both = await get(dataLoader, "/api/v1/indicators/93881/data?level=place&areaType=ua", { id: "93881" });
    expect(((await both.json()) as { issues: { parameter: string }[] }).issues[0].parameter).toBe("areaType");
    expect((await get(dataLoader, "/api/v1/indicators/nope/data", { id: "nope" })).status).toBe(404);
  });
});
