import { describe, expect, it } from "vitest";
import { firstRow, parseBundled, problems, tabular } from "../reference-data/read-bundled";
import { parser } from "./parse";

const FILE = "pcn/derived_pcn_imd2019_from_gpreg_lsoa_jan2023.csv.gz";

describe("pcn-imd parser", () => {
  const parsed = parseBundled(parser, FILE);

  it("reads 1,264 PCNs and skips the pooled unallocated row U", () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.records).toHaveLength(1_264);
    expect(parsed.skipped).toEqual({ "pooled unallocated row 'U'": 1 });
  });

  it("keeps scores within the file's range of 4.67 to 63.44", () => {
    const scores = parsed.records.map((r) => r.imd2019Score);
    expect(Math.min(...scores)).toBeCloseTo(4.67, 2);
    expect(Math.max(...scores)).toBeCloseTo(63.44, 2);
  });

  it("reports a non-numeric score and a decile out of range by column", () => {
    // The first data row is the pooled U row; a real PCN row is needed.
    const good = { ...firstRow(FILE), pcn_code: "U00070", subicb_code: "36L", postcode: "SW17 0RT" };
    expect(tabular(parser).parseRow(good, 2).kind).toBe("ok");
    expect(problems(tabular(parser).parseRow({ ...good, imd_score: "NA", imd_decile: "11" }, 2))).toEqual([
      { column: "imd_decile", message: "out of range 1 to 10: 11" },
      { column: "imd_score", message: 'not a number: "NA"' },
    ]);
  });
});
