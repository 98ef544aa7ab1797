import { describe, expect, it } from "vitest";
import type { BenchmarkOutcome } from "../statistics";
import { COMPARISON_STYLES, comparisonSentence, directionOf, outcomesFor, summariseOutcomes } from "./comparison";

/** WCAG relative luminance and contrast, to check the text drawn on each Fingertips colour. */
function luminance(hex: string) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe("comparison styles", () => {
  it.each([
    ["better", "#92D050"],
    ["similar", "#FFC000"],
    ["worse", "#C00000"],
    ["higher", "#BED2FF"],
    ["lower", "#5555E6"],
  ] as const)("uses Fingertips' colour for %s", (outcome, colour) => {
    expect(COMPARISON_STYLES[outcome].fill).toBe(colour);
  });

  it.each(Object.values(COMPARISON_STYLES).map((s) => [s.outcome, s] as const))("writes %s in text with at least 4.5:1 contrast", (_, style) => {
    expect(contrast(style.fill, style.text)).toBeGreaterThanOrEqual(4.5);
  });

  it("gives every outcome a word, and distinct patterns to the two sides of a benchmark", () => {
    for (const style of Object.values(COMPARISON_STYLES)) expect(style.label.length).toBeGreaterThan(0);
    expect(COMPARISON_STYLES.higher.pattern).not.toBe(COMPARISON_STYLES.lower.pattern);
    expect(COMPARISON_STYLES.better.pattern).not.toBe(COMPARISON_STYLES.worse.pattern);
  });
});

describe("outcomes by polarity", () => {
  it.each([
    ["high-is-good", ["better", "similar", "worse", "not-compared"]],
    ["low-is-good", ["better", "similar", "worse", "not-compared"]],
    ["no-judgement", ["lower", "similar", "higher", "not-compared"]],
    ["not-applicable", ["not-compared"]],
  ])("lists the outcomes of a %s indicator", (polarity, outcomes) => {
    expect(outcomesFor(polarity)).toEqual(outcomes);
  });

  it.each([
    ["better", "high-is-good", "above"],
    ["better", "low-is-good", "below"],
    ["worse", "high-is-good", "below"],
    ["worse", "low-is-good", "above"],
    ["higher", "no-judgement", "above"],
    ["lower", "no-judgement", "below"],
    ["similar", "low-is-good", "similar"],
    ["not-compared", "no-judgement", "none"],
  ] as const)("places a %s value of a %s indicator %s the benchmark", (outcome, polarity, direction) => {
    expect(directionOf(outcome, polarity)).toBe(direction);
  });
});

describe("comparison sentences", () => {
  it.each([
    ["higher", "Higher than England"],
    ["similar", "Similar to England"],
    ["not-compared", "Not compared with England"],
    ["worse", "Worse than England"],
  ] as const)("says %s as %j", (outcome, sentence) => {
    expect(comparisonSentence(outcome, "England")).toBe(sentence);
  });

  it.each([
    [["higher", "higher", "similar", "lower"], "no-judgement", "1 lower than England, 1 similar, 2 higher."],
    [["worse", "better", "better"], "low-is-good", "2 better than England, 1 worse."],
    [["not-compared"], "no-judgement", "1 not compared with England."],
    [[], "no-judgement", "No area is compared with England."],
  ] as const)("summarises %j", (outcomes, polarity, sentence) => {
    expect(summariseOutcomes(outcomes as readonly BenchmarkOutcome[], polarity, "England")).toBe(sentence);
  });
});
