import { describe, expect, it } from "vitest";
import { firstRow, parseBundled, problems, tabular } from "../reference-data/read-bundled";
import { parser } from "./parse";

const HLE = "fingertips/ohid_fingertips_90362_hle_birth_ua_reshaped.csv.gz";
const LE = "fingertips/ohid_fingertips_90366_le_birth_district_ua_reshaped.csv.gz";
const U75 = "fingertips/ohid_fingertips_93721_u75_preventable_mortality_district_ua_reshaped.csv.gz";

describe("fingertips-extract parser", () => {
  it("reads healthy life expectancy by sex from `inequality`, marking what the extract lacks", () => {
    const parsed = parseBundled(parser, HLE);
    expect(parsed.errors).toEqual([]);
    expect(parsed.records).toHaveLength(2_128);
    const manchester = parsed.records.find((r) => r.areaCode === "E08000003" && r.period === "2022 - 24" && r.sex === "Female")!;
    expect(manchester).toMatchObject({ indicatorId: "90362", areaType: "ua", age: "All ages", lower95: null, count: null, periodStart: "2022-01-01", periodEnd: "2024-12-31" });
    expect(manchester.flags).toEqual(["value-rounded", "no-interval-published"]);
    expect(parsed.records.filter((r) => r.value === null)).toHaveLength(32);
  });

  it("reads life expectancy for districts and unitaries, on old and new codes", () => {
    const parsed = parseBundled(parser, LE);
    expect(parsed.errors).toEqual([]);
    expect(parsed.records).toHaveLength(5_516);
    expect(new Set(parsed.records.map((r) => r.areaType))).toEqual(new Set(["england", "district", "ua"]));
  });

  it("reads under-75 preventable mortality with the sex from `unit`", () => {
    const parsed = parseBundled(parser, U75);
    expect(parsed.errors).toEqual([]);
    expect(parsed.records).toHaveLength(9_801);
    expect(new Set(parsed.records.map((r) => r.sex))).toEqual(new Set(["Male", "Female", "Persons"]));
    expect(parsed.records[0]).toMatchObject({ indicatorId: "93721", age: "<75 yrs", published: { compared_to_England: "Not compared" } });
  });

  it("refuses an indicator it does not know and a row without a sex", () => {
    const p = tabular(parser);
    const good = firstRow(HLE);
    expect(problems(p.parseRow({ ...good, indicator: "Something else" }, 2))[0]).toMatchObject({ column: "indicator" });
    expect(problems(p.parseRow({ ...good, inequality: "NA" }, 2))[0]).toMatchObject({ column: "inequality" });
  });
});
