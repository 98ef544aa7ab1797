import { describe, expect, it } from "vitest";
import { firstRow, parseBundled, problems, tabular } from "../reference-data/read-bundled";
import { parser } from "./parse";

const FILE = "deprivation/ohid_fingertips_93553_gp_practice_imd_score.csv.gz";

describe("practice-imd parser", () => {
  const parsed = parseBundled(parser, FILE);

  it("reads all 23,080 practice scores despite the file's byte-order mark", () => {
    expect(parsed.header[0]).toBe("IndicatorID");
    expect(parsed.errors).toEqual([]);
    expect(parsed.records).toHaveLength(23_080);
  });

  it("holds 6,980 IMD 2019 scores, 6,441 of them for current practices", () => {
    const imd2019 = parsed.records.filter((r) => r.imdYear === 2019);
    expect(imd2019).toHaveLength(6_980);
    expect(imd2019.filter((r) => r.isCurrent)).toHaveLength(6_441);
  });

  it("reports an unknown edition, another indicator and a blank value by column", () => {
    const p = tabular(parser);
    const good = firstRow(FILE);
    expect(problems(p.parseRow({ ...good, Year: "2025", Value: "" }, 2))).toEqual([
      { column: "Value", message: "missing value" },
      { column: "Year", message: 'not a known IMD edition (2010, 2015, 2019): "2025"' },
    ]);
    expect(problems(p.parseRow({ ...good, IndicatorID: "93554" }, 2))[0].column).toBe("IndicatorID");
  });
});
