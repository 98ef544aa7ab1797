import { describe, expect, it } from "vitest";
import { firstRow, parseBundled, problems, tabular } from "../reference-data/read-bundled";
import { parser } from "./parse";

const FILE = "census/ons_census2021_ts021_ethnic_group_lsoa21.csv.gz";
const WHITE = "Ethnic group: White";

describe("census-ethnicity parser", () => {
  const parsed = parseBundled(parser, FILE);

  it("reads the 33,755 English LSOAs and skips and counts the 1,917 Welsh ones", () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.records).toHaveLength(33_755);
    expect(parsed.skipped).toEqual({ "Welsh LSOA (W01…): out of scope": 1_917 });
  });

  it("counts 56,490,108 usual residents in England in five groups of 19 categories", () => {
    expect(parsed.records.reduce((s, r) => s + r.total, 0)).toBe(56_490_108);
    const groups = parsed.records[0].groups;
    expect(groups).toHaveLength(5);
    expect(groups.reduce((s, g) => s + g.categories.length, 0)).toBe(19);
  });

  it("reports a non-numeric count and a group that does not match its categories, by column", () => {
    const p = tabular(parser);
    const good = firstRow(FILE);
    expect(problems(p.parseRow({ ...good, [WHITE]: "-" }, 2))).toEqual([{ column: WHITE, message: 'not a whole number: "-"' }]);
    const white = Number(good[WHITE]);
    expect(problems(p.parseRow({ ...good, [WHITE]: String(white + 1) }, 2))).toEqual([
      { column: WHITE, message: `the categories add up to ${white}, not the group's ${white + 1}` },
    ]);
  });
});
