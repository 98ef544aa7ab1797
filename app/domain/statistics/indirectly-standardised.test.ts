import { describe, expect, it } from "vitest";
import {
  indirectlyStandardisedRate,
  indirectlyStandardisedRatio,
  standardisedRatioInterval,
} from "./indirectly-standardised";

// Spec §4 worked example: reference X = 120 / 900 / 4000, N = 400,000 / 300,000 / 100,000;
// area population 12,000 / 9,000 / 2,500, so E = 3.6 + 27 + 100 = 130.6.
const bands = [
  { denominator: 12000, referenceNumerator: 120, referenceDenominator: 400000 },
  { denominator: 9000, referenceNumerator: 900, referenceDenominator: 300000 },
  { denominator: 2500, referenceNumerator: 4000, referenceDenominator: 100000 },
];
const withObserved = (counts: number[]) => bands.map((band, i) => ({ ...band, numerator: counts[i] }));

describe("indirectlyStandardisedRatio", () => {
  it.each([
    { o: 118, confidence: 0.95 as const, value: 90.3522, lower: 74.7856, upper: 108.2026, method: "byars" },
    { o: 118, confidence: 0.998 as const, value: 90.3522, lower: 66.8003, upper: 119.1385, method: "byars" },
    { o: 7, confidence: 0.95 as const, value: 5.3599, lower: 2.1549, upper: 11.0434, method: "exact" },
    { o: 7, confidence: 0.998 as const, value: 5.3599, lower: 1.1641, upper: 15.0277, method: "exact" },
  ])("gives SMR $value ($lower to $upper) for O = $o at $confidence", ({ o, confidence, value, lower, upper, method }) => {
    const result = indirectlyStandardisedRatio({ rows: withObserved([o, 0, 0]), confidence });
    expect(result.expected).toBeCloseTo(130.6, 10);
    expect(result.value).toBeCloseTo(value, 4);
    expect(result.lower).toBeCloseTo(lower, 4);
    expect(result.upper).toBeCloseTo(upper, 4);
    expect(result.method).toBe(method);
  });

  it("gives the spec's count limits 97.6700 to 141.3126 for O = 118", () => {
    const result = indirectlyStandardisedRatio({ rows: withObserved([118, 0, 0]), confidence: 0.95 });
    expect((result.lower! * 130.6) / 100).toBeCloseTo(97.67, 4);
    expect((result.upper! * 130.6) / 100).toBeCloseTo(141.3126, 4);
  });

  it("takes the observed total from the argument or from the bands, with the same result", () => {
    const fromBands = indirectlyStandardisedRatio({ rows: withObserved([50, 40, 28]), confidence: 0.95 });
    const fromTotal = indirectlyStandardisedRatio({ rows: bands.map((b) => ({ ...b })), observed: 118, confidence: 0.95 });
    expect(fromBands).toEqual(fromTotal);
  });

  it("gives a plain ratio with refValue 1", () => {
    const result = indirectlyStandardisedRatio({ rows: withObserved([118, 0, 0]), confidence: 0.95, refValue: 1 });
    expect(result.value).toBeCloseTo(118 / 130.6, 12);
  });

  it("lets a band with no area population contribute nothing to E while keeping its events", () => {
    const rows = [...withObserved([100, 10, 8]), { numerator: 5, denominator: 0, referenceNumerator: 50, referenceDenominator: 1000 }];
    const result = indirectlyStandardisedRatio({ rows, confidence: 0.95 });
    expect(result.expected).toBeCloseTo(130.6, 10);
    expect(result.observed).toBe(123);
  });

  it.each([
    { rows: [], message: "indirectlyStandardisedRatio: rows must be a non-empty array of age bands" },
    { rows: [{ numerator: 1, denominator: 10, referenceNumerator: 5, referenceDenominator: 0 }], message: "indirectlyStandardisedRatio: rows[0].referenceDenominator (0) must be greater than 0" },
    { rows: [{ numerator: -1, denominator: 10, referenceNumerator: 5, referenceDenominator: 100 }], message: "indirectlyStandardisedRatio: rows[0].numerator (-1) must not be negative" },
    { rows: [{ numerator: 1, denominator: 0, referenceNumerator: 5, referenceDenominator: 100 }], message: "indirectlyStandardisedRatio: expected events (0) must be greater than 0" },
  ])("throws '$message'", ({ rows, message }) => {
    expect(() => indirectlyStandardisedRatio({ rows, confidence: 0.95 })).toThrow(message);
  });
});

describe("indirectlyStandardisedRate", () => {
  it("gives the spec's ISR of 566.9602 per 100,000 (469.2797 to 678.9714)", () => {
    const result = indirectlyStandardisedRate({ rows: withObserved([118, 0, 0]), confidence: 0.95 });
    expect(result.value).toBeCloseTo(566.9602, 4);
    expect(result.lower).toBeCloseTo(469.2797, 4);
    expect(result.upper).toBeCloseTo(678.9714, 4);
  });

  it("scales the SMR by the reference rate of 627.5 per 100,000", () => {
    const ratio = indirectlyStandardisedRatio({ rows: withObserved([118, 0, 0]), confidence: 0.95, refValue: 1 });
    const rate = indirectlyStandardisedRate({ rows: withObserved([118, 0, 0]), confidence: 0.95 });
    expect(rate.value! / ratio.value!).toBeCloseTo(627.5, 9);
  });

  it("accepts an externally supplied reference rate", () => {
    const result = indirectlyStandardisedRate({ rows: withObserved([118, 0, 0]), confidence: 0.95, referenceRate: 0.001 });
    expect(result.value).toBeCloseTo((118 / 130.6) * 100, 10);
  });
});

describe("standardisedRatioInterval", () => {
  it("gives a lower limit of 0 for no observed events", () => {
    const result = standardisedRatioInterval({ observed: 0, expected: 4, confidence: 0.95, refValue: 1 });
    expect(result.lower).toBe(0);
    expect(result.upper).toBeCloseTo(3.688879454113936 / 4, 12);
  });

  it("throws when expected is not positive", () => {
    expect(() => standardisedRatioInterval({ observed: 3, expected: 0, confidence: 0.95 })).toThrow(
      "standardisedRatioInterval: expected (0) must be greater than 0",
    );
  });
});
