/**
 * Figures the product makes by combining smaller areas: proportions summed from
 * counts and denominators, with Wilson score intervals (STATISTICS.md §7), and means
 * of published scores weighted by population, which get no interval.
 */
import { proportionCI } from "../statistics";

export type Numbers = {
  count: number | null;
  denominator: number | null;
  value: number | null;
  lower95: number | null;
  upper95: number | null;
  lower998: number | null;
  upper998: number | null;
  flags: string[];
};

/**
 * A proportion from a count and a denominator. A count above its denominator (a
 * register larger than its list) keeps its ratio as the value but gets no interval.
 */
export function proportionFigure(count: number, denominator: number, multiplier = 100): Numbers {
  const none = { lower95: null, upper95: null, lower998: null, upper998: null };
  if (!(denominator > 0)) return { count, denominator, value: null, ...none, flags: ["computed", "no-value-published"] };
  if (count > denominator) {
    return { count, denominator, value: (count / denominator) * multiplier, ...none, flags: ["computed", "count-exceeds-denominator"] };
  }
  const at95 = proportionCI({ numerator: count, denominator, confidence: 0.95, multiplier });
  const at998 = proportionCI({ numerator: count, denominator, confidence: 0.998, multiplier });
  return { count, denominator, value: at95.value, lower95: at95.lower, upper95: at95.upper, lower998: at998.lower, upper998: at998.upper, flags: ["computed"] };
}

/** Sums counts and denominators of parts into one proportion. */
export function sumProportions(parts: readonly { count: number | null; denominator: number | null }[], multiplier = 100): Numbers | null {
  const usable = parts.filter((p) => p.count !== null && p.denominator !== null);
  if (!usable.length) return null;
  const count = usable.reduce((s, p) => s + p.count!, 0);
  const denominator = usable.reduce((s, p) => s + p.denominator!, 0);
  return proportionFigure(count, denominator, multiplier);
}

/**
 * A mean of parts' values weighted by their weights (registered patients, residents).
 * The denominator is the total weight behind the value; there is no count or interval.
 */
export function weightedMean(parts: readonly { value: number | null; weight: number | null }[]): Numbers | null {
  const usable = parts.filter((p) => p.value !== null && p.weight !== null && p.weight > 0);
  const weight = usable.reduce((s, p) => s + p.weight!, 0);
  if (!(weight > 0)) return null;
  const value = usable.reduce((s, p) => s + p.value! * p.weight!, 0) / weight;
  return { count: null, denominator: weight, value, lower95: null, upper95: null, lower998: null, upper998: null, flags: ["computed", "no-interval"] };
}

/** The weighted mean from sums a query already made: Σ value × weight and Σ weight. */
export function weightedMeanFromSums(weightedSum: number | null, weight: number | null): Numbers | null {
  if (weightedSum === null || weight === null || !(weight > 0)) return null;
  return { count: null, denominator: weight, value: weightedSum / weight, lower95: null, upper95: null, lower998: null, upper998: null, flags: ["computed", "no-interval"] };
}
