import { describe, expect, it } from "vitest";
import { formatCount, formatDecimal, formatPence, formatShare, upTo } from "./numbers";

describe("number formatting", () => {
  it.each([
    [formatCount(2867800), "2,867,800"],
    [formatCount(null), "–"],
    [formatDecimal(14.98253), "15.0"],
    [formatDecimal(31.3478, 2), "31.35"],
    [formatShare(0.4567), "46%"],
    [formatShare(0.4567, 1), "45.7%"],
    [formatPence(123456), "£1,234.56"],
    [formatPence(123456, { whole: true }), "£1,235"],
    [formatPence(-5000), "−£50.00"],
    [formatCount(Number.NaN), "–"],
  ])("formats %s as expected", (got, want) => {
    expect(got).toBe(want);
  });
});

describe("upTo", () => {
  it.each([1234.5678, 0.1, 12, -3.25, 1e9 / 7, 0])("formats %s as toLocaleString does, by default and with 0 and 1 places", (n) => {
    expect(upTo(n)).toBe(n.toLocaleString("en-GB"));
    expect(upTo(n, 0)).toBe(n.toLocaleString("en-GB", { maximumFractionDigits: 0 }));
    expect(upTo(n, 1)).toBe(n.toLocaleString("en-GB", { maximumFractionDigits: 1 }));
  });
});
