import { describe, expect, it } from "vitest";
import { firstRow, parseBundled, problems, tabular } from "../reference-data/read-bundled";
import { parser } from "./parse";

const FILE = "deprivation/mhclg_iod2025_icb24_summaries.csv.gz";

describe("imd2025-icb parser", () => {
  const parsed = parseBundled(parser, FILE);

  it("reads the 42 ICB summaries with all 56 measures", () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.records).toHaveLength(42);
    expect(Object.keys(parsed.records[0].measures)).toHaveLength(56);
  });

  it("gives NHS Greater Manchester an IMD 2025 average score of 29.6", () => {
    expect(parsed.records.find((r) => r.icbCode === "E54000057")?.imdAverageScore).toBe(29.6);
  });

  it("reports a non-numeric measure by column", () => {
    const good = firstRow(FILE);
    expect(problems(tabular(parser).parseRow({ ...good, imd_average_score: "high" }, 2))).toEqual([
      { column: "imd_average_score", message: 'not a number: "high"' },
    ]);
  });
});
