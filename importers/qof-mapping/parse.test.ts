import { describe, expect, it } from "vitest";
import { firstRow, parseBundled, problems, tabular } from "../reference-data/read-bundled";
import { parser } from "./parse";

const FILE = "pcn/nhsd_qof_2223_mapping_nhs_geographies.csv.gz";

describe("qof-mapping parser", () => {
  const parsed = parseBundled(parser, FILE);

  it("reads all 6,378 practices of QOF 2022-23 without an error", () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.records).toHaveLength(6_378);
    expect(parsed.skipped).toEqual({});
  });

  it("keeps the 63 practices of the pseudo-PCN U, with no PCN code", () => {
    expect(parsed.records.filter((r) => r.pcnCode === null)).toHaveLength(63);
    expect(new Set(parsed.records.map((r) => r.pcnCode).filter((c) => c !== null)).size).toBe(1_267);
  });

  it("carries the 2022 ONS codes of Surrey Heartlands and Sussex under unchanged ODS codes", () => {
    const byOds = new Map(parsed.records.map((r) => [r.icbOdsCode, r.icbCode]));
    expect(byOds.get("QXU")).toBe("E54000052");
    expect(byOds.get("QNX")).toBe("E54000053");
  });

  it("reports a bad PCN code and a bad practice code by column", () => {
    const good = firstRow(FILE);
    expect(problems(tabular(parser).parseRow({ ...good, PCN_ODS_CODE: "U1234", PRACTICE_CODE: "A8100" }, 2))).toEqual([
      { column: "PCN_ODS_CODE", message: 'not a valid PCN ODS code (U and 5 digits) or "U": "U1234"' },
      { column: "PRACTICE_CODE", message: 'not a valid GP practice ODS code (a letter and 5 digits): "A8100"' },
    ]);
  });
});
