/**
 * How a comparison with a benchmark is shown (STATISTICS.md §8): Fingertips' colours,
 * always with a word and a shape as well, so that colour is never the only signal.
 * The shape gives the direction of the value against the benchmark (above, below,
 * similar), whatever the polarity; the colour and the word give the judgement.
 */
import type { BenchmarkOutcome, Polarity } from "../statistics";

export type Direction = "above" | "below" | "similar" | "none";

export type ComparisonStyle = {
  outcome: BenchmarkOutcome;
  /** The word shown beside every coloured mark. */
  label: string;
  fill: string;
  /** Text drawn on the fill (checked for 4.5:1 contrast). */
  text: string;
  /** Outline, so that a white or pale fill still shows on white. */
  stroke: string;
  /** Map pattern drawn over the fill, so that a map reads without colour. */
  pattern: "none" | "stripes" | "dots" | "cross";
};

/** Fingertips comparison colours: better #92D050, similar #FFC000, worse #C00000; higher #BED2FF, lower #5555E6. */
export const COMPARISON_STYLES: Record<BenchmarkOutcome, ComparisonStyle> = {
  better: { outcome: "better", label: "Better", fill: "#92D050", text: "#212b32", stroke: "#4c6272", pattern: "dots" },
  similar: { outcome: "similar", label: "Similar", fill: "#FFC000", text: "#212b32", stroke: "#4c6272", pattern: "none" },
  worse: { outcome: "worse", label: "Worse", fill: "#C00000", text: "#ffffff", stroke: "#4c6272", pattern: "stripes" },
  higher: { outcome: "higher", label: "Higher", fill: "#BED2FF", text: "#212b32", stroke: "#4c6272", pattern: "stripes" },
  lower: { outcome: "lower", label: "Lower", fill: "#5555E6", text: "#ffffff", stroke: "#4c6272", pattern: "dots" },
  "not-compared": { outcome: "not-compared", label: "Not compared", fill: "#ffffff", text: "#212b32", stroke: "#768692", pattern: "cross" },
};

/** The outcomes an indicator's comparisons can take, in the order a key lists them. */
export function outcomesFor(polarity: Polarity | string): BenchmarkOutcome[] {
  if (polarity === "high-is-good" || polarity === "low-is-good") return ["better", "similar", "worse", "not-compared"];
  if (polarity === "no-judgement") return ["lower", "similar", "higher", "not-compared"];
  return ["not-compared"];
}

/** Whether the value lies above or below the benchmark, from the outcome and the polarity. */
export function directionOf(outcome: BenchmarkOutcome, polarity: Polarity | string): Direction {
  switch (outcome) {
    case "higher":
      return "above";
    case "lower":
      return "below";
    case "similar":
      return "similar";
    case "better":
      return polarity === "low-is-good" ? "below" : "above";
    case "worse":
      return polarity === "low-is-good" ? "above" : "below";
    default:
      return "none";
  }
}

/** "Higher than England", "Similar to Salford", "Not compared with England". */
export function comparisonSentence(outcome: BenchmarkOutcome, benchmark: string): string {
  switch (outcome) {
    case "better":
      return `Better than ${benchmark}`;
    case "worse":
      return `Worse than ${benchmark}`;
    case "higher":
      return `Higher than ${benchmark}`;
    case "lower":
      return `Lower than ${benchmark}`;
    case "similar":
      return `Similar to ${benchmark}`;
    default:
      return `Not compared with ${benchmark}`;
  }
}

/** How many areas fall in each outcome, in key order, leaving out outcomes no area has. */
export function countOutcomes(outcomes: readonly BenchmarkOutcome[], polarity: Polarity | string): { outcome: BenchmarkOutcome; count: number }[] {
  const order = [...outcomesFor(polarity)];
  for (const o of outcomes) if (!order.includes(o)) order.push(o);
  return order.map((outcome) => ({ outcome, count: outcomes.filter((o) => o === outcome).length })).filter((c) => c.count > 0);
}

/** "12 higher than England, 40 similar, 13 lower" — the sentence a chart's description ends with. */
export function summariseOutcomes(outcomes: readonly BenchmarkOutcome[], polarity: Polarity | string, benchmark: string): string {
  const counts = countOutcomes(outcomes, polarity);
  if (!counts.length) return `No area is compared with ${benchmark}.`;
  const parts = counts.map((c, i) => {
    const word = COMPARISON_STYLES[c.outcome].label.toLowerCase();
    if (i === 0) {
      const sentence = comparisonSentence(c.outcome, benchmark);
      return `${c.count} ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}`;
    }
    return `${c.count} ${word}`;
  });
  return `${parts.join(", ")}.`;
}

/** What the method means, for the key under a chart. */
export function methodNote(method: string, benchmark: string): string {
  if (method === "ci-95") return `Compared with ${benchmark} by whether the area's 95% confidence interval includes ${benchmark}'s value.`;
  if (method === "ci-99.8") return `Compared with ${benchmark} by whether the area's 99.8% confidence interval includes ${benchmark}'s value.`;
  if (method === "ci-two-level") return `Compared with ${benchmark} at 95% and 99.8% confidence.`;
  return "This indicator is not compared with a benchmark.";
}
