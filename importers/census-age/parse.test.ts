import { describe, expect, it } from "vitest";
import { firstRow, parseBundled, problems, tabular } from "../reference-data/read-bundled";
import { ageRange, parser } from "./parse";

const FILE = "population/ons_census2021_ts007a_age_5yr_bands_lsoa21.csv.gz";

describe("census-age parser", () => {
  const parsed = parseBundled(parser, FILE);

  it("reads the 33,755 English LSOAs and skips and counts the 1,917 Welsh ones", () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.records).toHaveLength(33_755);
    expect(parsed.skipped).toEqual({ "Welsh LSOA (W01…): out of scope": 1_917 });
  });

  it("counts 56,490,091 usual residents in England", () => {
    expect(parsed.records.reduce((s, r) => s + r.total, 0)).toBe(56_490_091);
  });

  it("gives each LSOA 18 contiguous five-year bands from 0 to 85 and over", () => {
    const bands = parsed.records[0].bands;
    expect(bands).toHaveLength(18);
    expect(bands[0]).toMatchObject({ fromAge: 0, toAge: 4 });
    expect(bands[17]).toMatchObject({ fromAge: 85, toAge: null });
    for (let i = 1; i < bands.length; i++) expect(bands[i].fromAge).toBe((bands[i - 1].toAge ?? NaN) + 1);
    expect(ageRange("Aged 20 to 24 years")).toEqual({ fromAge: 20, toAge: 24 });
  });

  it("reports a non-numeric band, a missing code and bands that do not add up, by column", () => {
    const p = tabular(parser);
    const good = firstRow(FILE);
    expect(problems(p.parseRow({ ...good, "Aged 5 to 9 years": "x", mnemonic: "" }, 2))).toEqual([
      { column: "Aged 5 to 9 years", message: 'not a whole number: "x"' },
      { column: "mnemonic", message: "missing value" },
    ]);
    const total = Number(good.Total);
    expect(problems(p.parseRow({ ...good, Total: String(total + 1) }, 2))).toEqual([
      { column: "Total", message: `the age bands add up to ${total}, not the total ${total + 1}` },
    ]);
  });
});
