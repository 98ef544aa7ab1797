import { describe, expect, it } from "vitest";
import { firstRow, parseBundled, problems, tabular } from "../reference-data/read-bundled";
import { parser } from "./parse";

const FILE = "pcn/derived_practice_pcn_location_geocoded_onspd_nov2023.csv.gz";

describe("practice-locations parser", () => {
  const parsed = parseBundled(parser, FILE);

  it("reads all 6,325 geocoded practices without an error, ignoring the unnamed row-index column", () => {
    expect(parsed.header[0]).toBe("");
    expect(parsed.errors).toEqual([]);
    expect(parsed.records).toHaveLength(6_325);
  });

  it("gives every practice an English LSOA 2021", () => {
    expect(parsed.records.every((r) => /^E01\d{6}$/.test(r.lsoa21Code))).toBe(true);
  });

  it("turns the 69 unallocated practices' PCN U into no PCN, and the 73 NA PCN locations into nulls", () => {
    expect(parsed.records.filter((r) => r.pcnCode === null)).toHaveLength(69);
    const noPcnLocation = parsed.records.filter((r) => r.pcnLat === null);
    expect(noPcnLocation).toHaveLength(73);
    expect(noPcnLocation.every((r) => r.pcnLng === null && r.pcnPostcode === null && r.pcnLsoa21Code === null)).toBe(true);
  });

  it("reports a non-numeric latitude, a Welsh LSOA and an out-of-England longitude by column", () => {
    const good = firstRow(FILE);
    expect(problems(tabular(parser).parseRow({ ...good, PRAC_LAT: "fifty-four", PRAC_LNG: "12.5", PRAC_LSOA21: "W01000001" }, 2))).toEqual([
      { column: "PRAC_LAT", message: 'not a number: "fifty-four"' },
      { column: "PRAC_LNG", message: "out of range -6.5 to 1.8: 12.5" },
      { column: "PRAC_LSOA21", message: 'not a valid English LSOA code (E01 and 6 digits): "W01000001"' },
    ]);
  });
});
