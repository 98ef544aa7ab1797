import { describe, expect, it } from "vitest";
import { type UnitValue, valueEstimate } from "./estimate";

const unit = (code: string, valuePence: number, priceYear: number, outcome: string | null): UnitValue => ({
  code,
  item: code,
  valuePence,
  unit: "per case",
  source: "Test source",
  sourceUrl: null,
  priceYear,
  licence: "Test licence",
  outcome,
});

const EVICTION = unit("HO1.0", 668_000, 2010, "possession-prevented");
const HOMELESS = unit("HO3.0", 250_100, 2010, "homelessness-prevented");
const INDEX = new Map([
  [2010, 80],
  [2024, 100],
]);

describe("valueEstimate", () => {
  it("values each outcome at its unit value brought to the chosen price year, and adds them up", () => {
    const e = valueEstimate({ counts: { "possession-prevented": 10, "homelessness-prevented": 20 }, unitValues: [EVICTION, HOMELESS, unit("HE20.2", 3_800, 2013, null)], priceYear: 2024, index: INDEX });
    // £6,680 × 100 ÷ 80 = £8,350; £2,501 × 100 ÷ 80 = £3,126.25.
    expect(e.lines.map((l) => [l.unitValue.code, l.count, l.unitValuePence, l.valuePence])).toEqual([
      ["HO1.0", 10, 835_000, 8_350_000],
      ["HO3.0", 20, 312_625, 6_252_500],
    ]);
    expect(e.totalPence).toBe(14_602_500);
    expect(e.allRebased).toBe(true);
    expect(e.assumptions.join(" ")).toContain("2024-25 prices");
  });

  it("changes with the price year chosen", () => {
    const at2010 = valueEstimate({ counts: { "possession-prevented": 10 }, unitValues: [EVICTION], priceYear: 2010, index: INDEX });
    const at2024 = valueEstimate({ counts: { "possession-prevented": 10 }, unitValues: [EVICTION], priceYear: 2024, index: INDEX });
    expect([at2010.totalPence, at2024.totalPence]).toEqual([6_680_000, 8_350_000]);
  });

  it("leaves a value in its own price year when the index lacks it, and says so", () => {
    const e = valueEstimate({ counts: { "possession-prevented": 10 }, unitValues: [EVICTION], priceYear: 2020, index: INDEX });
    expect(e.lines[0]).toMatchObject({ unitValuePence: 668_000, priceYear: 2010, note: "Left in 2010-11 prices: the inflation index has no value for 2020-21." });
    expect(e.allRebased).toBe(false);
  });

  it.each([
    {
      name: "one small count hides its line, the next smallest line and keeps the total",
      counts: { "possession-prevented": 3, "homelessness-prevented": 20 },
      expected: { lines: [null, null], total: 3 * 835_000 + 20 * 312_625 },
    },
    {
      name: "a small count alone hides its line and the total",
      counts: { "possession-prevented": 3, "homelessness-prevented": 0 },
      expected: { lines: [null, 0], total: null },
    },
    {
      name: "zero outcomes value to zero",
      counts: {},
      expected: { lines: [0, 0], total: 0 },
    },
  ])("$name", ({ counts, expected }) => {
    const e = valueEstimate({ counts, unitValues: [EVICTION, HOMELESS], priceYear: 2024, index: INDEX });
    expect(e.lines.map((l) => l.valuePence)).toEqual(expected.lines);
    expect(e.totalPence).toBe(expected.total);
  });
});
