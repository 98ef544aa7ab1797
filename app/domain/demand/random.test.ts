import { describe, expect, it } from "vitest";
import { deriveStreamSeed, pert, pertDraws, seededStream } from "./random";
import { quantile, twoQuantilesInPlace } from "./sample-quantiles";

describe("seeded random numbers", () => {
  it("repeat exactly for the same seed and differ for another", () => {
    const a = Array.from({ length: 5 }, seededStream(42, "annualIncidence"));
    const b = Array.from({ length: 5 }, seededStream(42, "annualIncidence"));
    const c = Array.from({ length: 5 }, seededStream(43, "annualIncidence"));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it("stay strictly inside (0, 1)", () => {
    const rng = seededStream(1, "attendanceRate");
    for (let i = 0; i < 10_000; i++) {
      const u = rng();
      expect(u > 0 && u < 1).toBe(true);
    }
  });

  it("give each parameter its own stream", () => {
    expect(deriveStreamSeed(1, "annualIncidence")).not.toBe(deriveStreamSeed(1, "attendanceRate"));
    expect(deriveStreamSeed(1, "annualIncidence")).toBe(deriveStreamSeed(1, "annualIncidence"));
  });
});

describe("beta-PERT draws", () => {
  it.each([
    [0.03, 0.079, 0.19],
    [150, 225, 300],
    [0, 0.3, 0.6],
    [0.6, 0.6, 0.8],
  ])("between %d and %d with mode %d stay in range with the PERT mean", (low, mode, high) => {
    const draws = pertDraws(9, "x", low, mode, high, new Float64Array(20_000));
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(low);
    expect(Math.max(...draws)).toBeLessThanOrEqual(high);
    // PERT mean = (low + 4 mode + high) ÷ 6.
    expect(mean).toBeCloseTo((low + 4 * mode + high) / 6, high - low > 10 ? 0 : 2);
  });

  it("returns the value itself when low equals high", () => {
    expect(pert(seededStream(1, "x"), 5, 5, 5)).toBe(5);
  });
});

describe("sample quantiles", () => {
  const sortedQuantile = (values: number[], q: number) => {
    const s = [...values].sort((a, b) => a - b);
    const h = (s.length - 1) * q;
    const k = Math.floor(h);
    return k + 1 < s.length ? s[k] + (h - k) * (s[k + 1] - s[k]) : s[k];
  };

  it.each([
    ["uniform", 1000, (u: number) => u],
    ["skewed", 1000, (u: number) => Math.exp(8 * u)],
    ["many ties", 1000, (u: number) => Math.floor(u * 4)],
    ["small", 7, (u: number) => u],
    ["one outlier", 500, (u: number) => (u > 0.995 ? 1e9 : u)],
  ])("match a full sort exactly for %s data", (_case, n, transform) => {
    const rng = seededStream(n, "quantiles");
    const values = Array.from({ length: n }, () => transform(rng()));
    for (const [qLow, qHigh] of [
      [0.1, 0.9],
      [0.025, 0.975],
      [0.5, 0.5],
    ]) {
      const out = new Float64Array(2);
      twoQuantilesInPlace(Float64Array.from(values), n, qLow, qHigh, out);
      expect(out[0]).toBe(sortedQuantile(values, qLow));
      expect(out[1]).toBe(sortedQuantile(values, qHigh));
    }
    expect(quantile(values, 0.3)).toBe(sortedQuantile(values, 0.3));
  });
});
