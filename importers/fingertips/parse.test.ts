import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { firstRow, parseBundled, problems, tabular } from "../reference-data/read-bundled";
import { parser } from "./parse";

const OBESITY = "fingertips/ohid_fingertips_93881_adult_obesity_all_areas.csv.gz";
const MODELLED = "fingertips/ohid_fingertips_modelled_prevalence_districtua_pre2019_2015.csv.gz";

describe("fingertips parser", () => {
  it("reads every row of a current 27-column export, with every area type it uses", () => {
    const parsed = parseBundled(parser, OBESITY);
    expect(parsed.errors).toEqual([]);
    expect(parsed.records).toHaveLength(3_840);
    const types = new Set(parsed.records.map((r) => r.areaType));
    expect([...types].sort()).toEqual(["combined-authority", "county", "district", "england", "icb", "phe-centre", "region", "sub-icb", "ua"]);
    const gm = parsed.records.find((r) => r.areaCode === "E54000057" && r.period === "2023/24")!;
    expect(gm).toMatchObject({ indicatorId: "93881", parentCode: "E92000001", sex: "Persons", age: "18+ yrs", periodStart: "2023-04-01", periodEnd: "2024-03-31", count: null, denominator: 6725 });
    expect(gm.published["Compared to England value or percentiles"]).toBe("Similar");
  });

  it("reads an older 26-column export of several indicators, keeping blank values blank", () => {
    const parsed = parseBundled(parser, MODELLED);
    expect(parsed.errors).toEqual([]);
    expect(parsed.records).toHaveLength(2_752);
    expect(new Set(parsed.records.map((r) => r.indicatorId)).size).toBe(8);
    const blank = parsed.records.find((r) => r.value === null)!;
    expect(blank.flags).toEqual(["no-value-published"]);
    expect(blank.valueNote).toBe("Aggregated from all known lower geography values");
    expect(blank.published["Compared to Region value or percentiles"]).toBe("Not compared");
  });

  it("keeps quoted commas and line breaks, categories, sexes and ages as published", () => {
    const text = fs.readFileSync("tests/fixtures/fingertips-sample.csv", "utf8");
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    const records = rows.map((r, i) => tabular(parser).parseRow(r, i + 2));
    expect(records.every((r) => r.kind === "ok")).toBe(true);
    const ok = records.map((r) => (r as { record: import("../../app/domain/indicators/figures").Figure }).record);
    expect(ok[0].indicatorName).toBe("Synthetic test indicator, for the importer (not real data)");
    expect(ok.find((r) => r.category)!.category).toBe("Asian, Asian British or Asian Welsh");
    expect(ok.find((r) => r.areaCode === "E54000052")!.valueNote).toBe("Old code\nbefore the April 2023 change, kept as published");
    expect(ok.find((r) => r.areaCode === "P84004")).toMatchObject({ areaType: "gp-practice", value: 10, periodStart: "2015-01-01", periodEnd: "2017-12-31" });
    expect(ok.find((r) => r.areaCode === "U07506")).toMatchObject({ areaType: "pcn", periodStart: "2022-04-01", periodEnd: "2022-06-30", lower998: null });
    expect(new Set(ok.map((r) => r.sex))).toEqual(new Set(["Persons", "Male", "Female"]));
  });

  it("reports bad numbers, intervals, periods and codes by column", () => {
    const p = tabular(parser);
    const good = firstRow(OBESITY);
    expect(problems(p.parseRow({ ...good, Value: "n/a" }, 2))).toEqual([{ column: "Value", message: 'not a number: "n/a"' }]);
    expect(problems(p.parseRow({ ...good, "Lower CI 95.0 limit": "30" }, 2))[0]).toMatchObject({ column: "Lower CI 95.0 limit" });
    expect(problems(p.parseRow({ ...good, "Upper CI 99.8 limit": "" }, 2))[0].message).toMatch(/one bound of the 99.8% interval is missing/);
    expect(problems(p.parseRow({ ...good, "Time period": "sometime", "Time period Sortable": "" }, 2))[0]).toMatchObject({ column: "Time period" });
    expect(problems(p.parseRow({ ...good, "Indicator ID": "ninety" }, 2))[0]).toMatchObject({ column: "Indicator ID" });
    expect(problems(p.parseRow({ ...good, Denominator: "-5" }, 2))[0]).toMatchObject({ column: "Denominator" });
  });
});
