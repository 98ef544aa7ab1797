import { describe, expect, it } from "vitest";
import { binForValue, ntileQuintiles, percentileInc, pheQuantile, quantileBounds, quintileRag } from "./quintiles";
import type { Polarity } from "./types";

// Spec §9 worked example (m = 12).
const values = [3.1, 4.7, 5.0, 5.0, 6.2, 7.8, 8.1, 9.9, 10.4, 11.0, 12.6, 15.3];
const oneToFifty = Array.from({ length: 50 }, (_, i) => i + 1);

describe("legacy Fingertips quintile bounds", () => {
  it("gives the spec's bounds 3.1 | 5.0 | 6.84 | 9.18 | 10.88 | 15.3", () => {
    expect(quantileBounds(values)).toEqual([3.1, 5.0, 6.84, 9.18, 10.88, 15.3]);
  });

  it.each([
    { bins: 5 as const, expected: [1, 10.8, 20.6, 30.4, 40.2, 50] },
    { bins: 4 as const, expected: [1, 13.25, 25.5, 37.75, 50] },
  ])("gives the known bounds for the integers 1..50 with $bins bins", ({ bins, expected }) => {
    expect(quantileBounds(oneToFifty, bins)).toEqual(expected);
  });

  it("gives the spec's raw bins 1,1,1,1,2,3,3,4,4,5,5,5 for the example values", () => {
    const bounds = quantileBounds(values)!;
    expect(values.map((v) => binForValue(v, bounds))).toEqual([1, 1, 1, 1, 2, 3, 3, 4, 4, 5, 5, 5]);
  });

  it("ignores missing values and the input order", () => {
    expect(quantileBounds([null, ...[...values].reverse(), undefined])).toEqual(quantileBounds(values));
  });

  it("needs at least 5 valid values", () => {
    expect(quantileBounds([1, 2, 3, 4, null])).toBeNull();
    expect(quantileBounds([1, 2, 3, 4, 5])).toEqual([1, 1.8, 2.6, 3.4, 4.2, 5]);
  });

  it("rounds percentiles to 10 dp to remove floating-point artefacts", () => {
    // 0.1 + 0.7·(0.2 − 0.1) is 0.16999999999999998 in floating point.
    expect(percentileInc([0.1, 0.2], 0.7)).toBe(0.17);
  });

  it("throws for a value above the comparison set's maximum", () => {
    expect(() => binForValue(16, quantileBounds(values)!)).toThrow(
      "binForValue: value (16) is above the largest value in the comparison set (15.3)",
    );
  });
});

describe("quintileRag (legacy percentile bounds)", () => {
  it.each([
    { value: 15.3, polarity: "high-is-good", quintile: 5, category: 1, label: "Best" },
    { value: 3.1, polarity: "high-is-good", quintile: 1, category: 5, label: "Worst" },
    { value: 8.1, polarity: "high-is-good", quintile: 3, category: 3, label: "Middle" },
    { value: 10.4, polarity: "high-is-good", quintile: 4, category: 2, label: "Better" },
    { value: 15.3, polarity: "low-is-good", quintile: 5, category: 5, label: "Worst" },
    { value: 3.1, polarity: "low-is-good", quintile: 1, category: 1, label: "Best" },
    { value: 6.2, polarity: "low-is-good", quintile: 2, category: 2, label: "Better" },
    { value: 3.1, polarity: "no-judgement", quintile: 1, category: 1, label: "Lowest" },
    { value: 6.2, polarity: "no-judgement", quintile: 2, category: 2, label: "Low" },
    { value: 9.9, polarity: "no-judgement", quintile: 4, category: 4, label: "High" },
    { value: 15.3, polarity: "no-judgement", quintile: 5, category: 5, label: "Highest" },
  ] as { value: number; polarity: Polarity; quintile: number; category: number; label: string }[])(
    "puts $value with $polarity in category $category ($label)",
    ({ value, polarity, quintile, category, label }) => {
      expect(quintileRag({ value, comparisonValues: values, polarity })).toEqual({ compared: true, quintile, category, label });
    },
  );

  it.each([
    { reason: "fewer than 5 valid values", value: 2, comparisonValues: [1, 2, 3, 4, null], polarity: "high-is-good" },
    { reason: "the value is missing", value: null, comparisonValues: values, polarity: "high-is-good" },
    { reason: "the polarity is not applicable", value: 5, comparisonValues: values, polarity: "not-applicable" },
  ] as { reason: string; value: number | null; comparisonValues: (number | null)[]; polarity: Polarity }[])(
    "is not compared when $reason",
    ({ value, comparisonValues, polarity }) => {
      expect(quintileRag({ value, comparisonValues, polarity })).toEqual({ compared: false, quintile: null, category: null, label: "Not compared" });
    },
  );
});

describe("ntileQuintiles (FingertipsNext)", () => {
  it("forms groups of 3, 3, 2, 2, 2 for 12 values and can split tied values", () => {
    const result = ntileQuintiles({ values, polarity: "no-judgement" });
    expect(result.map((r) => r.quintile)).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 5]);
    // The two 5.0 values land in different quintiles, as the spec warns.
    expect(result[2].quintile).not.toBe(result[3].quintile);
  });

  it.each([
    { polarity: "high-is-good", labels: ["Worst", "Worse", "Middle", "Better", "Best"] },
    { polarity: "low-is-good", labels: ["Best", "Better", "Middle", "Worse", "Worst"] },
    { polarity: "no-judgement", labels: ["Lowest", "Low", "Middle", "High", "Highest"] },
  ] as { polarity: Polarity; labels: string[] }[])("labels quintiles 1 to 5 with $polarity as $labels", ({ polarity, labels }) => {
    const result = ntileQuintiles({ values: [50, 10, 40, 20, 30], polarity });
    expect([10, 20, 30, 40, 50].map((v) => result[[50, 10, 40, 20, 30].indexOf(v)].label)).toEqual(labels);
  });

  it("does not compare missing values or sets with fewer than 5 values", () => {
    expect(ntileQuintiles({ values: [1, 2, null, 3, 4], polarity: "high-is-good" }).every((r) => !r.compared)).toBe(true);
    const withGap = ntileQuintiles({ values: [1, 2, null, 3, 4, 5], polarity: "high-is-good" });
    expect(withGap[2].compared).toBe(false);
    expect(withGap.filter((r) => r.compared)).toHaveLength(5);
  });
});

describe("pheQuantile", () => {
  it("gives the spec's quintiles 1,1,1,1,2,3,3,3,4,4,5,5 for the example values", () => {
    expect(pheQuantile({ values, quantiles: 5 })).toEqual([1, 1, 1, 1, 2, 3, 3, 3, 4, 4, 5, 5]);
  });

  it("puts the highest values in quantile 1 when inverted", () => {
    const inverted = pheQuantile({ values: [1, 2, 3, 4, 5], quantiles: 5, invert: true });
    expect(inverted).toEqual([5, 4, 3, 2, 1]);
  });

  it("gives null for missing values and for every value when there are fewer values than quantiles", () => {
    expect(pheQuantile({ values: [1, null, 3], quantiles: 2 })).toEqual([1, null, 2]);
    expect(pheQuantile({ values: [1, 2, 3], quantiles: 5 })).toEqual([null, null, null]);
  });

  it("throws for a non-integer number of quantiles", () => {
    expect(() => pheQuantile({ values, quantiles: 2.5 })).toThrow("pheQuantile: quantiles (2.5) must be a whole number of 1 or more");
  });
});
