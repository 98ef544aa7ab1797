import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitSessionCookie } from "../../app/auth/session.server";
import { tableCsv } from "../../app/domain/charts/csv";
import { loader as downloadLoader } from "../../app/routes/indicators.$id.download";
import { loader as profileDownloadLoader } from "../../app/routes/profile.$code.download";
import { DEMO_PASSWORD } from "../../app/services/accounts/passwords.server";
import { signIn } from "../../app/services/accounts/sign-in.server";
import { defineCustomPlaces, useDefaultPlaces } from "../../app/services/geography/custom-places.server";
import { footprintAreas, getIndicatorData } from "../../app/services/indicators/query.server";
import { getAreaProfile, getIndicatorView, getInequalityView, getTrendView, type ProfileRow, timedDb } from "../../app/services/indicators/views.server";
import { seedDemoAccounts } from "../../db/seed/demo-accounts";
import { createTestDb, type TestDatabase } from "../db";

const ENGLAND = "E92000001";
const GREATER_MANCHESTER = "E54000057";
const KENT_AND_MEDWAY = "E54000032";
const MANCHESTER = "E08000003";
const TRAFFORD = "E08000009";
const ARDWICK_AND_LONGSIGHT = "U07506";

/** Where the area's 95% interval lies against the benchmark (STATISTICS.md §8.2, inclusive bounds). */
function expectedOutcome(row: { lower95: number | null; upper95: number | null }, benchmark: number | null) {
  if (row.lower95 === null || row.upper95 === null || benchmark === null) return "not-compared";
  if (row.upper95 < benchmark) return "lower";
  if (row.lower95 > benchmark) return "higher";
  return "similar";
}

describe("indicator views on the bundled real data", () => {
  let database: TestDatabase;
  let context: AppLoadContext;
  let cookie: string;
  const db = () => database.db;

  beforeAll(async () => {
    database = await createTestDb({ withReferenceData: true });
    await seedDemoAccounts(database.db);
    const signedIn = await signIn({ db: database.db, email: "commissioner@example.org", password: DEMO_PASSWORD, address: "10.0.0.2", demo: true });
    context = { db: database.db, database, sessionSecret: "a-test-session-secret-of-at-least-32-chars", secureCookies: false, demo: true, nonce: "n", startedAt: "", clientAddress: "10.0.0.2" } as AppLoadContext;
    cookie = (await commitSessionCookie(context, (signedIn as { token: string }).token)).split(";")[0];
  });
  afterAll(async () => database.cleanup());

  describe("the profile of a Greater Manchester PCN", () => {
    let rows: ProfileRow[];
    let profile: Awaited<ReturnType<typeof getAreaProfile>>;

    beforeAll(async () => {
      profile = await getAreaProfile({ db: db(), code: ARDWICK_AND_LONGSIGHT, selection: {} });
      rows = profile.sections.flatMap((s) => s.rows);
    });

    it("compares with England and, by default, with the PCN's place", () => {
      expect(profile.area).toMatchObject({ code: ARDWICK_AND_LONGSIGHT, name: "Ardwick And Longsight PCN", kind: "neighbourhood" });
      expect(profile.comparators.map((c) => c.code)).toEqual([MANCHESTER, GREATER_MANCHESTER]);
      expect(profile.comparator?.code).toBe(MANCHESTER);
      expect(profile.canonical).toBe(false);
      expect(profile.selection).toEqual({ period: null, comparator: MANCHESTER });
    });

    it("shows depression prevalence with its count, interval and England and place values, as the engine computes them", async () => {
      const dep = rows.find((r) => r.indicatorId === "qof-dep")!;
      const engine = (await getIndicatorData({ db: db(), query: { indicatorId: "qof-dep", level: "neighbourhood", parent: MANCHESTER } })).rows.find((r) => r.areaCode === ARDWICK_AND_LONGSIGHT)!;
      const england = (await getIndicatorData({ db: db(), query: { indicatorId: "qof-dep", areaType: "england" } })).rows[0];
      const place = (await getIndicatorData({ db: db(), query: { indicatorId: "qof-dep", level: "place", parent: MANCHESTER } })).rows[0];
      expect(dep).toMatchObject({ period: "2022/23", age: "18+ yrs", count: engine.count, denominator: engine.denominator, value: engine.value, lower95: engine.lower95, upper95: engine.upper95 });
      expect(dep.value!).toBeCloseTo((dep.count! / dep.denominator!) * 100, 10);
      expect(dep.england).toBe(england.value);
      expect(dep.comparatorValue).toBe(place.value);
      // 8.2% (8.0 to 8.4) against England's 13.2% and Manchester's 13.9%.
      expect(dep.comparedToEngland).toBe("lower");
      expect(dep.comparedToComparator).toBe("lower");
      expect(dep.comparedToEngland).toBe(engine.comparedToEngland);
    });

    it("marks every QOF prevalence higher, similar or lower by its interval against England and the place, never better or worse", () => {
      const qof = rows.filter((r) => r.indicatorId.startsWith("qof-"));
      expect(qof).toHaveLength(21);
      for (const r of qof) {
        expect(r.comparedToEngland, r.indicatorId).toBe(expectedOutcome(r, r.england));
        expect(r.comparedToComparator, r.indicatorId).toBe(expectedOutcome(r, r.comparatorValue));
      }
      // This PCN has all three: e.g. learning disability higher, severe mental illness similar, depression lower.
      expect(new Set(qof.map((r) => r.comparedToEngland))).toEqual(new Set(["higher", "similar", "lower"]));
      expect(qof.find((r) => r.indicatorId === "qof-ld")!.comparedToEngland).toBe("higher");
      expect(qof.find((r) => r.indicatorId === "qof-mh")!.comparedToEngland).toBe("similar");
    });

    it("gives each row the spread of all PCNs in England for its spine", () => {
      for (const r of rows.filter((x) => x.indicatorId.startsWith("qof-"))) {
        const s = r.spread!;
        expect(s.n, r.indicatorId).toBeGreaterThan(1_200);
        expect(s.min <= s.q25 && s.q25 <= s.median && s.median <= s.q75 && s.q75 <= s.max, r.indicatorId).toBe(true);
        expect(r.value! >= s.min && r.value! <= s.max, r.indicatorId).toBe(true);
      }
    });

    it("compares with the ICB or with England alone when asked", async () => {
      const icb = await getAreaProfile({ db: db(), code: ARDWICK_AND_LONGSIGHT, selection: { comparator: GREATER_MANCHESTER } });
      expect(icb.comparator?.name).toBe("NHS Greater Manchester ICB");
      expect(icb.canonical).toBe(true);
      const alone = await getAreaProfile({ db: db(), code: ARDWICK_AND_LONGSIGHT, selection: { comparator: "england" } });
      expect(alone.comparator).toBeNull();
      expect(alone.sections.flatMap((s) => s.rows).every((r) => r.comparedToComparator === null)).toBe(true);
    });

    it("skips the figures when the page will only redirect to its complete address", async () => {
      const partial = await getAreaProfile({ db: db(), code: ARDWICK_AND_LONGSIGHT.toLowerCase(), selection: {}, stopIfIncomplete: true });
      expect(partial).toMatchObject({ canonical: false, sections: [], selection: { period: null, comparator: MANCHESTER } });
      expect(partial.area.code).toBe(ARDWICK_AND_LONGSIGHT);
      const view = await getIndicatorView({ db: db(), indicatorId: "qof-dep", selection: { icb: GREATER_MANCHESTER, peers: [] }, userIcbCode: null, stopIfIncomplete: true });
      expect(view).toMatchObject({ canonical: false, rows: [], selection: { level: "neighbourhood", period: "2022/23", sex: "Persons", age: "18+ yrs" } });
    });

    it("counts its SQL time apart from the rest", async () => {
      const again = await getAreaProfile({ db: db(), code: ARDWICK_AND_LONGSIGHT, selection: {} });
      expect(again.timings.sqlMs).toBeGreaterThan(0);
      expect(again.timings.sqlMs).toBeLessThanOrEqual(again.timings.totalMs);
    });
  });

  it("profiles a place with its own figures and the local authority figures published for it, by section", async () => {
    const profile = await getAreaProfile({ db: db(), code: TRAFFORD, selection: {} });
    expect(profile.comparator?.code).toBe(GREATER_MANCHESTER);
    const sections = profile.sections.map((s) => s.section);
    expect(sections).toEqual(expect.arrayContaining(["Recorded prevalence (QOF 2022-23)", "Life expectancy and mortality", "Population and deprivation"]));
    const le = profile.sections.flatMap((s) => s.rows).filter((r) => r.indicatorId === "90366");
    // Life expectancy is published for men and women, each its own row, with several periods (a trend).
    expect(le.map((r) => r.sex)).toEqual(["Male", "Female"]);
    expect(le.every((r) => r.periods > 1)).toBe(true);
  });

  it("profiles an ICB's own place by summing its neighbourhoods, and compares its PCNs with it", async () => {
    const { rows: pcns } = await getIndicatorData({ db: db(), query: { indicatorId: "qof-dep", level: "neighbourhood", parent: GREATER_MANCHESTER } });
    const assignments = pcns.map((r, i) => ({ pcnCode: r.areaCode, placeName: i % 2 ? "Odd neighbourhoods" : "Even neighbourhoods" }));
    await defineCustomPlaces({ db: database.db, actor: null, icbCode: GREATER_MANCHESTER, assignments });
    try {
      const { targets } = await footprintAreas({ db: db(), level: "place", parent: GREATER_MANCHESTER });
      const even = targets.find((t) => t.name === "Even neighbourhoods")!;
      const profile = await getAreaProfile({ db: db(), code: even.code, selection: {} });
      const dep = profile.sections.flatMap((s) => s.rows).find((r) => r.indicatorId === "qof-dep")!;
      const members = pcns.filter((r) => even.memberCodes!.includes(r.areaCode));
      expect(dep.count).toBe(members.reduce((s, r) => s + r.count!, 0));
      expect(dep.denominator).toBe(members.reduce((s, r) => s + r.denominator!, 0));
      expect(dep.flags).toEqual(["computed", "custom-place"]);
      expect(dep.comparedToComparator).toBe(expectedOutcome(dep, dep.comparatorValue));

      const pcn = await getAreaProfile({ db: db(), code: even.memberCodes![0], selection: {} });
      expect(pcn.comparator?.code).toBe(even.code);
      const pcnDep = pcn.sections.flatMap((s) => s.rows).find((r) => r.indicatorId === "qof-dep")!;
      expect(pcnDep.comparatorValue).toBeCloseTo(dep.value!, 10);

      const view = await getIndicatorView({ db: db(), indicatorId: "qof-dep", selection: { icb: GREATER_MANCHESTER, level: "place", peers: [] }, userIcbCode: null });
      expect(view.rows.map((r) => r.name)).toEqual(["Even neighbourhoods", "Odd neighbourhoods"]);
      // Own places have no boundaries: their neighbourhoods are the map's points, in their place's category.
      expect(view.map.geometry!.shapes).toHaveLength(0);
      expect(new Set(Object.values(view.map.pointAreas))).toEqual(new Set(view.rows.map((r) => r.code)));
    } finally {
      await useDefaultPlaces({ db: database.db, actor: null, icbCode: GREATER_MANCHESTER });
    }
  });

  describe("the indicator view", () => {
    it("shows Greater Manchester's 65 neighbourhoods with a funnel plot, points on a map and the engine's comparisons", async () => {
      const view = await getIndicatorView({ db: db(), indicatorId: "qof-dep", selection: { icb: "QOP", level: "neighbourhood", peers: [] }, userIcbCode: null });
      expect(view.canonical).toBe(false);
      expect(view.selection).toMatchObject({ icb: GREATER_MANCHESTER, level: "neighbourhood", period: "2022/23", sex: "Persons", age: "18+ yrs", categoryType: null, comparator: "england" });
      expect(view.rows).toHaveLength(65);
      expect(view.parent?.label).toBe("NHS Greater Manchester ICB");
      const engine = await getIndicatorData({ db: db(), query: { indicatorId: "qof-dep", level: "neighbourhood", parent: GREATER_MANCHESTER, period: "2022/23" } });
      for (const r of view.rows) {
        const e = engine.rows.find((x) => x.areaCode === r.code)!;
        expect([r.value, r.comparedToEngland]).toEqual([e.value, e.comparedToEngland]);
        expect(r.outcome).toBe(r.comparedToEngland);
        expect(r.comparedToParent).toBe(expectedOutcome(r, view.parent!.value));
      }
      if (!view.funnel.available) throw new Error(view.funnel.reason);
      expect(view.funnel.points).toHaveLength(65);
      expect(view.funnel.baseline).toEqual({ label: "England", value: view.england.value });
      expect(view.rows.every((r) => r.funnel !== null)).toBe(true);
      expect(view.map.geometry!.points.length).toBeGreaterThanOrEqual(60);
      expect(view.map.geometry!.background).toHaveLength(10);
      expect(view.hasInequality).toBe(true);
      expect(view.hasTrend).toBe(false);
    });

    it("colours areas by the ICB when asked, and centres the funnel on it", async () => {
      const view = await getIndicatorView({ db: db(), indicatorId: "qof-dep", selection: { icb: GREATER_MANCHESTER, level: "neighbourhood", comparator: "parent", peers: [] }, userIcbCode: null });
      expect(view.comparator.code).toBe(GREATER_MANCHESTER);
      expect(view.rows.every((r) => r.outcome === r.comparedToParent)).toBe(true);
      expect(view.funnel.available && view.funnel.baseline.value).toBe(view.parent!.value);
    });

    it("shows the ten places of Greater Manchester as a choropleth of their boundaries", async () => {
      const view = await getIndicatorView({ db: db(), indicatorId: "qof-dep", selection: { icb: GREATER_MANCHESTER, level: "place", peers: [] }, userIcbCode: null });
      expect(view.rows).toHaveLength(10);
      expect(view.map.geometry!.shapes.map((s) => s.code).sort()).toEqual(view.rows.map((r) => r.code).sort());
      expect(view.map.geometry!.outline).toMatch(/^M/);
    });

    it("shows Kent and Medway's thirteen local authorities on the district boundaries, with published comparisons and no funnel for life expectancy", async () => {
      const view = await getIndicatorView({ db: db(), indicatorId: "90366", selection: { icb: KENT_AND_MEDWAY, level: "lad", peers: [] }, userIcbCode: null });
      expect(view.rows).toHaveLength(13);
      expect(view.map.geometry!.shapes).toHaveLength(13);
      expect(view.funnel.available).toBe(false);
      expect(view.hasTrend).toBe(true);
      expect(new Set(view.rows.map((r) => r.comparedToEngland))).toEqual(new Set(["better", "similar", "worse"]));
    });

    it("compares any chosen PCNs across England, saying which codes it does not know", async () => {
      const view = await getIndicatorView({ db: db(), indicatorId: "qof-dep", selection: { icb: GREATER_MANCHESTER, level: "neighbourhood", peers: [ARDWICK_AND_LONGSIGHT, "U00000"] }, userIcbCode: null });
      const others = (await getIndicatorData({ db: db(), query: { indicatorId: "qof-dep", level: "neighbourhood", parent: KENT_AND_MEDWAY } })).rows.slice(0, 2).map((r) => r.areaCode);
      const wider = await getIndicatorView({ db: db(), indicatorId: "qof-dep", selection: { icb: GREATER_MANCHESTER, level: "neighbourhood", peers: [ARDWICK_AND_LONGSIGHT, ...others] }, userIcbCode: null });
      expect(view.rows.map((r) => r.code)).toEqual([ARDWICK_AND_LONGSIGHT]);
      expect(view.missing.map((m) => m.code)).toEqual(["U00000"]);
      expect(view.parent).toBeNull();
      expect(wider.rows.map((r) => r.code).sort()).toEqual([ARDWICK_AND_LONGSIGHT, ...others].sort());
      expect(wider.title).toBe("Chosen areas");
    });

    it("refuses an unknown indicator or ICB with a 404", async () => {
      await expect(getIndicatorView({ db: db(), indicatorId: "no-such", selection: { peers: [] }, userIcbCode: null })).rejects.toMatchObject({ status: 404 });
      await expect(getIndicatorView({ db: db(), indicatorId: "qof-dep", selection: { icb: "E54999999", peers: [] }, userIcbCode: null })).rejects.toMatchObject({ status: 404 });
    });
  });

  describe("inequality by deprivation", () => {
    it("finds depression recorded more often in England's more deprived neighbourhoods, and the opposite gradient across Greater Manchester's", async () => {
      const view = await getInequalityView({ db: db(), indicatorId: "qof-dep", selection: { icb: GREATER_MANCHESTER }, userIcbCode: null });
      const local = view.local!;
      const national = view.national!;
      expect(local.rows.reduce((s, r) => s + r.areas, 0)).toBe(65);
      expect(national.rows.map((r) => r.quantile)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(national.rows.reduce((s, r) => s + r.areas, 0)).toBeGreaterThan(1_200);
      if (!national.sii.available || !local.sii.available) throw new Error("no SII");
      // England: about 2.6 percentage points lower at the least deprived end, clearly not chance.
      expect(national.sii.result.sii!).toBeLessThan(-2);
      expect(national.sii.result.sii!).toBeGreaterThan(-3.5);
      expect(national.sii.result.siiUpper!).toBeLessThan(0);
      // Greater Manchester's most deprived decile records less depression than its middle ones: a positive slope.
      expect(local.sii.result.sii!).toBeGreaterThan(1);
      expect(local.sii.result.sii!).toBeLessThan(2.5);
      expect(local.sii.result.siiLower!).toBeGreaterThan(0);
      // Each decile is its neighbourhoods summed: counts and denominators add up to the ICB's neighbourhoods.
      const { rows: pcns } = await getIndicatorData({ db: db(), query: { indicatorId: "qof-dep", level: "neighbourhood", parent: GREATER_MANCHESTER } });
      expect(local.rows.reduce((s, r) => s + r.count!, 0)).toBe(pcns.reduce((s, r) => s + r.count!, 0));
    });

    it("groups only a place's neighbourhoods when a place is chosen, and explains a missing SII", async () => {
      const view = await getInequalityView({ db: db(), indicatorId: "qof-dep", selection: { icb: GREATER_MANCHESTER, place: TRAFFORD }, userIcbCode: null });
      expect(view.place?.name).toBe("Trafford");
      const areas = view.local!.rows.reduce((s, r) => s + r.areas, 0);
      expect(areas).toBeGreaterThan(3);
      expect(areas).toBeLessThan(10);
      if (!view.local!.sii.available) expect(view.local!.sii.reason).toMatch(/at least 5/);
    });

    it("reads Fingertips' own deprivation-decile rows for adult obesity in England, with obesity higher in the more deprived deciles", async () => {
      const view = await getInequalityView({ db: db(), indicatorId: "93881", selection: { icb: GREATER_MANCHESTER }, userIcbCode: null });
      expect(view.local).toBeNull();
      expect(view.localReason).toMatch(/no figures for neighbourhoods/);
      const [england] = view.fingertips;
      expect(england.areaCode).toBe(ENGLAND);
      expect(england.rows.map((r) => r.quantile)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(england.rows[0].value!).toBeGreaterThan(england.rows[9].value!);
      if (!england.sii.available) throw new Error(england.sii.reason);
      expect(england.sii.result.sii!).toBeLessThan(-5);
      expect(england.sii.result.siiUpper!).toBeLessThan(0);
    });
  });

  it("shows a local authority's life expectancy over time against England, with the ICB left out because it has no figures", async () => {
    const view = await getTrendView({ db: db(), indicatorId: "90366", selection: { area: TRAFFORD }, userIcbCode: GREATER_MANCHESTER });
    expect(view.area?.name).toBe("Trafford");
    expect(view.selection.sex).toBe("Male");
    expect(view.comparator).toBeNull();
    expect(view.rows.length).toBeGreaterThanOrEqual(8);
    expect(view.rows.every((r) => r.england !== null)).toBe(true);
    expect(view.rows.map((r) => r.period)).toEqual([...view.rows].sort((a, b) => a.periodStart.localeCompare(b.periodStart)).map((r) => r.period));
    expect(view.options.areas.map((a) => a.code)).toContain(TRAFFORD);
  });

  it("times queries run through the engine as well as its own", async () => {
    const { db: timed, sqlMs } = timedDb(db());
    await getIndicatorData({ db: timed, query: { indicatorId: "qof-dep", level: "place", parent: GREATER_MANCHESTER } });
    expect(sqlMs()).toBeGreaterThan(0);
  });

  describe("downloads", () => {
    const get = (loader: typeof downloadLoader, url: string, params: Record<string, string>) =>
      loader({ request: new Request(`http://localhost${url}`, { headers: { Cookie: cookie } }), params, context }) as Promise<Response>;

    it.each([
      ["/indicators/qof-dep/download?view=indicator&chart=funnel&format=svg&icb=E54000057&level=neighbourhood", "image/svg+xml", /role="img"[^>]*aria-labelledby="funnel-title funnel-desc"/],
      ["/indicators/qof-dep/download?view=indicator&chart=map&format=svg&icb=E54000057&level=place", "image/svg+xml", /<title>Trafford: [\d.]+ %, (higher|similar|lower)/],
      ["/indicators/qof-dep/download?view=indicator&chart=bar&format=csv&icb=E54000057&level=place", "text/csv", /^Area,Code,Count,Denominator,Value \(%\)/],
      ["/indicators/qof-dep/download?view=inequality&chart=decile&set=national&format=csv", "text/csv", /Decile \(1 = most deprived\)/],
      ["/indicators/90366/download?view=trend&chart=trend&format=svg&area=E08000009", "image/svg+xml", /<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/],
    ])("downloads %s", async (url, type, body) => {
      const response = await get(downloadLoader, url, { id: url.split("/")[2] });
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toContain(type);
      expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="[\w.-]+\.(svg|csv)"$/);
      const bytes = new Uint8Array(await response.arrayBuffer());
      // CSV files start with a UTF-8 byte-order mark so that spreadsheets read "–" and accents.
      expect([...bytes.slice(0, 3)]).toEqual(type === "text/csv" ? [0xef, 0xbb, 0xbf] : [0x3c, 0x3f, 0x78]);
      expect(new TextDecoder().decode(bytes)).toMatch(body);
    });

    it("writes the profile's figures unrounded as CSV, one row per indicator", async () => {
      const response = await get(profileDownloadLoader as typeof downloadLoader, `/profile/${ARDWICK_AND_LONGSIGHT}/download?format=csv&chart=table`, { code: ARDWICK_AND_LONGSIGHT });
      const lines = (await response.text()).trim().split("\r\n");
      expect(lines[0]).toMatch(/^Section,Indicator id,Indicator,Sex,Age,Period,Count,Denominator,Value,Unit,/);
      const dep = lines.find((l) => l.includes(",qof-dep,"))!;
      expect(dep).toContain(",5635,68936,8.17424857839");
      expect(lines).toHaveLength(1 + 22);
    });

    it("neutralises formulas in text cells of a download", () => {
      const csv = tableCsv([{ key: "name", label: "Area", value: (r: { name: string }) => r.name }], [{ name: "=HYPERLINK(\"http://evil\")" }, { name: "-1+1" }, { name: "@SUM(A1)" }]);
      expect(csv.split("\r\n").slice(1, 4)).toEqual(["\"'=HYPERLINK(\"\"http://evil\"\")\"", "'-1+1", "'@SUM(A1)"]);
    });

    it("refuses a download that does not say what it wants", async () => {
      await expect(get(downloadLoader, "/indicators/qof-dep/download?format=xls", { id: "qof-dep" })).rejects.toMatchObject({ status: 400 });
    });
  });
});
