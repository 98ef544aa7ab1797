import { describe, expect, it } from "vitest";
import { decimalsForStep, extent, linearScale, niceAxis, niceStep, valueDecimals } from "./scale";

describe("linear scales", () => {
  it.each([
    [[0, 10], [0, 100], 5, 50],
    [[0, 10], [100, 0], 2, 80],
    [[10, 20], [0, 200], 25, 300],
    [[3, 3], [0, 100], 3, 50],
  ] as const)("maps %j onto %j so that %d sits at %d", (domain, range, value, position) => {
    expect(linearScale(domain, range)(value)).toBeCloseTo(position, 10);
  });
});

describe("nice axes", () => {
  it.each([
    [100, 5, 20],
    [7, 5, 1],
    [0.9, 4, 0.2],
    [23.4, 5, 5],
    [1000, 4, 200],
  ])("splits a span of %d into about %d steps of %d", (span, count, step) => {
    expect(niceStep(span, count)).toBeCloseTo(step, 12);
  });

  it.each([
    [0, 17.3, 5, [0, 20], [0, 5, 10, 15, 20]],
    [4.2, 22.7, 4, [0, 25], [0, 5, 10, 15, 20, 25]],
    [0.1, 0.34, 5, [0.1, 0.35], [0.1, 0.15, 0.2, 0.25, 0.3, 0.35]],
    [72.5, 84.1, 5, [72, 86], [72, 74, 76, 78, 80, 82, 84, 86]],
    [5, 5, 5, [4.4, 5.6], [4.4, 4.6, 4.8, 5, 5.2, 5.4, 5.6]],
  ])("extends %d–%d to whole steps (%d ticks wanted)", (min, max, count, domain, ticks) => {
    const axis = niceAxis(min, max, count);
    expect(axis.domain).toEqual(domain);
    expect(axis.ticks).toEqual(ticks);
  });

  it("falls back to 0–1 when the values are not numbers", () => {
    expect(niceAxis(Number.NaN, 3).domain).toEqual([0, 1]);
  });

  it.each([
    [20, 0],
    [0.5, 1],
    [0.05, 2],
    [2, 0],
  ])("shows a step of %d with %d decimal places", (step, places) => {
    expect(decimalsForStep(step)).toBe(places);
  });
});

describe("extents and decimals", () => {
  it.each([
    [[3, null, 1, undefined, 7], [1, 7]],
    [[null, Number.NaN], null],
    [[], null],
  ])("finds the extent of %j", (values, expected) => {
    expect(extent(values as (number | null)[])).toEqual(expected);
  });

  it.each([
    ["%", [12.3, 40.1], 1],
    ["per 100,000", [120, 4000], 1],
    ["score", [0.12, 0.9], 2],
    ["count", [1200, 40000], 0],
    ["years", [], 1],
  ])("shows %s values like %j with %d decimal places", (unit, values, places) => {
    expect(valueDecimals(unit, values)).toBe(places);
  });
});
