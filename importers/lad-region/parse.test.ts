import { describe, expect, it } from "vitest";
import { firstRow, parseBundled, problems, tabular } from "../reference-data/read-bundled";
import { parser } from "./parse";

const FILE = "geography/ons_lad24_region24_lookup.csv.gz";

describe("lad-region parser", () => {
  const parsed = parseBundled(parser, FILE);

  it("reads the 296 English districts into 9 regions without an error", () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.records).toHaveLength(296);
    expect(new Set(parsed.records.map((r) => r.regionCode)).size).toBe(9);
  });

  it("reports a bad region code by column", () => {
    const good = firstRow(FILE);
    expect(problems(tabular(parser).parseRow({ ...good, RGN24CD: "E40000012" }, 2))).toEqual([
      { column: "RGN24CD", message: 'not a valid English region code (E12 and 6 digits): "E40000012"' },
    ]);
  });
});
