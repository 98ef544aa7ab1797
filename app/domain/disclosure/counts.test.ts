import { describe, expect, it } from "vitest";
import { discloseCount, disclosedText, roundToNearest } from "./counts";

describe("discloseCount", () => {
  // STATISTICS.md §12 worked example: 0, 3, 7, 8, 12, 1234 → 0, *, *, 10, 10, 1235.
  it.each([
    { n: 0, shown: "0" },
    { n: 1, shown: "*" },
    { n: 3, shown: "*" },
    { n: 7, shown: "*" },
    { n: 8, shown: "10" },
    { n: 12, shown: "10" },
    { n: 13, shown: "15" },
    { n: 15, shown: "15" },
    { n: 17, shown: "15" },
    { n: 18, shown: "20" },
    { n: 1234, shown: "1235" },
    { n: 100_002, shown: "100000" },
  ])("shows a count of $n as $shown", ({ n, shown }) => {
    expect(disclosedText(discloseCount(n))).toBe(shown);
  });

  it("marks a small count as hidden on its own account", () => {
    expect(discloseCount(4)).toEqual({ value: null, hidden: "primary" });
  });

  it("keeps zero as a shown zero, not a suppressed cell", () => {
    expect(discloseCount(0)).toEqual({ value: 0, hidden: null });
  });

  it.each([-1, Number.NaN, Infinity])("refuses %s as a count", (n) => {
    expect(() => discloseCount(n)).toThrow("discloseCount");
  });
});

describe("roundToNearest", () => {
  it.each([
    { n: 22.5, step: 5, rounded: 25 },
    { n: 22.4, step: 5, rounded: 20 },
    { n: 149, step: 100, rounded: 100 },
    { n: 150, step: 100, rounded: 200 },
  ])("rounds $n to the nearest $step as $rounded", ({ n, step, rounded }) => {
    expect(roundToNearest(n, step)).toBe(rounded);
  });
});

describe("disclosedText", () => {
  it("formats a shown value with the formatter given", () => {
    expect(disclosedText({ value: 1235, hidden: null }, (n) => n.toLocaleString("en-GB"))).toBe("1,235");
  });
});
