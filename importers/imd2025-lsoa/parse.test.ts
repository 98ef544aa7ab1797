import { describe, expect, it } from "vitest";
import { firstRow, parseBundled, problems, tabular } from "../reference-data/read-bundled";
import { parser } from "./parse";

const FILE = "deprivation/mhclg_iod2025_lsoa21_scores_ranks_deciles.csv.gz";

describe("imd2025-lsoa parser", () => {
  const parsed = parseBundled(parser, FILE);

  it("reads all 33,755 English LSOAs without an error", () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.records).toHaveLength(33_755);
  });

  it("ranks the LSOAs 1 to 33,755 with scores from 0.165 to 94.223 and seven domains each", () => {
    const ranks = parsed.records.map((r) => r.imdRank).sort((a, b) => a - b);
    expect(ranks.every((rank, i) => rank === i + 1)).toBe(true);
    const scores = parsed.records.map((r) => r.imdScore);
    expect(Math.min(...scores)).toBe(0.165);
    expect(Math.max(...scores)).toBe(94.223);
    expect(parsed.records[0].domains.map((d) => d.domain)).toEqual([
      "Income",
      "Employment",
      "Education",
      "Health",
      "Crime",
      "Housing_and_Services",
      "Environment",
    ]);
  });

  it("reports a non-numeric score and a decile out of range by column", () => {
    const good = firstRow(FILE);
    expect(problems(tabular(parser).parseRow({ ...good, IMD_score: "n/a", Health_decile: "0" }, 2))).toEqual([
      { column: "Health_decile", message: "out of range 1 to 10: 0" },
      { column: "IMD_score", message: 'not a number: "n/a"' },
    ]);
  });
});
