import { describe, expect, it } from "vitest";
import { financialYearLabel, parseFinancialYear, rebasePence } from "./rebase";

const INDEX = new Map([
  [2010, 80],
  [2024, 120],
]);

describe("rebasePence", () => {
  it.each([
    { name: "to a later year: × 120 ÷ 80", valuePence: 668_000, fromYear: 2010, toYear: 2024, expected: { valuePence: 1_002_000, priceYear: 2024, rebased: true, note: null } },
    { name: "to an earlier year: × 80 ÷ 120, to the penny", valuePence: 4_801, fromYear: 2024, toYear: 2010, expected: { valuePence: 3_201, priceYear: 2010, rebased: true, note: null } },
    { name: "the same year: unchanged", valuePence: 100, fromYear: 2013, toYear: 2013, expected: { valuePence: 100, priceYear: 2013, rebased: false, note: null } },
    {
      name: "a year missing from the index: left in its own prices, saying why",
      valuePence: 3_800,
      fromYear: 2013,
      toYear: 2024,
      expected: { valuePence: 3_800, priceYear: 2013, rebased: false, note: "Left in 2013-14 prices: the inflation index has no value for 2013-14." },
    },
  ])("$name", ({ valuePence, fromYear, toYear, expected }) => {
    expect(rebasePence({ valuePence, fromYear, toYear, index: INDEX })).toEqual(expected);
  });
});

describe("financial years", () => {
  it.each([
    { text: "2010-11", year: 2010 },
    { text: "1999/00", year: 1999 },
    { text: "2010-12", year: null },
    { text: "2010", year: null },
  ])("reads $text as $year", ({ text, year }) => {
    expect(parseFinancialYear(text)).toBe(year);
  });

  it("labels 2099 as 2099-00", () => {
    expect(financialYearLabel(2099)).toBe("2099-00");
  });
});
