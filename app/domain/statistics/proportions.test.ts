import { describe, expect, it } from "vitest";
import { proportionCI, wilsonInterval } from "./proportions";

describe("proportionCI", () => {
  // Spec §1 worked examples (multiplier 100, printed to 4 dp).
  it.each([
    { x: 27, n: 150, value: 18.0, l95: 12.6758, u95: 24.9223, l998: 10.323, u998: 29.5076 },
    { x: 0, n: 40, value: 0.0, l95: 0.0, u95: 8.7622, l998: 0.0, u998: 19.2727 },
    { x: 40, n: 40, value: 100.0, l95: 91.2378, u95: 100.0, l998: 80.7273, u998: 100.0 },
    { x: 1, n: 7, value: 14.2857, l95: 2.568, u95: 51.3128, l998: 1.2596, u998: 68.528 },
    // Spec §8.4: 310 of 500.
    { x: 310, n: 500, value: 62.0, l95: 57.6692, u95: 66.1478, l998: 55.1264, u998: 68.4238 },
  ])("gives the spec's Wilson limits for $x out of $n", ({ x, n, value, l95, u95, l998, u998 }) => {
    const at95 = proportionCI({ numerator: x, denominator: n, confidence: 0.95 });
    const at998 = proportionCI({ numerator: x, denominator: n, confidence: 0.998 });
    expect(at95.value).toBeCloseTo(value, 4);
    expect(at95.lower).toBeCloseTo(l95, 4);
    expect(at95.upper).toBeCloseTo(u95, 4);
    expect(at998.value).toBeCloseTo(value, 4);
    expect(at998.lower).toBeCloseTo(l998, 4);
    expect(at998.upper).toBeCloseTo(u998, 4);
  });

  it.each([
    { x: 0, n: 40, bound: "lower" as const, expected: 0 },
    { x: 0, n: 1, bound: "lower" as const, expected: 0 },
    { x: 40, n: 40, bound: "upper" as const, expected: 100 },
    { x: 123457, n: 123457, bound: "upper" as const, expected: 100 },
  ])("gives a $bound limit of exactly $expected when $x of $n", ({ x, n, bound, expected }) => {
    expect(proportionCI({ numerator: x, denominator: n, confidence: 0.998 })[bound]).toBe(expected);
  });

  it("defaults to a percentage and takes multiplier 1 for a 0–1 proportion", () => {
    const percent = proportionCI({ numerator: 27, denominator: 150, confidence: 0.95 });
    const unit = proportionCI({ numerator: 27, denominator: 150, confidence: 0.95, multiplier: 1 });
    expect(percent.value).toBeCloseTo(18, 12);
    expect(unit.value).toBeCloseTo(0.18, 14);
    expect(unit.lower).toBeCloseTo(0.126758, 6);
    expect(unit.upper).toBeCloseTo(0.249223, 6);
  });

  it("accepts a non-integer (weighted) numerator", () => {
    const result = proportionCI({ numerator: 12.5, denominator: 40.25, confidence: 0.95 });
    expect(result.value).toBeCloseTo((12.5 / 40.25) * 100, 12);
    expect(result.lower!).toBeLessThan(result.value!);
    expect(result.upper!).toBeGreaterThan(result.value!);
  });

  it.each([
    { numerator: null, denominator: 10 },
    { numerator: 3, denominator: undefined },
  ])("returns all-null for missing input $numerator / $denominator", ({ numerator, denominator }) => {
    expect(proportionCI({ numerator, denominator, confidence: 0.95 })).toEqual({
      value: null,
      lower: null,
      upper: null,
    });
  });

  it.each([
    { numerator: 12, denominator: 10, confidence: 0.95, message: "proportionCI: numerator (12) is greater than denominator (10)" },
    { numerator: -1, denominator: 10, confidence: 0.95, message: "proportionCI: numerator (-1) must not be negative" },
    { numerator: 0, denominator: 0, confidence: 0.95, message: "proportionCI: denominator (0) must be greater than 0" },
    { numerator: 1, denominator: -5, confidence: 0.95, message: "proportionCI: denominator (-5) must be greater than 0" },
    { numerator: Number.NaN, denominator: 5, confidence: 0.95, message: "proportionCI: numerator (NaN) must be a finite number" },
    { numerator: 1, denominator: Infinity, confidence: 0.95, message: "proportionCI: denominator (Infinity) must be a finite number" },
    { numerator: 1, denominator: 5, confidence: 0.9, message: "proportionCI: confidence (0.9) must be 0.95 or 0.998" },
    { numerator: 1, denominator: 5, confidence: 95, message: "proportionCI: confidence (95) must be 0.95 or 0.998" },
  ])("throws '$message'", ({ numerator, denominator, confidence, message }) => {
    expect(() =>
      proportionCI({ numerator, denominator, confidence: confidence as 0.95 }),
    ).toThrow(message);
  });

  it("throws for a zero multiplier", () => {
    expect(() => proportionCI({ numerator: 1, denominator: 5, confidence: 0.95, multiplier: 0 })).toThrow(
      "proportionCI: multiplier (0) must not be 0",
    );
  });
});

describe("wilsonInterval", () => {
  it("is wider at 99.8% than at 95% and always inside [0, 1]", () => {
    for (const [x, n] of [[0, 3], [1, 3], [3, 3], [50, 100], [999, 1000]]) {
      const a = wilsonInterval({ numerator: x, denominator: n, confidence: 0.95 });
      const b = wilsonInterval({ numerator: x, denominator: n, confidence: 0.998 });
      expect(b.lower).toBeLessThanOrEqual(a.lower);
      expect(b.upper).toBeGreaterThanOrEqual(a.upper);
      expect(b.lower).toBeGreaterThanOrEqual(0);
      expect(b.upper).toBeLessThanOrEqual(1);
    }
  });

  it("matches the Wilson formula worked by hand for 5 of 10 at 95%", () => {
    // Symmetric about one half: (2x + z² ± z·sqrt(z² + 4x(1 − x/n))) / (2(n + z²)).
    const z = 1.959963984540054;
    const half = (z * Math.sqrt(z * z + 10)) / (2 * (10 + z * z));
    const limits = wilsonInterval({ numerator: 5, denominator: 10, confidence: 0.95 });
    expect(limits.lower).toBeCloseTo(0.5 - half, 14);
    expect(limits.upper).toBeCloseTo(0.5 + half, 14);
  });
});
