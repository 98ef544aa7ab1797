import { describe, expect, it } from "vitest";
import { meanCI } from "./means";

// Spec §5 worked example.
const values = [12.1, 15.4, 9.8, 11.0, 13.7, 14.2];

describe("meanCI", () => {
  it.each([
    { confidence: 0.95 as const, lower: 10.4887, upper: 14.9113 },
    { confidence: 0.998 as const, lower: 7.6303, upper: 17.7697 },
  ])("gives the spec's t interval $lower to $upper at $confidence", ({ confidence, lower, upper }) => {
    const result = meanCI({ values, confidence });
    expect(result.value).toBeCloseTo(12.7, 12);
    expect(result.count).toBe(6);
    expect(result.standardDeviation).toBeCloseTo(2.107131, 6);
    expect(result.lower).toBeCloseTo(lower, 4);
    expect(result.upper).toBeCloseTo(upper, 4);
  });

  it("drops missing values before calculating", () => {
    expect(meanCI({ values: [null, ...values, undefined], confidence: 0.95 })).toEqual(meanCI({ values, confidence: 0.95 }));
  });

  it.each([
    { input: [], expected: { value: null, lower: null, upper: null, count: 0, standardDeviation: null } },
    { input: [4.5], expected: { value: 4.5, lower: null, upper: null, count: 1, standardDeviation: null } },
  ])("gives no limits for $input.length value(s)", ({ input, expected }) => {
    expect(meanCI({ values: input, confidence: 0.95 })).toEqual(expected);
  });

  it("gives a zero-width interval when all values are equal", () => {
    const result = meanCI({ values: [3, 3, 3], confidence: 0.95 });
    expect(result.lower).toBe(3);
    expect(result.upper).toBe(3);
  });

  it("uses the t quantile with n − 1 df: two values give mean ± 12.706·s/√2 at 95%", () => {
    const result = meanCI({ values: [1, 3], confidence: 0.95 });
    // s = √2, so the half-width is t_{0.975}(1) = tan(0.475π) = 12.706204736…
    expect(result.upper! - 2).toBeCloseTo(Math.tan(0.475 * Math.PI), 9);
  });

  it.each([
    { input: [1, Number.NaN], message: "meanCI: values[1] (NaN) must be a finite number" },
    { input: [Infinity], message: "meanCI: values[0] (Infinity) must be a finite number" },
  ])("throws '$message'", ({ input, message }) => {
    expect(() => meanCI({ values: input, confidence: 0.95 })).toThrow(message);
  });
});
