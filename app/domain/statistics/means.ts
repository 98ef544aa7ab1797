/**
 * Means with Student t confidence intervals (spec §5; PHEindicatormethods `phe_mean`).
 */
import { studentTQuantile } from "./special-functions";
import type { Confidence, Interval } from "./types";
import { TAIL_PROBABILITY, assertConfidence, assertFinite } from "./validation";

/** A mean with its t interval, the count and the sample standard deviation (divisor n − 1). */
export type MeanResult = Interval & { count: number; standardDeviation: number | null };

/**
 * mean ± t_{(1+c)/2}(n − 1) × s / √n.
 *
 * No values gives a missing mean; one value gives the mean with missing limits (the sample SD
 * is undefined), matching R's `sd()` returning NA. Missing (null/undefined) values are dropped,
 * as a missing observation carries no information about the mean; NaN or ±Infinity throws.
 */
export function meanCI(args: {
  values: readonly (number | null | undefined)[];
  confidence: Confidence;
}): MeanResult {
  const fn = "meanCI";
  const { confidence } = args;
  assertConfidence(fn, confidence);
  if (!Array.isArray(args.values as unknown)) throw new Error(`${fn}: values must be an array`);
  const values: number[] = [];
  args.values.forEach((v, i) => {
    if (v === null || v === undefined) return;
    assertFinite(fn, `values[${i}]`, v);
    values.push(v);
  });
  const n = values.length;
  if (n === 0) return { value: null, lower: null, upper: null, count: 0, standardDeviation: null };
  const mean = values.reduce((s, v) => s + v, 0) / n;
  if (n === 1) return { value: mean, lower: null, upper: null, count: 1, standardDeviation: null };
  // Two-pass variance avoids the cancellation of Σx² − n·mean².
  const sumSquares = values.reduce((s, v) => s + (v - mean) * (v - mean), 0);
  const sd = Math.sqrt(sumSquares / (n - 1));
  const t = studentTQuantile(1 - TAIL_PROBABILITY[confidence], n - 1);
  const halfWidth = (t * sd) / Math.sqrt(n);
  return { value: mean, lower: mean - halfWidth, upper: mean + halfWidth, count: n, standardDeviation: sd };
}
