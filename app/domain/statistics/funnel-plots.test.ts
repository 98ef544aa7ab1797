import { describe, expect, it } from "vitest";
import {
  funnelAxisPoints,
  funnelProportionBaseline,
  funnelProportionLimits,
  funnelProportionSignificance,
  funnelRateBaseline,
  funnelRateDerivedDenominator,
  funnelRateLimitLines,
  funnelRateSignificance,
  funnelRatioLimitLines,
  funnelRatioSignificance,
  poissonFunnelCounts,
  signifCeiling,
  signifFloor,
} from "./funnel-plots";

describe("proportion funnels (§10.1)", () => {
  // Spec: p0 = 25%; limits at N = 500 and N = 2000.
  it.each([
    { n: 500, lower95: 21.2045, upper95: 28.7955, lower998: 19.0158, upper998: 30.9842 },
    { n: 2000, lower95: 23.1023, upper95: 26.8977, lower998: 22.0079, upper998: 27.9921 },
  ])("gives the spec's limits at a denominator of $n", ({ n, ...expected }) => {
    const limits = funnelProportionLimits({ baseline: 0.25, denominator: n });
    expect(limits.lower95).toBeCloseTo(expected.lower95, 4);
    expect(limits.upper95).toBeCloseTo(expected.upper95, 4);
    expect(limits.lower998).toBeCloseTo(expected.lower998, 4);
    expect(limits.upper998).toBeCloseTo(expected.upper998, 4);
  });

  it("truncates limits to [0, 100] after multiplying", () => {
    const low = funnelProportionLimits({ baseline: 0.02, denominator: 10 });
    expect(low.lower998).toBe(0);
    const high = funnelProportionLimits({ baseline: 0.98, denominator: 10 });
    expect(high.upper998).toBe(100);
    // With multiplier 1 the cap of 100 cannot bind, but the floor of 0 still does.
    expect(funnelProportionLimits({ baseline: 0.98, denominator: 10, multiplier: 1 }).upper998).toBeGreaterThan(1);
  });

  it("computes the baseline as Σx / Σn", () => {
    expect(funnelProportionBaseline([{ numerator: 150, denominator: 500 }, { numerator: 350, denominator: 1500 }])).toBe(0.25);
  });

  it.each([
    { x: 150, n: 500, expected: "High (0.025)" }, // spec: 30% at N = 500
    { x: 160, n: 500, expected: "High (0.001)" },
    { x: 125, n: 500, expected: "Not significant" },
    { x: 104, n: 500, expected: "Low (0.025)" },
    { x: 90, n: 500, expected: "Low (0.001)" },
  ])("labels $x of $n against a 25% baseline as $expected", ({ x, n, expected }) => {
    expect(funnelProportionSignificance({ numerator: x, denominator: n, baseline: 0.25 })).toBe(expected);
  });

  it("throws for a numerator above the denominator", () => {
    expect(() => funnelProportionSignificance({ numerator: 6, denominator: 5, baseline: 0.5 })).toThrow(
      "funnelProportionSignificance: numerator (6) is greater than denominator (5)",
    );
  });
});

describe("ratio funnels (§10.2)", () => {
  it.each([
    { observed: 0, expected: 0.5, label: "Not significant" }, // O = 0 has lower limit 0
    { observed: 0, expected: 4, label: "Low (0.025)" }, // upper 3.6889 < 4
    { observed: 0, expected: 7, label: "Low (0.001)" }, // upper 6.9078 < 7
    { observed: 4, expected: 1, label: "High (0.025)" }, // exact 95% lower 1.0899 > 1
    { observed: 118, expected: 130.6, label: "Not significant" },
    { observed: 160, expected: 100, label: "High (0.001)" },
  ])("labels O = $observed with E = $expected as $label", ({ observed, expected, label }) => {
    expect(funnelRatioSignificance({ observed, expected })).toBe(label);
  });
});

describe("rate funnels (§10.3)", () => {
  it.each([
    { events: 60, rate: 545.4545454545, rateType: "crude" as const, population: undefined, expected: 11000 },
    { events: 0, rate: 0, rateType: "crude" as const, population: 4200, expected: 4200 },
    { events: 0, rate: 0, rateType: "dsr" as const, population: 4200, expected: null },
    { events: 20, rate: 250, rateType: "dsr" as const, population: undefined, expected: 8000 },
  ])("derives denominator $expected for $events events of type $rateType", ({ expected, ...args }) => {
    const derived = funnelRateDerivedDenominator({ ...args, multiplier: 100_000 });
    if (expected === null) expect(derived).toBeNull();
    else expect(derived).toBeCloseTo(expected, 6);
  });

  it("needs the population for a crude rate with no events", () => {
    expect(() => funnelRateDerivedDenominator({ events: 0, rate: 0, rateType: "crude", multiplier: 1e5 })).toThrow(
      "funnelRateDerivedDenominator: population is required for a crude rate with 0 events",
    );
  });

  it("averages over the rows with a derived denominator", () => {
    expect(funnelRateBaseline([{ events: 30, derivedDenominator: 10000 }, { events: 12, derivedDenominator: 4000 }, { events: 0, derivedDenominator: null }])).toBe(0.003);
  });

  // Spec §10.4: baseline 420 per 100,000.
  it.each([
    { events: 60, population: 11000, rateType: "crude" as const, expected: "Not significant" },
    { events: 12, population: 5000, rateType: "crude" as const, expected: "Low (0.025)" },
    { events: 12, population: 5000, rateType: "dsr" as const, expected: "Low (0.025)" },
    { events: 9, population: 5000, rateType: "dsr" as const, expected: "Not applicable for events less than 10 for dsrs" },
    { events: 200, population: 20000, rateType: "crude" as const, expected: "High (0.001)" },
  ])("labels $events events in $population ($rateType) as $expected", ({ events, population, rateType, expected }) => {
    expect(funnelRateSignificance({ events, derivedDenominator: population, baseline: 420 / 100_000, rateType })).toBe(expected);
  });
});

/** The spec asks for agreement to about 1e-6 relative; its §10.4 rates come from a bisection. */
function expectRelativelyClose(actual: number | null, expected: number, tolerance = 1e-6): void {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) / expected - 1)).toBeLessThan(tolerance);
}

describe("plotted limit lines (§10.4)", () => {
  it("gives the spec's lines for 60 events around 420 per 100,000", () => {
    const lines = funnelRateLimitLines({ events: 60, baseline: 420 / 100_000, multiplier: 100_000 });
    expectRelativelyClose(lines.lower95.rate, 326.2901);
    expect(lines.lower95.population).toBeCloseTo(18388.5, 1);
    // Printed 550.3826; the exact χ² form gives 550.38272 (2e-7 relative), within the spec's 1e-6.
    expectRelativelyClose(lines.upper95.rate, 550.3826);
    expect(lines.upper95.population).toBeCloseTo(10901.5, 1);
    expectRelativelyClose(lines.lower998.rate, 286.3401);
    expectRelativelyClose(lines.upper998.rate, 648.1887);
    expect(lines.baseline).toBeCloseTo(420, 10);
  });

  it("gives the spec's U = 77.2319 and L = 45.7863 for 60 events at tail 0.025", () => {
    const counts = poissonFunnelCounts(60, 0.025);
    expect(counts.upper).toBeCloseTo(77.2319, 4);
    expect(counts.lower).toBeCloseTo(45.7863, 4);
  });

  it("divides plotted populations by the years of data but not the rates", () => {
    const one = funnelRateLimitLines({ events: 60, baseline: 420 / 100_000, multiplier: 100_000 });
    const three = funnelRateLimitLines({ events: 60, baseline: 420 / 100_000, multiplier: 100_000, yearsOfData: 3 });
    expect(three.lower95.population).toBeCloseTo(one.lower95.population / 3, 8);
    expect(three.lower95.rate).toBe(one.lower95.rate);
  });

  it("leaves the upper line undefined at zero events", () => {
    const lines = funnelRateLimitLines({ events: 0, baseline: 0.004, multiplier: 1000 });
    expect(lines.upper95.rate).toBeNull();
    expect(lines.lower95.rate).toBe(0);
  });

  it.each([
    { ratioType: "isr" as const, transform: (r: number) => r * 100 },
    { ratioType: "count" as const, transform: (r: number) => r - 1 },
  ])("shows ratio lines as $ratioType", ({ ratioType, transform }) => {
    const lines = funnelRatioLimitLines({ observed: 60, ratioType });
    expect(lines.lower95).toBeCloseTo(transform(60 / 77.23189340664332), 8);
    expect(lines.upper95).toBeCloseTo(transform(60 / 45.786320950007266), 8);
  });
});

describe("axis points (§10.5)", () => {
  it.each([
    { x: 12345, floor: 10000, ceiling: 13000 },
    { x: 1200, floor: 1000, ceiling: 1300 },
    { x: 2000, floor: 1000, ceiling: 2100 },
    { x: 5, floor: 4, ceiling: 5.3 },
    { x: 0, floor: 0, ceiling: 0 },
  ])("rounds $x down to $floor and up to $ceiling", ({ x, floor, ceiling }) => {
    expect(signifFloor(x)).toBe(floor);
    expect(signifCeiling(x)).toBe(ceiling);
  });

  it("starts at 1 when the largest denominator is more than twice the smallest, and ends at the rounded maximum", () => {
    const points = funnelAxisPoints({ statistic: "proportion", denominators: [500, 800, 2000] });
    expect(points).toHaveLength(100);
    expect(points[0]).toBe(1);
    expect(points[99]).toBe(2100);
    expect(points.every((p, i) => i === 0 || p >= points[i - 1] + 1)).toBe(true);
  });

  it("starts at the rounded-down minimum when denominators are within a factor of two", () => {
    const points = funnelAxisPoints({ statistic: "proportion", denominators: [1200, 1500, 2000, null] });
    expect(points[0]).toBe(1000);
    expect(points[99]).toBe(2100);
  });

  it("stops short of the maximum for ratios, whose exponent uses j − 1", () => {
    const denominators = [100, 5000, 20000];
    const ratio = funnelAxisPoints({ statistic: "ratio", denominators });
    const proportion = funnelAxisPoints({ statistic: "proportion", denominators });
    expect(proportion[99]).toBe(21000);
    // At j = 100 the ratio exponent is 1/2, so the last point is about sqrt(21000 × p99).
    expect(ratio[99]).toBe(Math.max(Math.round(Math.sqrt(21000 * ratio[98])), ratio[98] + 1));
    expect(ratio[99]).toBeLessThan(21000);
  });

  it("keeps adding at least 1 per point, so a short axis overshoots its maximum", () => {
    const points = funnelAxisPoints({ statistic: "proportion", denominators: [20, 30, 35] });
    expect(points[0]).toBe(10); // signifFloor(20)
    expect(points[99]).toBe(109);
  });

  it("converts rate axes to event counts with the baseline", () => {
    // D from 10,000 to 15,000 over 1 year at 5,000 per 100,000: axis 9,000–16,000 people = 450–800 events.
    const points = funnelAxisPoints({ statistic: "rate", denominators: [10000, 15000], yearsOfData: 1, baseline: 0.05 });
    expect(points[0]).toBe(450);
    expect(points[99]).toBe(800);
  });

  it("rounds rate axes per year of data", () => {
    // 3 years: D/3 = 10,000–15,000 → 9,000–16,000 per year → 27,000–48,000 person-years → 1,350–2,400 events.
    const points = funnelAxisPoints({ statistic: "rate", denominators: [30000, 45000], yearsOfData: 3, baseline: 0.05 });
    expect(points[0]).toBe(1350);
    expect(points[99]).toBe(2400);
  });

  it("needs yearsOfData and baseline for rates", () => {
    expect(() => funnelAxisPoints({ statistic: "rate", denominators: [100], baseline: 0.1 })).toThrow(
      "funnelAxisPoints: yearsOfData is required for rates",
    );
  });
});
