import { describe, expect, it } from "vitest";
import {
  chiSquareQuantile,
  gammaQuantile,
  logGamma,
  regularizedBeta,
  regularizedGammaP,
  regularizedGammaQ,
  studentTCdf,
  studentTQuantile,
} from "./special-functions";

describe("logGamma", () => {
  it.each([
    { x: 1, expected: 0 },
    { x: 2, expected: 0 },
    { x: 5, expected: Math.log(24) },
    { x: 0.5, expected: 0.5 * Math.log(Math.PI) },
    { x: 101, expected: 363.73937555556347 }, // ln(100!)
  ])("gives ln Γ($x) = $expected", ({ x, expected }) => {
    expect(logGamma(x)).toBeCloseTo(expected, 12);
  });

  it("throws for a non-positive argument", () => {
    expect(() => logGamma(0)).toThrow(/logGamma: x \(0\) must be greater than 0/);
  });
});

describe("regularizedGammaP and regularizedGammaQ", () => {
  // For shape 1 the gamma distribution is exponential: P(1, x) = 1 - e^-x.
  it.each([0.1, 1, 3.688879454113936, 20])("match the exponential distribution when a = 1 at x = %s", (x) => {
    expect(regularizedGammaP(1, x)).toBeCloseTo(1 - Math.exp(-x), 15);
    expect(regularizedGammaQ(1, x) / Math.exp(-x)).toBeCloseTo(1, 13);
  });

  // For integer a, Q(a, x) is the Poisson probability of fewer than a events with mean x.
  it("matches the Poisson sum for integer shape", () => {
    const x = 7.5;
    const poissonBelow4 = [0, 1, 2, 3].reduce((s, k) => s + (Math.exp(-x) * x ** k) / [1, 1, 2, 6][k], 0);
    expect(regularizedGammaQ(4, x)).toBeCloseTo(poissonBelow4, 14);
  });

  it("gives P + Q = 1 on both sides of the series/continued-fraction switch", () => {
    for (const [a, x] of [[5, 5.9], [5, 6.1], [50, 40], [50, 60]]) {
      expect(regularizedGammaP(a, x) + regularizedGammaQ(a, x)).toBeCloseTo(1, 14);
    }
  });
});

describe("gammaQuantile and chiSquareQuantile", () => {
  it.each([
    // The exact Poisson upper limit for zero events is -ln(tail) (spec §2 count-scale check).
    { p: 0.975, k: 2, expected: 2 * 3.688879454113936 },
    { p: 0.999, k: 2, expected: 2 * 6.907755278982137 },
    // Spec §10.4: L(60, 0.025) = 45.7863 and U(60, 0.025) = 77.2319 (χ² halves).
    { p: 0.025, k: 120, expected: 2 * 45.78632095 },
    { p: 0.975, k: 122, expected: 2 * 77.23189341 },
    // Textbook chi-square table values.
    { p: 0.95, k: 1, expected: 3.841458820694124 },
    { p: 0.05, k: 10, expected: 3.9402991361190605 },
  ])("gives the $p quantile of chi-square with $k df as $expected", ({ p, k, expected }) => {
    expect(chiSquareQuantile(p, k) / expected).toBeCloseTo(1, 8);
  });

  it("gives 0 for zero degrees of freedom, which makes the exact lower limit of 0 events 0", () => {
    expect(chiSquareQuantile(0.025, 0)).toBe(0);
  });

  it.each([0.001, 0.025, 0.3, 0.5, 0.8, 0.975, 0.999])(
    "inverts the regularised gamma function at p = %s for small and large shapes",
    (p) => {
      for (const shape of [0.3, 1, 4.5, 10, 250, 5000]) {
        const x = gammaQuantile(p, shape);
        expect(regularizedGammaP(shape, x)).toBeCloseTo(p, 12);
      }
    },
  );

  it.each([
    { p: 1.2, shape: 2, message: /gammaQuantile: p \(1.2\)/ },
    { p: 0.5, shape: 0, message: /gammaQuantile: shape \(0\)/ },
  ])("throws a named error for p = $p and shape = $shape", ({ p, shape, message }) => {
    expect(() => gammaQuantile(p, shape)).toThrow(message);
  });

  it("throws for negative degrees of freedom", () => {
    expect(() => chiSquareQuantile(0.5, -1)).toThrow(/chiSquareQuantile: degreesOfFreedom \(-1\)/);
  });
});

describe("regularizedBeta", () => {
  it.each([
    // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(1, b) = 1 - (1 - x)^b.
    { x: 0.3, a: 1, b: 1, expected: 0.3 },
    { x: 0.6, a: 3, b: 1, expected: 0.216 },
    { x: 0.2, a: 1, b: 4, expected: 1 - 0.8 ** 4 },
    { x: 0.5, a: 7, b: 7, expected: 0.5 },
  ])("gives I_$x($a, $b) = $expected", ({ x, a, b, expected }) => {
    expect(regularizedBeta(x, a, b)).toBeCloseTo(expected, 14);
  });
});

describe("studentTQuantile and studentTCdf", () => {
  it.each([
    // Spec §5: t = 2.570582 (95%) and 5.893430 (99.8%) with 5 df.
    { p: 0.975, df: 5, expected: 2.570582, digits: 6 },
    { p: 0.999, df: 5, expected: 5.89343, digits: 6 },
    // Closed forms: 1 df is Cauchy, t = tan(π(p − ½)); 2 df, t = (2p − 1)/sqrt(2p(1 − p)).
    { p: 0.975, df: 1, expected: Math.tan(Math.PI * 0.475), digits: 10 },
    { p: 0.999, df: 2, expected: 0.998 / Math.sqrt(2 * 0.999 * 0.001), digits: 9 },
    { p: 0.025, df: 2, expected: -0.95 / Math.sqrt(2 * 0.025 * 0.975), digits: 12 },
  ])("gives the $p quantile with $df degrees of freedom as $expected", ({ p, df, expected, digits }) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(expected, digits);
  });

  it("tends to the normal quantile as the degrees of freedom grow", () => {
    expect(studentTQuantile(0.975, 1e7)).toBeCloseTo(1.959963984540054, 6);
  });

  it.each([1, 3, 12, 60])("is inverted by the t distribution function with %s df", (df) => {
    for (const p of [0.001, 0.1, 0.5, 0.9, 0.999]) {
      expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 12);
    }
  });

  it("throws when the degrees of freedom are not positive", () => {
    expect(() => studentTQuantile(0.9, 0)).toThrow(/studentTQuantile: degreesOfFreedom \(0\)/);
  });
});
