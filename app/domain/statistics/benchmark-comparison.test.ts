import { describe, expect, it } from "vitest";
import {
  applyPolarity,
  compareOverlappingIntervals,
  compareToBenchmark,
  compareWithSpcLimits,
  spcForDsrLimits,
  spcForProportionsLimits,
  type ComparisonMethod,
} from "./benchmark-comparison";
import { proportionCI } from "./proportions";
import type { Polarity } from "./types";

// Spec §8.4: 310 of 500 = 62.0%, Wilson 57.6692–66.1478 (95%) and 55.1264–68.4238 (99.8%).
const at95 = proportionCI({ numerator: 310, denominator: 500, confidence: 0.95 });
const at998 = proportionCI({ numerator: 310, denominator: 500, confidence: 0.998 });
const area = { value: at95.value, lower95: at95.lower, upper95: at95.upper, lower998: at998.lower, upper998: at998.upper };

describe("compareToBenchmark with the spec's worked examples (§8.4)", () => {
  it.each([
    { benchmark: 70.0, polarity: "high-is-good", method: "ci-95", expected: { outcome: "worse", level: 95 } },
    { benchmark: 70.0, polarity: "high-is-good", method: "ci-99.8", expected: { outcome: "worse", level: 99.8 } },
    { benchmark: 70.0, polarity: "high-is-good", method: "ci-two-level", expected: { outcome: "worse", level: 99.8 } },
    { benchmark: 67.5, polarity: "high-is-good", method: "ci-95", expected: { outcome: "worse", level: 95 } },
    { benchmark: 67.5, polarity: "high-is-good", method: "ci-99.8", expected: { outcome: "similar" } },
    { benchmark: 67.5, polarity: "high-is-good", method: "ci-two-level", expected: { outcome: "worse", level: 95 } },
    { benchmark: 67.5, polarity: "low-is-good", method: "ci-two-level", expected: { outcome: "better", level: 95 } },
    { benchmark: 67.5, polarity: "no-judgement", method: "ci-95", expected: { outcome: "lower", level: 95 } },
    { benchmark: 60.0, polarity: "high-is-good", method: "ci-95", expected: { outcome: "similar" } },
    { benchmark: 60.0, polarity: "low-is-good", method: "ci-95", expected: { outcome: "similar" } },
    { benchmark: 60.0, polarity: "no-judgement", method: "ci-95", expected: { outcome: "similar" } },
    { benchmark: 70.0, polarity: "not-applicable", method: "ci-95", expected: { outcome: "not-compared" } },
    { benchmark: 70.0, polarity: "not-applicable", method: "ci-99.8", expected: { outcome: "not-compared" } },
    { benchmark: 70.0, polarity: "not-applicable", method: "ci-two-level", expected: { outcome: "not-compared" } },
  ] as { benchmark: number; polarity: Polarity; method: ComparisonMethod; expected: object }[])(
    "against $benchmark with $polarity by $method gives $expected.outcome",
    ({ benchmark, polarity, method, expected }) => {
      expect(compareToBenchmark({ area, benchmark, polarity, method })).toEqual(expected);
    },
  );

  it("treats a benchmark exactly equal to the area's upper 95% limit as similar (inclusive bound)", () => {
    expect(compareToBenchmark({ area, benchmark: area.upper95, polarity: "high-is-good", method: "ci-95" })).toEqual({ outcome: "similar" });
  });

  it("treats a benchmark exactly equal to the area's lower 99.8% limit as similar", () => {
    expect(compareToBenchmark({ area, benchmark: area.lower998, polarity: "high-is-good", method: "ci-99.8" })).toEqual({ outcome: "similar" });
  });
});

describe("compareToBenchmark polarity mapping", () => {
  const above = { value: 10, lower95: 8, upper95: 12, lower998: 7, upper998: 13 };
  it.each([
    { benchmark: 5, polarity: "high-is-good", outcome: "better" },
    { benchmark: 5, polarity: "low-is-good", outcome: "worse" },
    { benchmark: 5, polarity: "no-judgement", outcome: "higher" },
    { benchmark: 15, polarity: "high-is-good", outcome: "worse" },
    { benchmark: 15, polarity: "low-is-good", outcome: "better" },
    { benchmark: 15, polarity: "no-judgement", outcome: "lower" },
  ] as { benchmark: number; polarity: Polarity; outcome: string }[])(
    "maps an area against benchmark $benchmark with $polarity to $outcome",
    ({ benchmark, polarity, outcome }) => {
      expect(compareToBenchmark({ area: above, benchmark, polarity, method: "ci-95" }).outcome).toBe(outcome);
    },
  );
});

describe("compareToBenchmark two-level method", () => {
  // Area 10 with 95% limits 8–12 and 99.8% limits 7–13.
  const twoLevel = { value: 10, lower95: 8, upper95: 12, lower998: 7, upper998: 13 };
  it.each([
    { benchmark: 10, polarity: "high-is-good", expected: { outcome: "similar" } },
    { benchmark: 8, polarity: "high-is-good", expected: { outcome: "similar" } },
    { benchmark: 7.5, polarity: "high-is-good", expected: { outcome: "better", level: 95 } },
    { benchmark: 7, polarity: "high-is-good", expected: { outcome: "better", level: 95 } },
    { benchmark: 6.99, polarity: "high-is-good", expected: { outcome: "better", level: 99.8 } },
    { benchmark: 12.5, polarity: "high-is-good", expected: { outcome: "worse", level: 95 } },
    { benchmark: 13, polarity: "high-is-good", expected: { outcome: "worse", level: 95 } },
    { benchmark: 20, polarity: "high-is-good", expected: { outcome: "worse", level: 99.8 } },
    { benchmark: 20, polarity: "low-is-good", expected: { outcome: "better", level: 99.8 } },
    { benchmark: 1, polarity: "low-is-good", expected: { outcome: "worse", level: 99.8 } },
    { benchmark: 12.5, polarity: "low-is-good", expected: { outcome: "better", level: 95 } },
    { benchmark: 20, polarity: "no-judgement", expected: { outcome: "lower", level: 99.8 } },
    { benchmark: 1, polarity: "no-judgement", expected: { outcome: "higher", level: 99.8 } },
    { benchmark: 7.5, polarity: "no-judgement", expected: { outcome: "higher", level: 95 } },
  ] as { benchmark: number; polarity: Polarity; expected: object }[])(
    "against $benchmark with $polarity gives $expected.outcome at level $expected.level",
    ({ benchmark, polarity, expected }) => {
      expect(compareToBenchmark({ area: twoLevel, benchmark, polarity, method: "ci-two-level" })).toEqual(expected);
    },
  );
});

describe("compareToBenchmark 'not compared' rules (§8.3)", () => {
  const full = { value: 10, lower95: 8, upper95: 12, lower998: 7, upper998: 13 };
  it.each([
    { rule: "method is no-comparison", area: full, benchmark: 20, method: "no-comparison", polarity: "high-is-good" },
    { rule: "polarity is not applicable", area: full, benchmark: 20, method: "ci-95", polarity: "not-applicable" },
    { rule: "area value is missing (e.g. a suppressed DSR)", area: { value: null, lower95: null, upper95: null }, benchmark: 20, method: "ci-95", polarity: "high-is-good" },
    { rule: "area value is undefined", area: { ...full, value: undefined }, benchmark: 20, method: "ci-95", polarity: "high-is-good" },
    { rule: "benchmark is null", area: full, benchmark: null, method: "ci-95", polarity: "high-is-good" },
    { rule: "benchmark is undefined", area: full, benchmark: undefined, method: "ci-two-level", polarity: "low-is-good" },
    { rule: "area has no CI at all", area: { value: 10 }, benchmark: 20, method: "ci-95", polarity: "high-is-good" },
    { rule: "95% upper limit is missing", area: { ...full, upper95: null }, benchmark: 20, method: "ci-95", polarity: "high-is-good" },
    { rule: "99.8% lower limit is missing for the 99.8% method", area: { ...full, lower998: null }, benchmark: 20, method: "ci-99.8", polarity: "high-is-good" },
    { rule: "two-level method lacks one of its four bounds", area: { ...full, upper998: undefined }, benchmark: 20, method: "ci-two-level", polarity: "high-is-good" },
    { rule: "two-level method has only 95% limits", area: { value: 10, lower95: 8, upper95: 12 }, benchmark: 10, method: "ci-two-level", polarity: "no-judgement" },
  ] as { rule: string; area: object; benchmark: number | null; method: ComparisonMethod; polarity: Polarity }[])(
    "returns not-compared when the $rule",
    ({ area: a, benchmark, method, polarity }) => {
      expect(compareToBenchmark({ area: a as never, benchmark, method, polarity })).toEqual({ outcome: "not-compared" });
    },
  );

  it("returns not-compared when the area is the benchmark itself", () => {
    expect(compareToBenchmark({ area: full, benchmark: 20, method: "ci-95", polarity: "high-is-good", areaIsBenchmark: true })).toEqual({
      outcome: "not-compared",
    });
  });

  it("still compares at 95% when only the 99.8% limits are missing", () => {
    expect(compareToBenchmark({ area: { value: 10, lower95: 8, upper95: 12 }, benchmark: 20, method: "ci-95", polarity: "high-is-good" }).outcome).toBe("worse");
  });
});

describe("compareToBenchmark invalid input", () => {
  const full = { value: 10, lower95: 8, upper95: 12, lower998: 7, upper998: 13 };
  it.each([
    { args: { area: full, benchmark: 5, polarity: "up", method: "ci-95" }, message: 'compareToBenchmark: polarity ("up") must be one of high-is-good, low-is-good, no-judgement, not-applicable' },
    { args: { area: full, benchmark: 5, polarity: "high-is-good", method: "ci-90" }, message: 'compareToBenchmark: method ("ci-90") must be one of ci-95, ci-99.8, ci-two-level, no-comparison' },
    { args: { area: { ...full, value: Number.NaN }, benchmark: 5, polarity: "high-is-good", method: "ci-95" }, message: "compareToBenchmark: area.value (NaN) must be a finite number" },
    { args: { area: full, benchmark: Infinity, polarity: "high-is-good", method: "ci-95" }, message: "compareToBenchmark: benchmark (Infinity) must be a finite number" },
    { args: { area: { ...full, lower95: 13 }, benchmark: 5, polarity: "high-is-good", method: "ci-95" }, message: "compareToBenchmark: area.lower95 (13) is greater than area.upper95 (12)" },
  ])("throws '$message'", ({ args, message }) => {
    expect(() => compareToBenchmark(args as never)).toThrow(message);
  });
});

describe("applyPolarity", () => {
  it.each([
    { direction: "higher", polarity: "high-is-good", expected: { outcome: "better", level: 95 } },
    { direction: "lower", polarity: "high-is-good", expected: { outcome: "worse", level: 95 } },
    { direction: "higher", polarity: "low-is-good", expected: { outcome: "worse", level: 95 } },
    { direction: "lower", polarity: "low-is-good", expected: { outcome: "better", level: 95 } },
    { direction: "similar", polarity: "low-is-good", expected: { outcome: "similar" } },
    { direction: "lower", polarity: "no-judgement", expected: { outcome: "lower", level: 95 } },
    { direction: "higher", polarity: "not-applicable", expected: { outcome: "not-compared" } },
  ] as const)("maps $direction with $polarity to $expected.outcome", ({ direction, polarity, expected }) => {
    expect(applyPolarity(direction, polarity, 95)).toEqual(expected);
  });
});

describe("compareOverlappingIntervals (double overlap, legacy method 12)", () => {
  it.each([
    { area: { value: 10, lower: 8, upper: 12 }, benchmark: { value: 13, lower: 12, upper: 14 }, expected: { outcome: "similar" } },
    { area: { value: 10, lower: 8, upper: 12 }, benchmark: { value: 14, lower: 12.5, upper: 15 }, expected: { outcome: "worse", level: 95 } },
    { area: { value: 10, lower: 8, upper: 12 }, benchmark: { value: 5, lower: 4, upper: 7.9 }, expected: { outcome: "better", level: 95 } },
    { area: { value: 10, lower: 8, upper: 12 }, benchmark: { value: 5, lower: 4, upper: null }, expected: { outcome: "not-compared" } },
    { area: { value: 10, lower: null, upper: 12 }, benchmark: { value: 5, lower: 4, upper: 6 }, expected: { outcome: "not-compared" } },
  ])("compares $area with $benchmark as $expected.outcome", ({ area: a, benchmark, expected }) => {
    expect(compareOverlappingIntervals({ area: a, benchmark, polarity: "high-is-good", confidence: 0.95 })).toEqual(expected);
  });
});

describe("legacy SPC comparisons", () => {
  // Spec §8.4: benchmark 67.5%, N = 500, full-precision z.
  it.each([
    { confidence: 0.95 as const, lower: 63.2747, upper: 71.4585 },
    { confidence: 0.998 as const, lower: 60.7517, upper: 73.5924 },
  ])("gives SPC-for-proportions limits $lower–$upper at $confidence", ({ confidence, lower, upper }) => {
    const limits = spcForProportionsLimits({ benchmark: 67.5, denominator: 500, confidence })!;
    expect(limits.lower).toBeCloseTo(lower, 4);
    expect(limits.upper).toBeCloseTo(upper, 4);
  });

  it.each([
    { confidence: 0.95 as const, expected: { outcome: "worse", level: 95 } },
    { confidence: 0.998 as const, expected: { outcome: "similar" } },
  ])("judges 62.0% against 67.5% by SPC at $confidence as $expected.outcome", ({ confidence, expected }) => {
    expect(
      compareWithSpcLimits({ value: 62, denominator: 500, benchmark: 67.5, polarity: "high-is-good", method: "spc-proportions", confidence }),
    ).toEqual(expected);
  });

  it.each([0, -10, null])("does not compare by SPC when the denominator is %s", (denominator) => {
    expect(
      compareWithSpcLimits({ value: 62, denominator, benchmark: 67.5, polarity: "high-is-good", method: "spc-proportions", confidence: 0.95 }),
    ).toEqual({ outcome: "not-compared" });
  });

  it("gives SPC-for-DSR limits from chi-square quantiles around the expected count", () => {
    // Benchmark 400 per 100,000 in 2,500 people: E = 10, so the limits are
    // χ²_0.025(20)/2 and χ²_0.975(22)/2 per 2,500 people.
    const limits = spcForDsrLimits({ benchmark: 400, denominator: 2500, confidence: 0.95 })!;
    expect(limits.lower).toBeCloseTo(((9.590777392264867 / 2) / 2500) * 1e5, 8);
    expect(limits.upper).toBeCloseTo(((36.78071208403556 / 2) / 2500) * 1e5, 8);
    expect(
      compareWithSpcLimits({ value: 900, denominator: 2500, benchmark: 400, polarity: "low-is-good", method: "spc-dsr", confidence: 0.95 }),
    ).toEqual({ outcome: "worse", level: 95 });
  });
});
