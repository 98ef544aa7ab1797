import { describe, expect, it } from "vitest";
import { createSeededRandom, standardNormalDraw } from "./random";

describe("createSeededRandom", () => {
  it("repeats the same sequence for the same seed and differs for another seed", () => {
    const a = createSeededRandom(42);
    const b = createSeededRandom(42);
    const c = createSeededRandom(43);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(first);
  });

  it("stays strictly inside (0, 1) with mean and variance of a uniform distribution", () => {
    const random = createSeededRandom(7);
    const draws = Array.from({ length: 200_000 }, () => random());
    expect(draws.reduce((m, u) => Math.min(m, u), 1)).toBeGreaterThan(0);
    expect(draws.reduce((m, u) => Math.max(m, u), 0)).toBeLessThan(1);
    const mean = draws.reduce((s, u) => s + u, 0) / draws.length;
    const variance = draws.reduce((s, u) => s + (u - mean) ** 2, 0) / draws.length;
    // Standard error of the mean is 0.29/√200000 ≈ 0.00065, so 0.003 is a 4.6 SE margin.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.003);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.002);
  });

  it("gives standard normal draws with about 95% inside ±1.96", () => {
    const random = createSeededRandom(11);
    const draws = Array.from({ length: 100_000 }, () => standardNormalDraw(random));
    const inside = draws.filter((z) => Math.abs(z) <= 1.959963984540054).length / draws.length;
    expect(Math.abs(inside - 0.95)).toBeLessThan(0.004);
  });

  it("rejects a source that returns 0", () => {
    expect(() => standardNormalDraw(() => 0)).toThrow("standardNormalDraw: random() returned 0");
  });
});
