import { describe, expect, it } from "vitest";
import { meanCI, proportionCI } from "../statistics/index";
import { discloseMean, discloseProportion, discloseRate } from "./statistics";

describe("discloseMean", () => {
  // STATISTICS.md §5 worked example, extended to 8 values so that it may be shown.
  const values = [12.1, 15.4, 9.8, 11.0, 13.7, 14.2, 10.5, 16.3];
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));

  it("gives the same t interval from a summary as meanCI gives from the values", () => {
    const expected = meanCI({ values, confidence: 0.95 });
    const got = discloseMean({ n, mean, sd });
    expect(got.value).toBeCloseTo(expected.value!, 12);
    expect(got.lower).toBeCloseTo(expected.lower!, 10);
    expect(got.upper).toBeCloseTo(expected.upper!, 10);
    expect(got.hidden).toBeNull();
  });

  it.each([
    { n: 1, hidden: "primary" },
    { n: 7, hidden: "primary" },
    { n: 8, hidden: null },
  ])("a mean of $n people is hidden: $hidden", ({ n: people, hidden }) => {
    expect(discloseMean({ n: people, mean: 1.5, sd: 2 }).hidden).toBe(hidden);
  });

  it("gives nothing, and hides nothing, when no one has a value", () => {
    expect(discloseMean({ n: 0, mean: null, sd: null })).toEqual({ value: null, lower: null, upper: null, hidden: null });
  });
});

describe("discloseProportion", () => {
  it.each([
    { numerator: 3, denominator: 40, hidden: "primary", why: "the numerator is small" },
    { numerator: 37, denominator: 40, hidden: "primary", why: "the rest of the denominator is small" },
    { numerator: 0, denominator: 40, hidden: null, why: "zero is not small" },
    { numerator: 40, denominator: 40, hidden: null, why: "all of them is not small" },
    { numerator: 27, denominator: 150, hidden: null, why: "both parts are 8 or more" },
  ])("$numerator of $denominator is hidden: $hidden ($why)", ({ numerator, denominator, hidden }) => {
    expect(discloseProportion({ numerator, denominator }).hidden).toBe(hidden);
  });

  it("computes the percentage and Wilson interval from the unrounded counts", () => {
    // STATISTICS.md §1: 27 of 150 is 18.0% (12.6758–24.9223).
    const got = discloseProportion({ numerator: 27, denominator: 150 });
    expect(got).toEqual({ ...proportionCI({ numerator: 27, denominator: 150, confidence: 0.95 }), hidden: null });
    expect(got.lower).toBeCloseTo(12.6758, 4);
  });

  it("gives no percentage of nobody", () => {
    expect(discloseProportion({ numerator: 0, denominator: 0 })).toEqual({ value: null, lower: null, upper: null, hidden: null });
  });
});

describe("discloseRate", () => {
  it.each([
    { count: 5, population: 10_000, value: null, hidden: "primary" },
    { count: 0, population: 10_000, value: 0, hidden: null },
    { count: 42, population: 21_000, value: 2, hidden: null },
    { count: 42, population: null, value: null, hidden: null },
  ])("$count clients among $population adults gives $value per 1,000", ({ count, population, value, hidden }) => {
    expect(discloseRate({ count, population })).toEqual({ value, hidden });
  });
});
