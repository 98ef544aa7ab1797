import { describe, expect, it } from "vitest";
import { firstRow, parseBundled, problems, tabular } from "../reference-data/read-bundled";
import { parser } from "./parse";

const FILE = "geography/ons_lsoa21_sicbl24_icb24_lookup_2024.csv.gz";

describe("lsoa-icb parser", () => {
  const parsed = parseBundled(parser, FILE);

  it("reads every English LSOA of the 2024 lookup without an error", () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.records).toHaveLength(33_755);
    expect(parsed.skipped).toEqual({});
  });

  it("finds 42 ICBs and 106 sub-ICB locations, each with one ODS code", () => {
    const icbs = new Map(parsed.records.map((r) => [r.icbCode, r.icbOdsCode]));
    const sicbls = new Map(parsed.records.map((r) => [r.sicblCode, r.sicblOdsCode]));
    expect(icbs.size).toBe(42);
    expect(sicbls.size).toBe(106);
    expect(new Set(icbs.values()).size).toBe(42);
    expect(icbs.get("E54000057")).toBe("QOP");
  });

  it("carries the April 2023 codes of Surrey Heartlands and Sussex", () => {
    const codes = new Set(parsed.records.map((r) => r.icbCode));
    expect(codes.has("E54000063") && codes.has("E54000064")).toBe(true);
    expect(codes.has("E54000052") || codes.has("E54000053")).toBe(false);
  });

  it("reports a bad code, a missing name and a bad ODS code by column", () => {
    const good = firstRow(FILE);
    const result = tabular(parser).parseRow({ ...good, LSOA21CD: "E0101234", LSOA21NM: "", ICB24CDH: "qop" }, 2);
    expect(problems(result)).toEqual([
      { column: "ICB24CDH", message: 'not a valid ICB ODS code (Q and 2 characters): "qop"' },
      { column: "LSOA21CD", message: 'not a valid English LSOA code (E01 and 6 digits): "E0101234"' },
      { column: "LSOA21NM", message: "missing value" },
    ]);
  });
});
