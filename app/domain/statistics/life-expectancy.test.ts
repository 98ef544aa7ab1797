import { describe, expect, it } from "vitest";
import { LIFE_TABLE_START_AGES, lifeExpectancy } from "./life-expectancy";

// Spec §6 worked example.
const populations = [3100, 12800, 16500, 16900, 15800, 16200, 17900, 18400, 17300, 16100, 16900, 17800, 16300, 14100, 12900, 11800, 8900, 6100, 3500, 1700];
const deaths = [11, 2, 1, 1, 3, 5, 6, 9, 12, 18, 29, 49, 73, 104, 151, 229, 320, 412, 468, 512];
const bands = LIFE_TABLE_START_AGES.map((startAge, i) => ({ startAge, deaths: deaths[i], population: populations[i] }));

describe("lifeExpectancy", () => {
  it.each([
    { age: 0, e: 80.9072, se: 0.23736, l95: 80.442, u95: 81.3725, l998: 80.1738, u998: 81.6407 },
    { age: 1, e: 80.1941, se: 0.22188, l95: 79.7592, u95: 80.629, l998: null, u998: null },
    { age: 65, e: 19.0851, se: 0.16199, l95: 18.7676, u95: 19.4026, l998: 18.5845, u998: 19.5857 },
    { age: 85, e: 5.4039, se: 0.12011, l95: 5.1685, u95: 5.6393, l998: null, u998: null },
    { age: 90, e: 3.3203, se: 0.14674, l95: 3.0327, u95: 3.6079, l998: null, u998: null },
  ])("gives e at age $age as $e (SE $se)", ({ age, e, se, l95, u95, l998, u998 }) => {
    const at95 = lifeExpectancy({ bands, confidence: 0.95 }).bands.find((b) => b.startAge === age)!;
    expect(at95.value).toBeCloseTo(e, 4);
    expect(at95.standardError).toBeCloseTo(se, 5);
    expect(at95.lower).toBeCloseTo(l95, 4);
    expect(at95.upper).toBeCloseTo(u95, 4);
    if (l998 !== null && u998 !== null) {
      const at998 = lifeExpectancy({ bands, confidence: 0.998 }).bands.find((b) => b.startAge === age)!;
      expect(at998.lower).toBeCloseTo(l998, 4);
      expect(at998.upper).toBeCloseTo(u998, 4);
    }
  });

  it("gives e at 90 as 1/M for the open band (1700/512)", () => {
    expect(lifeExpectancy({ bands, confidence: 0.95 }).bands[19].value).toBeCloseTo(1700 / 512, 12);
  });

  it("accepts bands in any order", () => {
    expect(lifeExpectancy({ bands: [...bands].reverse(), confidence: 0.95 })).toEqual(lifeExpectancy({ bands, confidence: 0.95 }));
  });

  it.each([
    { change: "19 bands", input: bands.slice(1), reason: "bands must be exactly the 20 start ages 0, 1, 5, 10, ..., 85, 90" },
    { change: "negative deaths", input: bands.map((b, i) => (i === 3 ? { ...b, deaths: -1 } : b)), reason: "some deaths are negative" },
    { change: "zero population", input: bands.map((b, i) => (i === 3 ? { ...b, population: 0 } : b)), reason: "some populations are 0 or less" },
    { change: "deaths above population", input: bands.map((b, i) => (i === 3 ? { ...b, deaths: 20000 } : b)), reason: "some deaths exceed the population" },
    { change: "total population of 5,000", input: bands.map((b) => ({ ...b, population: 250, deaths: Math.min(b.deaths, 250) })), reason: "total population is 5,000 or less" },
  ])("makes the whole area NA for $change", ({ input, reason }) => {
    const result = lifeExpectancy({ bands: input, confidence: 0.95 });
    expect(result.suppressed).toBe(true);
    expect(result.suppressionReason).toBe(reason);
    expect(result.bands.every((b) => b.value === null && b.lower === null)).toBe(true);
  });

  it("blanks a single e_x whose 95% CI is wider than 20 years but keeps its limits", () => {
    // A tiny 90+ band with 1 death: SE of e_90 is huge.
    const small = bands.map((b, i) => (i === 19 ? { ...b, population: 30, deaths: 1 } : b));
    const e90 = lifeExpectancy({ bands: small, confidence: 0.95 }).bands[19];
    expect(1.959963984540054 * e90.standardError!).toBeGreaterThan(10);
    expect(e90.value).toBeNull();
    expect(e90.lower).not.toBeNull();
    expect(e90.upper).not.toBeNull();
  });

  it("throws for non-finite input", () => {
    const broken = bands.map((b, i) => (i === 2 ? { ...b, deaths: Number.NaN } : b));
    expect(() => lifeExpectancy({ bands: broken, confidence: 0.95 })).toThrow("lifeExpectancy: bands[2].deaths (NaN) must be a finite number");
  });
});
