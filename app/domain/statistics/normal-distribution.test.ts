import { describe, expect, it } from "vitest";
import { erfc, normalCdf, normalDensity, normalQuantile } from "./normal-distribution";
import { Z_95, Z_998, zForConfidence } from "./validation";

describe("normalQuantile", () => {
  // Reference values: R qnorm / scipy ndtri, which agree to the digits shown.
  it.each([
    { p: 0.975, z: 1.959963984540054 },
    { p: 0.999, z: 3.090232306167813 },
    { p: 0.5, z: 0 },
    { p: 0.8413447460685429, z: 1 },
    { p: 0.001, z: -3.090232306167813 },
    { p: 0.025, z: -1.959963984540054 },
    { p: 1e-10, z: -6.361340902404056 },
    { p: 1e-300, z: -37.0471 },
  ])("gives the quantile of $p as $z", ({ p, z }) => {
    const digits = Math.abs(z) > 30 ? 4 : 14;
    expect(normalQuantile(p)).toBeCloseTo(z, digits);
  });

  it.each([0.01, 0.2, 0.45, 0.6, 0.9, 0.9999])("is antisymmetric about one half at p = %s", (p) => {
    expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 13);
  });

  it.each([
    { p: 0, expected: -Infinity },
    { p: 1, expected: Infinity },
  ])("returns $expected at the boundary p = $p", ({ p, expected }) => {
    expect(normalQuantile(p)).toBe(expected);
  });

  it.each([-0.1, 1.5, Number.NaN])("throws for the non-probability %s", (p) => {
    expect(() => normalQuantile(p)).toThrow(/normalQuantile: p .* must be a probability/);
  });
});

describe("normalCdf", () => {
  it.each([
    { x: 0, p: 0.5 },
    { x: 1.959963984540054, p: 0.975 },
    { x: -3.090232306167813, p: 0.001 },
    { x: -1, p: 0.15865525393145707 },
  ])("gives Φ($x) = $p", ({ x, p }) => {
    expect(normalCdf(x)).toBeCloseTo(p, 14);
  });

  it.each([1e-8, 0.003, 0.2, 0.77, 0.99])("inverts normalQuantile at p = %s", (p) => {
    expect(normalCdf(normalQuantile(p)) / p).toBeCloseTo(1, 12);
  });

  it("keeps relative precision far into the lower tail", () => {
    // Φ(-8) = 6.22096057427178e-16; 1 - Φ(8) computed naively would be 0.
    expect(normalCdf(-8) / 6.22096057427178e-16).toBeCloseTo(1, 10);
  });

  it("gives the standard normal density at zero as 1/sqrt(2π)", () => {
    expect(normalDensity(0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 15);
  });

  it("gives erfc(0) = 1 and erfc(-x) = 2 - erfc(x)", () => {
    expect(erfc(0)).toBe(1);
    expect(erfc(-0.7)).toBeCloseTo(2 - erfc(0.7), 15);
  });
});

describe("zForConfidence", () => {
  it.each([
    { confidence: 0.95 as const, z: 1.959963984540054 },
    { confidence: 0.998 as const, z: 3.090232306167813 },
  ])("gives the full-precision z of $z for confidence $confidence", ({ confidence, z }) => {
    expect(zForConfidence(confidence)).toBeCloseTo(z, 15);
  });

  it("exposes the same values as the Z_95 and Z_998 constants, not the rounded 1.96 and 3.0902", () => {
    expect(Z_95).toBeCloseTo(1.959963984540054, 15);
    expect(Z_998).toBeCloseTo(3.090232306167813, 15);
    expect(Math.abs(Z_95 - 1.96)).toBeGreaterThan(3e-5);
    expect(Math.abs(Z_998 - 3.0902)).toBeGreaterThan(3e-5);
  });
});
