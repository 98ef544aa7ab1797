import fs from "node:fs";
import { gunzipSync } from "node:zlib";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineCustomPlaces, useDefaultPlaces } from "../../app/services/geography/custom-places.server";
import { type DataRow, getIndicatorData, listIndicators } from "../../app/services/indicators/query.server";
import { loadReferenceBundle } from "../../importers/load-bundle";
import { createTestDb, type TestDatabase } from "../db";

const GREATER_MANCHESTER = "E54000057";
const ARDWICK_AND_LONGSIGHT = "U07506";

function bundled(file: string): Record<string, string>[] {
  return parse(gunzipSync(fs.readFileSync(`importers/reference-data/${file}`)), { columns: true, bom: true }) as Record<string, string>[];
}

/** Wilson score limits written out here, apart from the statistics module, for the hand check. */
function wilson(x: number, n: number, z: number) {
  const centre = 2 * x + z * z;
  const spread = z * Math.sqrt(z * z + 4 * x * (1 - x / n));
  return [(centre - spread) / (2 * (n + z * z)) * 100, (centre + spread) / (2 * (n + z * z)) * 100];
}

describe("indicators built from the bundled real data", () => {
  let database: TestDatabase;
  const data = (query: Parameters<typeof getIndicatorData>[0]["query"]) => getIndicatorData({ db: database.db, query });

  // The test template already holds the whole bundle, loaded by the same loadReferenceBundle the first start runs.
  beforeAll(async () => {
    database = await createTestDb({ withReferenceData: true });
  });
  afterAll(async () => database.cleanup());

  it("gives every footprint of NHS Greater Manchester ICB figures with intervals and comparisons", async () => {
    const expected: [string, "system" | "place" | "neighbourhood", number][] = [
      ["qof-dep", "system", 1],
      ["qof-dep", "place", 10],
      ["qof-dep", "neighbourhood", 65],
      ["qof-mh", "neighbourhood", 65],
      ["qof-dm", "neighbourhood", 65],
      ["qof-copd", "neighbourhood", 65],
      ["qof-hyp", "neighbourhood", 65],
      ["census-age-65-plus", "system", 1],
      ["census-age-65-plus", "place", 10],
      ["census-age-20-64", "place", 10],
    ];
    for (const [indicatorId, level, areas] of expected) {
      const { rows, missing } = await data({ indicatorId, level, parent: GREATER_MANCHESTER });
      expect(missing, `${indicatorId} ${level}`).toEqual([]);
      expect(new Set(rows.map((r) => r.areaCode)).size, `${indicatorId} ${level}`).toBe(areas);
      for (const r of rows) {
        expect(r.lower95! < r.value! && r.value! < r.upper95!, `${indicatorId} ${r.areaCode}`).toBe(true);
        expect(r.lower998! < r.lower95! && r.upper95! < r.upper998!).toBe(true);
        expect(["higher", "similar", "lower"]).toContain(r.comparedToEngland);
        expect(["higher", "similar", "lower"]).toContain(level === "system" ? "similar" : r.comparedToParent);
      }
    }
  });

  it("matches a hand computation of Ardwick and Longsight PCN's depression prevalence from the raw QOF files", async () => {
    const practices = new Set(bundled("pcn/nhsd_qof_2223_mapping_nhs_geographies.csv.gz").filter((r) => r.PCN_ODS_CODE === ARDWICK_AND_LONGSIGHT).map((r) => r.PRACTICE_CODE));
    const dep = bundled("pcn/nhsd_qof_2223_prevalence_practice_list_sizes.csv.gz").filter((r) => r.GROUP_CODE === "DEP" && practices.has(r.PRACTICE_CODE));
    expect(dep.every((r) => r.PATIENT_LIST_TYPE === "18OV")).toBe(true);
    const register = dep.reduce((s, r) => s + Number(r.REGISTER), 0);
    const list = dep.reduce((s, r) => s + Number(r.PRACTICE_LIST_SIZE), 0);

    const { rows } = await data({ indicatorId: "qof-dep", level: "neighbourhood", parent: GREATER_MANCHESTER });
    const pcn = rows.find((r) => r.areaCode === ARDWICK_AND_LONGSIGHT)!;
    expect([pcn.count, pcn.denominator, pcn.age, pcn.period]).toEqual([register, list, "18+ yrs", "2022/23"]);
    expect(pcn.value).toBeCloseTo((register / list) * 100, 10);
    const [l95, u95] = wilson(register, list, 1.959963984540054);
    const [l998, u998] = wilson(register, list, 3.090232306167813);
    expect([pcn.lower95, pcn.upper95, pcn.lower998, pcn.upper998].map((v) => v!.toFixed(8))).toEqual([l95, u95, l998, u998].map((v) => v.toFixed(8)));
    expect(pcn.flags).toEqual(["computed"]);
  });

  it("marks recorded prevalence higher, similar or lower, never better or worse", async () => {
    const { rows } = await data({ indicatorId: "qof-dep", level: "neighbourhood" });
    expect(rows.length).toBe(1_267);
    expect(new Set(rows.map((r) => r.comparedToEngland))).toEqual(new Set(["higher", "similar", "lower"]));
  });

  it("sums an ICB's own places from their neighbourhoods, and says which figures cannot be", async () => {
    const { rows: pcns } = await data({ indicatorId: "qof-dep", level: "neighbourhood", parent: GREATER_MANCHESTER });
    const codes = pcns.map((r) => r.areaCode).sort();
    const assignments = codes.map((pcnCode, i) => ({ pcnCode, placeName: i % 2 ? "Odd neighbourhoods" : "Even neighbourhoods" }));
    await defineCustomPlaces({ db: database.db, actor: null, icbCode: GREATER_MANCHESTER, assignments });
    try {
      const { rows } = await data({ indicatorId: "qof-dep", level: "place", parent: GREATER_MANCHESTER });
      expect(rows.map((r) => r.areaName)).toEqual(["Even neighbourhoods", "Odd neighbourhoods"]);
      const even = pcns.filter((r) => assignments.find((a) => a.pcnCode === r.areaCode)!.placeName === "Even neighbourhoods");
      expect(rows[0].count).toBe(even.reduce((s, r) => s + r.count!, 0));
      expect(rows[0].denominator).toBe(even.reduce((s, r) => s + r.denominator!, 0));
      expect(rows[0].flags).toEqual(["computed", "custom-place"]);
      expect(["higher", "similar", "lower"]).toContain(rows[0].comparedToParent);
      // Neighbourhoods of an own place are compared with its summed figure.
      const inPlace = await data({ indicatorId: "qof-dep", level: "neighbourhood", parent: rows[0].areaCode });
      expect(inPlace.rows).toHaveLength(even.length);
      expect(inPlace.rows.every((r) => r.parentCode === rows[0].areaCode && r.comparedToParent !== "not-compared")).toBe(true);
      const le = await data({ indicatorId: "90366", level: "place", parent: GREATER_MANCHESTER });
      expect(le.rows).toEqual([]);
      expect(le.missing.map((m) => m.reason)).toEqual(["An ICB's own place: this indicator cannot be summed from neighbourhoods", "An ICB's own place: this indicator cannot be summed from neighbourhoods"]);
    } finally {
      await useDefaultPlaces({ db: database.db, actor: null, icbCode: GREATER_MANCHESTER });
    }
    expect((await data({ indicatorId: "qof-dep", level: "place", parent: GREATER_MANCHESTER })).rows).toHaveLength(10);
  });

  it("gives Greater Manchester's places the founding case's figures, each saying where it came from and for which period", async () => {
    const expectations: [string, string, number][] = [
      ["90362", "2022 - 24", 20],
      ["90366", "2023 - 25", 20],
      ["93721", "2024", 30],
      ["ons-covid19-asmr", "1 Mar - 17 Apr 2020", 10],
      ["imd2025-score", "2025", 10],
    ];
    for (const [indicatorId, period, count] of expectations) {
      const { rows, missing } = await data({ indicatorId, level: "place", parent: "QOP", period: "latest" });
      expect(missing, indicatorId).toEqual([]);
      expect(rows, indicatorId).toHaveLength(count);
      for (const r of rows) {
        expect(r.period).toBe(period);
        expect(r.sourceFile, indicatorId).toBeTruthy();
        expect(r.value, `${indicatorId} ${r.areaCode}`).not.toBeNull();
      }
    }
    const covid = (await data({ indicatorId: "ons-covid19-asmr", level: "place", parent: GREATER_MANCHESTER })).rows.find((r) => r.areaCode === "E08000003")!;
    expect(covid).toMatchObject({ count: 159, value: 59.8, lower95: 50.5, upper95: 69.2, lower998: null, comparedToEngland: "not-compared", sourceFile: "ons_covid19_asmr_lad19_1mar_17apr2020.csv.gz" });
    const le = (await data({ indicatorId: "90366", level: "place", parent: GREATER_MANCHESTER, period: "2023 - 25", sex: "Male" })).rows.find((r) => r.areaCode === "E08000003")!;
    expect(le).toMatchObject({ lower95: null, comparedToEngland: "worse", comparisonBasis: "published", flags: ["value-rounded", "no-interval-published"] });
    const [covidMeta] = await listIndicators({ db: database.db, id: "ons-covid19-asmr" });
    expect(covidMeta.lacks).toEqual(["99.8% confidence intervals", "denominators"]);
  });

  it("gives neighbourhoods practice deprivation (93553) weighted by registered lists, with no interval", async () => {
    const { rows } = await data({ indicatorId: "93553", level: "neighbourhood", parent: GREATER_MANCHESTER });
    expect(rows).toHaveLength(65);
    expect(rows.every((r) => r.period === "2019" && r.lower95 === null && r.comparedToEngland === "not-compared" && r.flags.includes("no-interval"))).toBe(true);
    const practices = await data({ indicatorId: "93553", areaType: "gp-practice", parent: ARDWICK_AND_LONGSIGHT });
    const pcn = rows.find((r) => r.areaCode === ARDWICK_AND_LONGSIGHT)!;
    const lists = new Map(
      bundled("pcn/nhsd_qof_2223_prevalence_practice_list_sizes.csv.gz")
        .filter((r) => r.PATIENT_LIST_TYPE === "TOTAL")
        .map((r) => [r.PRACTICE_CODE, Number(r.PRACTICE_LIST_SIZE)]),
    );
    const weighted = practices.rows.reduce((s, r) => s + r.value! * lists.get(r.areaCode)!, 0);
    const weight = practices.rows.reduce((s, r) => s + lists.get(r.areaCode)!, 0);
    expect(pcn.value).toBeCloseTo(weighted / weight, 10);
  });

  it("describes Greater Manchester's places by ethnic group, the groups adding up to all residents", async () => {
    const { rows } = await data({ indicatorId: "census-ethnicity", level: "place", parent: GREATER_MANCHESTER, categoryType: "Ethnic group (5 groups)" });
    expect(rows).toHaveLength(50);
    const manchester = rows.filter((r) => r.areaCode === "E08000003");
    expect(manchester.reduce((s, r) => s + r.count!, 0)).toBe(manchester[0].denominator);
    expect(manchester.reduce((s, r) => s + r.value!, 0)).toBeCloseTo(100, 8);
  });

  it("stands in the whole authority's figure for the part of a split authority, and says so", async () => {
    const { rows } = await data({ indicatorId: "93881", level: "place", parent: "E10000012-QJG", period: "2023/24" });
    expect(rows).toHaveLength(1);
    expect(rows[0].flags).toContain("whole-authority");
    const essex = await data({ indicatorId: "93881", areaType: "county", period: "2023/24" });
    expect(rows[0].value).toBe(essex.rows.find((r: DataRow) => r.areaCode === "E10000012")!.value);
  });

  it("reports the sources' quirks with the rule applied and how often", async () => {
    const [ld] = await listIndicators({ db: database.db, id: "qof-ld" });
    expect(ld.quirks.find((q) => /register larger than its list/.test(q.rule))).toMatchObject({ count: 1, examples: ["Y05750: register 121, list 118"] });
    expect(ld.quirks.find((q) => /no PCN/.test(q.rule))!.count).toBe(63);
    const { rows } = await data({ indicatorId: "qof-ld", areaType: "england" });
    expect(rows[0].count).toBe(bundled("pcn/nhsd_qof_2223_prevalence_practice_list_sizes.csv.gz").filter((r) => r.GROUP_CODE === "LD").reduce((s, r) => s + Number(r.REGISTER), 0));
    const [obesity] = await listIndicators({ db: database.db, id: "93881" });
    expect(obesity.quirks[0]).toMatchObject({ rule: expect.stringMatching(/bundled geography lacks/) });
    // Surrey Heartlands' code before April 2023, as the 2022/23 figures name it.
    const [surrey] = await database.rows<{ level: string; source: string; name: string }>("select level, source, name from areas where code = 'E54000052'");
    expect(surrey).toEqual({ level: "other-icb", source: "imported", name: "NHS Surrey Heartlands Integrated Care Board - QXU" });
  });

  it("loads nothing again on the next start", async () => {
    const again = await loadReferenceBundle(database);
    expect(again.loaded).toBe(0);
  });
});
