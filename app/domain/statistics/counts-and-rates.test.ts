import { describe, expect, it } from "vitest";
import { byarInterval, exactPoissonInterval, poissonCountInterval, rateCI } from "./counts-and-rates";

describe("rateCI", () => {
  // Spec §2 worked examples, per 100,000, printed to 4 dp.
  it.each([
    { o: 37, n: 84512, rate: 43.7808, l95: 30.8216, u95: 60.3478, l998: 24.8215, u998: 70.945 },
    { o: 4, n: 12000, rate: 33.3333, l95: 9.0822, u95: 85.3466, l998: 3.5713, u998: 123.2846 },
    { o: 0, n: 5300, rate: 0, l95: 0, u95: 69.6015, l998: 0, u998: 130.335 },
    { o: 9, n: 20000, rate: 45.0, l95: 20.5769, u95: 85.424, l998: 12.2621, u998: 113.2869 },
    { o: 11, n: 20000, rate: 55.0, l95: 27.4185, u95: 98.4162, l998: 17.2419, u998: 128.2326 },
    { o: 1234, n: 987654, rate: 124.9425, l95: 118.0678, u95: 132.1131, l998: 114.2387, u998: 136.3291 },
  ])("gives the spec's limits for $o events in $n people", ({ o, n, rate, l95, u95, l998, u998 }) => {
    const at95 = rateCI({ numerator: o, denominator: n, confidence: 0.95 });
    const at998 = rateCI({ numerator: o, denominator: n, confidence: 0.998 });
    expect(at95.value).toBeCloseTo(rate, 4);
    expect(at95.lower).toBeCloseTo(l95, 4);
    expect(at95.upper).toBeCloseTo(u95, 4);
    expect(at998.lower).toBeCloseTo(l998, 4);
    expect(at998.upper).toBeCloseTo(u998, 4);
  });

  it("gives a lower limit of exactly 0 for zero events", () => {
    expect(rateCI({ numerator: 0, denominator: 5300, confidence: 0.95 }).lower).toBe(0);
  });

  it("switches from exact to Byar's limits at 10 events", () => {
    // At 9 events the limits are the exact ones; at 10 they are Byar's.
    const nine = rateCI({ numerator: 9, denominator: 1, confidence: 0.95, multiplier: 1 });
    const exactNine = exactPoissonInterval({ observed: 9, confidence: 0.95 });
    expect(nine.lower).toBeCloseTo(exactNine.lower, 12);
    const ten = rateCI({ numerator: 10, denominator: 1, confidence: 0.95, multiplier: 1 });
    const byarTen = byarInterval({ observed: 10, confidence: 0.95 });
    expect(ten.lower).toBeCloseTo(byarTen.lower!, 12);
    expect(ten.upper).toBeCloseTo(byarTen.upper!, 12);
  });

  it("allows a numerator larger than the denominator, as rates of repeat events can be", () => {
    const result = rateCI({ numerator: 30, denominator: 20, confidence: 0.95, multiplier: 1 });
    expect(result.value).toBe(1.5);
  });

  it("applies a custom multiplier", () => {
    const perThousand = rateCI({ numerator: 37, denominator: 84512, confidence: 0.95, multiplier: 1000 });
    expect(perThousand.lower).toBeCloseTo(0.308216, 6);
  });

  it.each([
    { numerator: null, denominator: 100 },
    { numerator: 5, denominator: null },
  ])("returns all-null for missing input $numerator / $denominator", ({ numerator, denominator }) => {
    expect(rateCI({ numerator, denominator, confidence: 0.998 })).toEqual({ value: null, lower: null, upper: null });
  });

  it.each([
    { numerator: -3, denominator: 100, confidence: 0.95, message: "rateCI: numerator (-3) must not be negative" },
    { numerator: 3, denominator: 0, confidence: 0.95, message: "rateCI: denominator (0) must be greater than 0" },
    { numerator: Infinity, denominator: 10, confidence: 0.95, message: "rateCI: numerator (Infinity) must be a finite number" },
    { numerator: 3, denominator: 10, confidence: 0.99, message: "rateCI: confidence (0.99) must be 0.95 or 0.998" },
  ])("throws '$message'", ({ numerator, denominator, confidence, message }) => {
    expect(() => rateCI({ numerator, denominator, confidence: confidence as 0.95 })).toThrow(message);
  });
});

describe("count-scale limits", () => {
  // Spec §2 count-scale check.
  it.each([
    { confidence: 0.95 as const, upper: 3.688879 },
    { confidence: 0.998 as const, upper: 6.907755 },
  ])("gives exact limits 0 to $upper for zero events at $confidence", ({ confidence, upper }) => {
    const limits = exactPoissonInterval({ observed: 0, confidence });
    expect(limits.lower).toBe(0);
    expect(limits.upper).toBeCloseTo(upper, 6);
    // The exact upper limit for 0 events is −ln(tail), independently of chi-square.
    expect(limits.upper).toBeCloseTo(-Math.log(confidence === 0.95 ? 0.025 : 0.001), 12);
  });

  it("gives the spec's Byar's and exact limits for 11 events at 95%", () => {
    const byar = byarInterval({ observed: 11, confidence: 0.95 });
    expect(byar.lower).toBeCloseTo(5.48369, 6);
    expect(byar.upper).toBeCloseTo(19.683237, 6);
    const exact = exactPoissonInterval({ observed: 11, confidence: 0.95 });
    expect(exact.lower).toBeCloseTo(5.49116, 6);
    expect(exact.upper).toBeCloseTo(19.682039, 6);
  });

  it("matches the Poisson tail definition of the exact limits for 4 events", () => {
    // P(X ≥ 4 | μ = O_L) = 0.025 and P(X ≤ 4 | μ = O_U) = 0.025.
    const { lower, upper } = exactPoissonInterval({ observed: 4, confidence: 0.95 });
    const factorial = [1, 1, 2, 6, 24];
    const cdf = (k: number, mu: number) =>
      factorial.slice(0, k + 1).reduce((s, f, i) => s + (Math.exp(-mu) * mu ** i) / f, 0);
    expect(1 - cdf(3, lower)).toBeCloseTo(0.025, 12);
    expect(cdf(4, upper)).toBeCloseTo(0.025, 12);
  });

  it("sets a negative Byar's lower limit to null, as happens for 1 event at 99.8%", () => {
    const limits = byarInterval({ observed: 1, confidence: 0.998 });
    expect(limits.lower).toBeNull();
    expect(limits.upper).toBeGreaterThan(1);
  });

  it.each([
    { observed: 0, method: "exact" },
    { observed: 9.99, method: "exact" },
    { observed: 10, method: "byars" },
    { observed: 500, method: "byars" },
  ])("labels $observed events as method '$method'", ({ observed, method }) => {
    expect(poissonCountInterval({ observed, confidence: 0.95 }).method).toBe(method);
  });

  it("throws for a negative count", () => {
    expect(() => byarInterval({ observed: -1, confidence: 0.95 })).toThrow("byarInterval: observed (-1) must not be negative");
    expect(() => exactPoissonInterval({ observed: -2, confidence: 0.95 })).toThrow(
      "exactPoissonInterval: observed (-2) must not be negative",
    );
  });
});
