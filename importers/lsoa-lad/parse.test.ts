import { describe, expect, it } from "vitest";
import { firstRow, parseBundled, problems, tabular } from "../reference-data/read-bundled";
import { parser } from "./parse";

const FILE = "geography/ons_lsoa21_ward24_lad24_lookup_2024.csv.gz";

describe("lsoa-lad parser", () => {
  const parsed = parseBundled(parser, FILE);

  it("reads the 33,755 English LSOAs and skips and counts the 1,917 Welsh ones", () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.records).toHaveLength(33_755);
    expect(parsed.skipped).toEqual({ "Welsh LSOA (W01…): out of scope": 1_917 });
  });

  it("maps the English LSOAs to the 296 English districts of 2024", () => {
    expect(new Set(parsed.records.map((r) => r.ladCode)).size).toBe(296);
  });

  it("reports a bad district code and a missing ward code by column", () => {
    const good = firstRow(FILE);
    expect(problems(tabular(parser).parseRow({ ...good, LAD24CD: "E12000001", WD24CD: " " }, 2))).toEqual([
      { column: "LAD24CD", message: 'not a valid English local authority district code (E06–E09 and 6 digits): "E12000001"' },
      { column: "WD24CD", message: "missing value" },
    ]);
  });
});
