import { describe, expect, it } from "vitest";
import { proportionFigure, sumProportions, weightedMean, weightedMeanFromSums } from "./aggregate";

describe("aggregated figures", () => {
  it("gives a proportion Wilson intervals at both levels (STATISTICS.md §8.4: 310 of 500)", () => {
    const f = proportionFigure(310, 500);
    expect(f.value).toBeCloseTo(62, 10);
    expect(f.lower95).toBeCloseTo(57.6692, 4);
    expect(f.upper95).toBeCloseTo(66.1478, 4);
    expect(f.lower998).toBeCloseTo(55.1264, 4);
    expect(f.upper998).toBeCloseTo(68.4238, 4);
    expect(f.flags).toEqual(["computed"]);
  });

  it("keeps a count above its denominator as a ratio with no interval", () => {
    const f = proportionFigure(121, 118);
    expect(f.value).toBeCloseTo((121 / 118) * 100, 10);
    expect([f.lower95, f.upper95, f.lower998, f.upper998]).toEqual([null, null, null, null]);
    expect(f.flags).toContain("count-exceeds-denominator");
  });

  it("gives no value for a zero denominator", () => {
    expect(proportionFigure(0, 0).value).toBeNull();
  });

  it("sums parts' counts and denominators before dividing", () => {
    const f = sumProportions([
      { count: 10, denominator: 100 },
      { count: 30, denominator: 100 },
      { count: null, denominator: 50 },
    ])!;
    expect([f.count, f.denominator, f.value]).toEqual([40, 200, 20]);
  });

  it("weights a mean of scores by population and gives it no interval", () => {
    const f = weightedMean([
      { value: 10, weight: 1000 },
      { value: 40, weight: 3000 },
      { value: 99, weight: 0 },
    ])!;
    expect(f.value).toBe(32.5);
    expect(f.denominator).toBe(4000);
    expect(f.lower95).toBeNull();
    expect(f.flags).toEqual(["computed", "no-interval"]);
    expect(weightedMeanFromSums(130_000, 4000)!.value).toBe(32.5);
    expect(weightedMeanFromSums(null, 4000)).toBeNull();
  });
});
