/**
 * Shared result and argument types for the statistics module.
 *
 * Every value and limit is `null` rather than `NaN` when it cannot be given (missing input,
 * reliability suppression), so that callers can test for "no value" with one comparison and
 * JSON serialisation keeps the gap visible.
 */

/** A point value with its lower and upper confidence limits, already multiplied for display. */
export type Interval = { value: number | null; lower: number | null; upper: number | null };

/** The two confidence levels the product uses: 95% and 99.8% (spec §0). */
export type Confidence = 0.95 | 0.998;

/** Confidence levels in the order they are usually shown. */
export const CONFIDENCE_LEVELS: readonly Confidence[] = [0.95, 0.998];

/** Indicator polarity from the indicator metadata (spec §8.1). */
export type Polarity = "high-is-good" | "low-is-good" | "no-judgement" | "not-applicable";

/** A confidence interval on a count of events (no point value, which is the count itself). */
export type CountInterval = { lower: number | null; upper: number | null };

/** Which count method produced a limit: exact Poisson (O < 10) or Byar's (O ≥ 10) (spec §2). */
export type CountMethod = "exact" | "byars";
