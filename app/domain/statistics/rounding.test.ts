import { describe, expect, it } from "vitest";
import { roundHalfAwayFromZero, roundHalfEven } from "./rounding";

describe("roundHalfEven", () => {
  it.each([
    { x: 0.5, expected: 0 },
    { x: 1.5, expected: 2 },
    { x: 2.5, expected: 2 },
    { x: -2.5, expected: -2 },
    { x: 2.4999, expected: 2 },
    { x: 2.5001, expected: 3 },
    { x: 2500, expected: 2500 },
  ])("rounds $x to $expected like R", ({ x, expected }) => {
    expect(roundHalfEven(x)).toBe(expected);
  });
});

describe("roundHalfAwayFromZero", () => {
  it.each([
    { x: 2.5, digits: 0, expected: 3 },
    { x: -2.5, digits: 0, expected: -3 },
    { x: 30.800000000000004, digits: 10, expected: 30.8 },
    { x: 1e20, digits: 10, expected: 1e20 },
  ])("rounds $x to $digits dp as $expected like C#", ({ x, digits, expected }) => {
    expect(roundHalfAwayFromZero(x, digits)).toBe(expected);
  });
});
