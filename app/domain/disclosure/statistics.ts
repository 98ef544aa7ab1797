/**
 * Statistics derived from counts of people, disclosed: computed from the unrounded data
 * (STATISTICS.md §12: "Compute statistics from unrounded data"), then hidden when they
 * would give a small count away.
 */
import { proportionCI, studentTQuantile, TAIL_PROBABILITY, type Confidence } from "../statistics/index";
import { isSmallCount, MINIMUM_PEOPLE } from "./counts";

export type DisclosedInterval = {
  value: number | null;
  lower: number | null;
  upper: number | null;
  /** People the figure rests on (shown only as "8 or more": the exact n is itself a count). */
  hidden: "primary" | null;
};

const HIDDEN: DisclosedInterval = { value: null, lower: null, upper: null, hidden: "primary" };

/**
 * A mean from its summary (n, mean, sample SD with divisor n − 1, as SQL's avg and
 * stddev_samp give them) with its Student t interval (STATISTICS.md §5). Hidden when it
 * rests on fewer than 8 people (§12: simple statistics of 1–7 individuals are not shown).
 */
export function discloseMean({ n, mean, sd, confidence = 0.95 }: { n: number; mean: number | null; sd: number | null; confidence?: Confidence }): DisclosedInterval {
  if (n === 0 || mean === null) return { value: null, lower: null, upper: null, hidden: null };
  if (n < MINIMUM_PEOPLE) return HIDDEN;
  if (sd === null) return { value: mean, lower: null, upper: null, hidden: null };
  const half = (studentTQuantile(1 - TAIL_PROBABILITY[confidence], n - 1) * sd) / Math.sqrt(n);
  return { value: mean, lower: mean - half, upper: mean + half, hidden: null };
}

/**
 * A percentage with its Wilson interval (STATISTICS.md §1), from unrounded counts. Hidden
 * when the numerator, or the rest of the denominator, is 1–7 people: either would let the
 * small count be worked back from the percentage and the (rounded) denominator.
 */
export function discloseProportion({ numerator, denominator, confidence = 0.95 }: { numerator: number; denominator: number; confidence?: Confidence }): DisclosedInterval {
  if (denominator === 0) return { value: null, lower: null, upper: null, hidden: null };
  if (isSmallCount(numerator) || isSmallCount(denominator - numerator)) return HIDDEN;
  const { value, lower, upper } = proportionCI({ numerator, denominator, confidence });
  return { value, lower, upper, hidden: null };
}

/**
 * A rate per `per` people (clients per 1,000 adults), from the unrounded count. Hidden
 * when the count is 1–7: the population is published, so the rate would give it back.
 */
export function discloseRate({ count, population, per = 1000 }: { count: number; population: number | null } & { per?: number }): { value: number | null; hidden: "primary" | null } {
  if (!population) return { value: null, hidden: null };
  if (isSmallCount(count)) return { value: null, hidden: "primary" };
  return { value: (count / population) * per, hidden: null };
}
