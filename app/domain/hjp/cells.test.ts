import { describe, expect, it } from "vitest";
import { amountsByType, decimal, outwardCode, Problem, problemList, toIsoDate, toPence, toReportingPeriod, wholeNumber } from "./cells";
import { BENEFIT_TYPES, PROBLEM_AREAS } from "./vocabularies";

const spec = { description: "d", example: "e" };
const message = (v: unknown) => (v instanceof Problem ? v.message : null);

describe("HJP cell types", () => {
  it.each([
    ["1234.56", 123456],
    ["£1,234.5", 123450],
    ["0", 0],
    ["0.07", 7],
    ["1,000,000", 100000000],
    ["12.345", null],
    ["-5", null],
    ["1,23", null],
    ["ten", null],
  ])("reads %j as %s pence", (text, pence) => {
    expect(toPence(text)).toBe(pence);
  });

  it.each([
    ["2025-04-14", "2025-04-14"],
    ["14/04/2025", "2025-04-14"],
    ["1/4/2025", "2025-04-01"],
    ["2024-02-29", "2024-02-29"],
    ["45761", "2025-04-14"],
    ["45761.75", "2025-04-14"],
    ["99999", null],
    ["2025-02-29", null],
    ["2025-13-01", null],
    ["1999-12-31", null],
    ["14-04-2025", null],
  ])("reads the date %j as %s", (text, iso) => {
    expect(toIsoDate(text)).toBe(iso);
  });

  it.each([
    ["2025-26 Q1", { label: "2025-26 Q1", start: "2025-04-01", end: "2025-06-30" }],
    ["2025/26 q3", { label: "2025-26 Q3", start: "2025-10-01", end: "2025-12-31" }],
    ["FY2025-26 Q4", { label: "2025-26 Q4", start: "2026-01-01", end: "2026-03-31" }],
    ["2025-27 Q1", null],
    ["2025 Q1", null],
    ["2025-26 Q5", null],
  ])("reads the reporting period %j", (text, period) => {
    expect(toReportingPeriod(text)).toEqual(period);
  });

  it("reads problems as areas and area:sub-type codes, and names what it does not know", () => {
    const column = problemList(spec, PROBLEM_AREAS);
    expect(column.parse("Welfare benefits:PIP; debt:priority; debt; housing:damp mould")).toEqual({
      areas: ["welfare-benefits", "debt", "housing"],
      categories: ["welfare-benefits:pip", "debt:priority", "debt", "housing:damp-mould"],
    });
    expect(message(column.parse("housing:leaky roof"))).toMatch(/^not a known sub-type of housing/);
    expect(message(column.parse("employment:unfair-dismissal"))).toBe('employment has no sub-types: "employment:unfair-dismissal"');
    expect(message(column.parse("gardening"))).toMatch(/^not a known problem area/);
  });

  it("reads financial gains by benefit type in pence, refusing unknown types and amounts given twice", () => {
    const column = amountsByType({ ...spec, maxPounds: 1000 }, BENEFIT_TYPES, "benefit type");
    expect(column.parse("pip=420; universal-credit=130.50")).toEqual({ pip: 42000, "universal-credit": 13050 });
    expect(message(column.parse("pip"))).toBe('expected benefit type=amount: "pip"');
    expect(message(column.parse("lottery=5"))).toMatch(/^not a known benefit type/);
    expect(message(column.parse("pip=1; pip=2"))).toMatch(/^pip is given twice/);
    expect(message(column.parse("pip=1001"))).toMatch(/^more than £1,000/);
  });

  it("keeps an outward code and refuses a full postcode with a reason", () => {
    const column = outwardCode(spec);
    expect(column.parse("m14")).toBe("M14");
    expect(message(column.parse("M14 5RX"))).toBe(
      "is a full postcode: give only the outward code, the part before the space (e.g. M14); full postcodes are direct identifiers and are not stored",
    );
    expect(message(column.parse("Manchester"))).toMatch(/^not a postcode outward code/);
  });

  it("checks ranges and decimal places", () => {
    expect(wholeNumber({ ...spec, min: 1, max: 10 }).parse("10")).toBe(10);
    expect(message(wholeNumber({ ...spec, min: 1, max: 10 }).parse("11"))).toBe("out of range 1 to 10: 11");
    expect(message(wholeNumber({ ...spec, min: 1, max: 10 }).parse("3.5"))).toBe('not a whole number: "3.5"');
    expect(decimal({ ...spec, min: 7, max: 35 }).parse("23.5")).toBe(23.5);
    expect(message(decimal({ ...spec, min: 7, max: 35 }).parse("6"))).toBe("out of range 7 to 35: 6");
    expect(message(decimal({ ...spec, min: 0, max: 9, places: 1 }).parse("1.25"))).toBe("more than 1 decimal places: 1.25");
  });
});
