import { describe, expect, it } from "vitest";
import { decileLayout, deprivationQuantile, describeSii, inequalitySlope, isDeprivationCategoryType, type QuantileFigure, siiUnit } from "./inequality";

describe("deprivation categories", () => {
  it.each([
    ["Most deprived decile", 1, 10],
    ["Second most deprived decile", 2, 10],
    ["Third more deprived decile", 3, 10],
    ["Fourth more deprived decile", 4, 10],
    ["Fifth more deprived decile", 5, 10],
    ["Fifth less deprived decile", 6, 10],
    ["Fourth less deprived decile", 7, 10],
    ["Third less deprived decile", 8, 10],
    ["Second least deprived decile", 9, 10],
    ["Least deprived decile", 10, 10],
    ["Most deprived decile (IMD2019)", 1, 10],
    ["Most deprived quintile", 1, 5],
    ["Second most deprived quintile", 2, 5],
    ["Middle quintile", 3, 5],
    ["Second least deprived quintile", 4, 5],
    ["Least deprived quintile", 5, 5],
    ["Decile 7", 7, 10],
    ["Quintile 2", 2, 5],
  ] as const)("reads %j as quantile %d of %d", (label, quantile, of) => {
    expect(deprivationQuantile(label)).toEqual({ quantile, of });
  });

  it.each(["Male", "Asian", "Decile 11", "Most deprived", ""])("reads %j as no deprivation group", (label) => {
    expect(deprivationQuantile(label)).toBeNull();
  });

  it.each([
    ["LSOA11 deprivation deciles within area (IMD  trend)", true],
    ["County & UA deprivation deciles in England (IMD2019, 4/21 geog.)", true],
    ["Ethnic groups", false],
    ["Deprivation score", false],
  ])("tells whether %j is a deprivation breakdown", (categoryType, yes) => {
    expect(isDeprivationCategoryType(categoryType)).toBe(yes);
  });
});

describe("slope index of inequality across deciles", () => {
  // STATISTICS.md §11, second worked example (infant mortality per 1,000; rates with limits).
  const births = [4100, 3900, 3800, 3600, 3500, 3400, 3300, 3200, 3100, 3000];
  const rates = [6.1, 5.4, 5.0, 4.6, 4.1, 3.9, 3.6, 3.3, 3.0, 2.7];
  const lower = [5.0, 4.4, 4.1, 3.7, 3.3, 3.1, 2.8, 2.6, 2.3, 2.0];
  const upper = [7.4, 6.6, 6.1, 5.7, 5.1, 4.9, 4.6, 4.2, 3.9, 3.6];
  const infant: QuantileFigure[] = births.map((population, i) => ({ quantile: i + 1, population, value: rates[i], lower95: lower[i], upper95: upper[i] }));

  it("matches the worked example's untransformed SII and RII", () => {
    const outcome = inequalitySlope({ quantiles: infant, valueType: "crude-rate", multiplier: 1000, unit: "per 1,000" });
    if (!outcome.available) throw new Error(outcome.reason);
    expect(outcome.result.sii).toBeCloseTo(-3.6397, 3);
    expect(outcome.result.rii).toBeCloseTo(0.40249, 4);
    expect(outcome.result.siiLower!).toBeLessThan(-3.6397);
    expect(outcome.result.siiUpper!).toBeGreaterThan(-3.6397);
    expect(outcome.result.siiUpper!).toBeLessThan(0);
    expect(outcome.fitted).toHaveLength(10);
    expect(outcome.fitted[0].value).toBeGreaterThan(outcome.fitted[9].value);
  });

  it("measures a proportion's SII in the indicator's own scale (percentage points)", () => {
    const prevalence: QuantileFigure[] = [20, 18, 16, 15, 14, 12].map((v, i) => ({ quantile: i + 1, population: 10_000, value: v, lower95: v - 0.8, upper95: v + 0.8 }));
    const outcome = inequalitySlope({ quantiles: prevalence, valueType: "proportion", multiplier: 100, unit: "%" });
    if (!outcome.available) throw new Error(outcome.reason);
    expect(outcome.result.sii!).toBeLessThan(-7);
    expect(outcome.result.sii!).toBeGreaterThan(-10);
    expect(outcome.fitted[0].value).toBeGreaterThan(19);
  });

  it.each([
    [[1, 2, 3, 4].map((q) => ({ quantile: q, population: 100, value: 5, lower95: 4, upper95: 6 })), /at least 5/],
    [[1, 2, 3, 4, 5].map((q) => ({ quantile: q, population: 100, value: 5, lower95: q === 3 ? null : 4, upper95: 6 })), /confidence interval/],
  ])("explains when there is no SII (%#)", (quantiles, reason) => {
    const outcome = inequalitySlope({ quantiles, valueType: "proportion", multiplier: 100, unit: "%" });
    expect(outcome.available).toBe(false);
    if (!outcome.available) expect(outcome.reason).toMatch(reason);
  });
});

describe("describing the SII", () => {
  it.each([
    [-3.64, -4.78, -2.54, "per 1,000", "The slope index of inequality is −3.6 per 1,000 (95% confidence interval −4.8 to −2.5): the fitted value is 3.6 per 1,000 higher at the most deprived end than at the least deprived end."],
    [2.04, -0.3, 4.1, "%", "The slope index of inequality is 2.0 percentage points (95% confidence interval −0.3 to 4.1): the fitted value is 2.0 percentage points higher at the least deprived end than at the most deprived end. The interval includes zero, so the gradient may be chance."],
  ])("says what an SII of %d means", (sii, lower, upper, unit, sentence) => {
    expect(describeSii(sii, lower, upper, unit)).toBe(sentence);
  });

  it.each([
    ["%", "percentage points"],
    ["years", "years"],
  ])("measures differences of %s in %s", (unit, out) => {
    expect(siiUnit(unit)).toBe(out);
  });
});

describe("decile chart layout", () => {
  it("draws one band per decile, most deprived on the left, with gaps where a decile has no figure", () => {
    const layout = decileLayout({
      figures: [
        { quantile: 1, population: 1, value: 20, lower95: 19, upper95: 21 },
        { quantile: 3, population: 1, value: 10, lower95: null, upper95: null },
      ],
      of: 10,
      fitted: [
        { quantile: 1, value: 19 },
        { quantile: 3, value: 11 },
      ],
      width: 700,
      height: 300,
    });
    expect(layout.bars).toHaveLength(10);
    expect(layout.bars[0].cx).toBeLessThan(layout.bars[9].cx);
    expect(layout.bars[1].height).toBe(0);
    expect(layout.bars[0].height).toBeGreaterThan(layout.bars[2].height);
    expect(layout.bars[2].whisker).toBeNull();
    expect(layout.fitted).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
  });
});
