import { describe, expect, it } from "vitest";
import { populationRidits, siiPointEstimate, slopeIndexOfInequality, type SiiQuantile } from "./slope-index-of-inequality";

// Spec §11 worked example 1: life expectancy by decile, SE given, most deprived first.
const lePopulations = [9000, 9500, 10000, 10200, 10100, 10300, 9800, 9900, 10400, 10800];
const leValues = [74.2, 75.9, 77.0, 78.1, 78.8, 79.6, 80.3, 81.0, 81.9, 83.1];
const leErrors = [0.45, 0.42, 0.4, 0.38, 0.37, 0.36, 0.36, 0.35, 0.34, 0.33];
const lifeExpectancy: SiiQuantile[] = lePopulations.map((population, k) => ({
  population,
  value: leValues[k],
  standardError: leErrors[k],
}));

// Spec §11 worked example 2: infant mortality per 1,000, 95% limits given.
const births = [4100, 3900, 3800, 3600, 3500, 3400, 3300, 3200, 3100, 3000];
const imRates = [6.1, 5.4, 5.0, 4.6, 4.1, 3.9, 3.6, 3.3, 3.0, 2.7];
const imLower = [5.0, 4.4, 4.1, 3.7, 3.3, 3.1, 2.8, 2.6, 2.3, 2.0];
const imUpper = [7.4, 6.6, 6.1, 5.7, 5.1, 4.9, 4.6, 4.2, 3.9, 3.6];
const infantMortality: SiiQuantile[] = births.map((population, k) => ({
  population,
  value: imRates[k],
  lower95: imLower[k],
  upper95: imUpper[k],
}));

/** Simulated limits are random; the spec prints them to 2–3 figures ("≈"), so allow 2%. */
function expectApproximately(actual: number | null, expected: number): void {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) / expected - 1)).toBeLessThan(0.02);
}

describe("populationRidits", () => {
  it("gives the spec's shares and ridits for the life-expectancy deciles", () => {
    const { shares, ridits } = populationRidits(lePopulations);
    [0.09, 0.095, 0.1, 0.102, 0.101, 0.103, 0.098, 0.099, 0.104, 0.108].forEach((a, k) => expect(shares[k]).toBeCloseTo(a, 12));
    [0.045, 0.1375, 0.235, 0.336, 0.4375, 0.5395, 0.64, 0.7385, 0.84, 0.946].forEach((b, k) => expect(ridits[k]).toBeCloseTo(b, 12));
  });
});

describe("siiPointEstimate", () => {
  it.each([
    { example: "life expectancy", quantiles: lifeExpectancy, valueType: "other" as const, transform: false, sii: 8.9723, rii: 1.12026, intercept: 74.6069 },
    { example: "infant mortality", quantiles: infantMortality, valueType: "rate" as const, transform: false, sii: -3.6397, rii: 0.40249, intercept: 6.0915 },
    { example: "infant mortality, log-transformed", quantiles: infantMortality, valueType: "rate" as const, transform: true, sii: -3.7093, rii: 0.41979, intercept: 6.3929 },
  ])("gives the spec's SII $sii and RII $rii for $example", ({ quantiles, valueType, transform, sii, rii, intercept }) => {
    const result = siiPointEstimate({ quantiles, valueType, transform });
    expect(result.sii).toBeCloseTo(sii, 4);
    expect(result.rii).toBeCloseTo(rii, 5);
    expect(result.intercept).toBeCloseTo(intercept, 4);
  });

  it("recovers an exact straight line: y = 10 + 5b gives SII 5, RII 1.5 and intercept 10", () => {
    const populations = [100, 300, 200, 250, 150];
    const { ridits } = populationRidits(populations);
    const quantiles = populations.map((population, k) => ({ population, value: 10 + 5 * ridits[k], standardError: 1 }));
    const result = siiPointEstimate({ quantiles });
    expect(result.sii).toBeCloseTo(5, 12);
    expect(result.rii).toBeCloseTo(1.5, 12);
    expect(result.intercept).toBeCloseTo(10, 12);
  });

  it("flips the SII and inverts the RII for a negative multiplier", () => {
    const plain = siiPointEstimate({ quantiles: lifeExpectancy });
    const flipped = siiPointEstimate({ quantiles: lifeExpectancy, multiplier: -1 });
    expect(flipped.sii).toBeCloseTo(-plain.sii!, 12);
    expect(flipped.rii).toBeCloseTo(1 / plain.rii!, 12);
    expect(flipped.intercept).toBeCloseTo(plain.intercept!, 12);
  });

  it("derives proportions from numerators and populations", () => {
    const populations = [1000, 1000, 1000, 1000, 1000];
    const counts = [300, 250, 200, 150, 100];
    const fromCounts = siiPointEstimate({
      valueType: "proportion",
      quantiles: populations.map((population, k) => ({ population, numerator: counts[k], standardError: 0.01 })),
    });
    const fromValues = siiPointEstimate({
      valueType: "proportion",
      quantiles: populations.map((population, k) => ({ population, value: counts[k] / 1000, standardError: 0.01 })),
    });
    expect(fromCounts).toEqual(fromValues);
    // Equal populations, values falling by 0.05 per fifth: slope −0.05 / 0.2 = −0.25.
    expect(fromCounts.sii).toBeCloseTo(-0.25, 12);
  });

  it("returns nulls when any quantile lacks a value or its uncertainty (the area is dropped)", () => {
    const missingValue = lifeExpectancy.map((q, k) => (k === 4 ? { ...q, value: null } : q));
    const missingError = lifeExpectancy.map((q, k) => (k === 4 ? { ...q, standardError: null } : q));
    for (const quantiles of [missingValue, missingError]) {
      expect(siiPointEstimate({ quantiles })).toEqual({ sii: null, rii: null, intercept: null, beta0: null, beta1: null });
    }
  });

  it.each([
    { args: { quantiles: lifeExpectancy.slice(0, 4) }, message: "siiPointEstimate: quantiles has 4 rows; the SII needs between 5 and 100" },
    { args: { quantiles: lifeExpectancy.map((q, k) => (k === 0 ? { ...q, population: 0 } : q)) }, message: "siiPointEstimate: quantiles[0].population (0) must be greater than 0" },
    { args: { quantiles: lifeExpectancy.map((q, k) => (k === 1 ? { ...q, standardError: -0.1 } : q)) }, message: "siiPointEstimate: quantiles[1].standardError (-0.1) must not be negative" },
    { args: { quantiles: lifeExpectancy, valueType: "proportion" }, message: "siiPointEstimate: quantiles[0].value (74.2) must be a proportion between 0 and 1" },
    { args: { quantiles: lifeExpectancy, transform: true }, message: "siiPointEstimate: transform is only available for rates and proportions" },
    { args: { quantiles: lifeExpectancy, valueType: "rate", transform: true }, message: "siiPointEstimate: transform needs lower95 and upper95 for every quantile (quantiles[0] has none)" },
    { args: { quantiles: lifeExpectancy, valueType: "ratio" }, message: 'siiPointEstimate: valueType ("ratio") must be other, rate or proportion' },
  ])("throws '$message'", ({ args, message }) => {
    expect(() => siiPointEstimate(args as never)).toThrow(message);
  });
});

describe("slopeIndexOfInequality simulated limits", () => {
  it("gives about 8.15 to 9.80 for the SII and 1.109 to 1.132 for the RII of life expectancy", () => {
    const result = slopeIndexOfInequality({ quantiles: lifeExpectancy });
    expect(result.sii).toBeCloseTo(8.9723, 4);
    expectApproximately(result.siiLower, 8.15);
    expectApproximately(result.siiUpper, 9.8);
    expectApproximately(result.riiLower, 1.109);
    expectApproximately(result.riiUpper, 1.132);
    expect(result.repetitions).toBe(100_000);
  });

  it.each([
    { transform: false, lower: -4.78, upper: -2.54 },
    { transform: true, lower: -4.92, upper: -2.57 },
  ])("gives about $lower to $upper for infant mortality with transform $transform", ({ transform, lower, upper }) => {
    const result = slopeIndexOfInequality({ quantiles: infantMortality, valueType: "rate", transform });
    expectApproximately(result.siiLower, lower);
    expectApproximately(result.siiUpper, upper);
    expect(result.riiLower!).toBeLessThan(result.rii!);
    expect(result.riiUpper!).toBeGreaterThan(result.rii!);
  });

  it("is reproducible for a seed and varies with the seed", () => {
    const args = { quantiles: lifeExpectancy, repetitions: 2000 };
    expect(slopeIndexOfInequality({ ...args, seed: 5 })).toEqual(slopeIndexOfInequality({ ...args, seed: 5 }));
    expect(slopeIndexOfInequality({ ...args, seed: 5 }).siiLower).not.toBe(slopeIndexOfInequality({ ...args, seed: 6 }).siiLower);
  });

  it("gives the same limits from an SE as from symmetric 95% limits that imply it", () => {
    const z = 1.959963984540054;
    const fromLimits = lifeExpectancy.map((q) => ({ population: q.population, value: q.value, lower95: q.value! - z * q.standardError!, upper95: q.value! + z * q.standardError! }));
    const a = slopeIndexOfInequality({ quantiles: lifeExpectancy, repetitions: 5000, seed: 3 });
    const b = slopeIndexOfInequality({ quantiles: fromLimits, repetitions: 5000, seed: 3 });
    expect(b.siiLower).toBeCloseTo(a.siiLower!, 9);
    expect(b.siiUpper).toBeCloseTo(a.siiUpper!, 9);
  });

  it("is wider at 99.8% than at 95%", () => {
    const at95 = slopeIndexOfInequality({ quantiles: lifeExpectancy, repetitions: 20_000 });
    const at998 = slopeIndexOfInequality({ quantiles: lifeExpectancy, repetitions: 20_000, confidence: 0.998 });
    expect(at998.siiLower!).toBeLessThan(at95.siiLower!);
    expect(at998.siiUpper!).toBeGreaterThan(at95.siiUpper!);
  });

  it("keeps lower below upper when a negative multiplier flips the SII", () => {
    const result = slopeIndexOfInequality({ quantiles: lifeExpectancy, multiplier: -1, repetitions: 5000 });
    expect(result.sii).toBeCloseTo(-8.9723, 4);
    expect(result.siiLower!).toBeLessThan(result.sii!);
    expect(result.siiUpper!).toBeGreaterThan(result.sii!);
    expect(result.riiLower!).toBeLessThan(result.riiUpper!);
    expect(result.rii).toBeCloseTo(1 / 1.12026, 5);
  });

  it("uses the injected uniform source instead of the seed", () => {
    let calls = 0;
    const counting = () => {
      calls += 1;
      return ((calls * 0.6180339887498949) % 1) || 0.5;
    };
    slopeIndexOfInequality({ quantiles: lifeExpectancy, repetitions: 1000, random: counting });
    expect(calls).toBe(1000 * 10);
  });

  it.each([
    { args: { quantiles: lifeExpectancy, repetitions: 999 }, message: "slopeIndexOfInequality: repetitions (999) must be a whole number of at least 1000" },
    { args: { quantiles: lifeExpectancy, confidence: 0.9 }, message: "slopeIndexOfInequality: confidence (0.9) must be 0.95 or 0.998" },
  ])("throws '$message'", ({ args, message }) => {
    expect(() => slopeIndexOfInequality(args as never)).toThrow(message);
  });

  it("returns null limits when a quantile is missing", () => {
    const result = slopeIndexOfInequality({ quantiles: lifeExpectancy.map((q, k) => (k === 9 ? { ...q, value: undefined } : q)) });
    expect(result.sii).toBeNull();
    expect(result.siiLower).toBeNull();
  });
});
