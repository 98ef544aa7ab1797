import { describe, expect, it } from "vitest";
import * as statistics from "./index";
import { compareToBenchmark, directlyStandardisedRate, proportionCI, rateCI, type Interval } from "./index";

describe("the public statistics API", () => {
  it.each([
    "proportionCI",
    "rateCI",
    "directlyStandardisedRate",
    "compareToBenchmark",
    "wilsonInterval",
    "byarInterval",
    "exactPoissonInterval",
    "dobsonInterval",
    "indirectlyStandardisedRatio",
    "indirectlyStandardisedRate",
    "meanCI",
    "quintileRag",
    "funnelProportionLimits",
    "funnelRateLimitLines",
    "funnelAxisPoints",
    "slopeIndexOfInequality",
    "normalQuantile",
    "chiSquareQuantile",
    "lifeExpectancy",
  ])("exports the function %s", (name) => {
    expect(typeof (statistics as Record<string, unknown>)[name]).toBe("function");
  });

  it("exports the ESP2013 weights", () => {
    expect(statistics.ESP2013.reduce((s, w) => s + w, 0)).toBe(100_000);
  });

  it("returns exactly value, lower and upper from the interval functions", () => {
    const intervals: Interval[] = [
      proportionCI({ numerator: 1, denominator: 7, confidence: 0.95 }),
      rateCI({ numerator: 4, denominator: 12000, confidence: 0.998 }),
      directlyStandardisedRate({ rows: [{ numerator: 20, denominator: 1000, standardPopulation: 1 }], confidence: 0.95 }),
    ];
    for (const interval of intervals) expect(Object.keys(interval).sort()).toEqual(["lower", "upper", "value"]);
  });

  it("connects a suppressed DSR to a not-compared benchmark result (spec §3 example C)", () => {
    const dsr = directlyStandardisedRate({ rows: [{ numerator: 8, denominator: 1000, standardPopulation: 1 }], confidence: 0.95 });
    expect(compareToBenchmark({ area: { value: dsr.value, lower95: dsr.lower, upper95: dsr.upper }, benchmark: 500, polarity: "low-is-good", method: "ci-95" })).toEqual({
      outcome: "not-compared",
    });
  });
});
