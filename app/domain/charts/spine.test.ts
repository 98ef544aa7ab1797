import { describe, expect, it } from "vitest";
import { type SpineInput, spineLayout } from "./spine";

const base: SpineInput = { value: 15, england: 10, min: 5, q25: 8, median: 10, q75: 12, max: 20, polarity: "no-judgement" };

describe("spine chart layout", () => {
  it.each([
    ["no-judgement, lowest on the left", base, { value: 0.75, range: [0.25, 1], interquartile: [0.4, 0.6], leftLabel: "Lowest", rightLabel: "Highest" }],
    ["high is good, best (highest) on the right", { ...base, polarity: "high-is-good" }, { value: 0.75, range: [0.25, 1], interquartile: [0.4, 0.6], leftLabel: "Worst", rightLabel: "Best" }],
    ["low is good, best (lowest) on the right", { ...base, polarity: "low-is-good" }, { value: 0.25, range: [0, 0.75], interquartile: [0.4, 0.6], leftLabel: "Worst", rightLabel: "Best" }],
  ] as const)("puts England at the centre (%s)", (_, input, expected) => {
    const layout = spineLayout(input)!;
    expect(layout.centre).toBe(0.5);
    expect(layout.value).toBeCloseTo(expected.value, 10);
    expect(layout.range![0]).toBeCloseTo(expected.range[0], 10);
    expect(layout.range![1]).toBeCloseTo(expected.range[1], 10);
    expect(layout.interquartile![0]).toBeCloseTo(expected.interquartile[0], 10);
    expect(layout.interquartile![1]).toBeCloseTo(expected.interquartile[1], 10);
    expect([layout.leftLabel, layout.rightLabel]).toEqual([expected.leftLabel, expected.rightLabel]);
  });

  it("widens the scale to an area outside the range of areas (a summed place)", () => {
    const layout = spineLayout({ ...base, value: 30 })!;
    expect(layout.value).toBe(1);
    expect(layout.range![1]).toBeCloseTo(0.75, 10);
  });

  it("centres on the median of areas when England has no value, and says so", () => {
    const layout = spineLayout({ ...base, england: null })!;
    expect(layout.centreIs).toBe("median");
  });

  it("has no spine without England or a median", () => {
    expect(spineLayout({ ...base, england: null, median: null })).toBeNull();
  });

  it("keeps a marker with no range when the distribution is missing", () => {
    const layout = spineLayout({ ...base, min: null, max: null, q25: null, q75: null })!;
    expect(layout.range).toBeNull();
    expect(layout.value).toBe(1);
  });
});
