/**
 * Proportions: Wilson score interval (spec §1; PHEindicatormethods `phe_proportion`;
 * Wilson 1927; Newcombe & Altman 2000).
 */
import type { Confidence, Interval } from "./types";
import {
  assertConfidence,
  assertMultiplier,
  assertNonNegative,
  assertPositive,
  isMissing,
  zForConfidence,
} from "./validation";

/** Wilson limits on the natural 0–1 scale. */
export type ProportionLimits = { lower: number; upper: number };

/**
 * Wilson score limits for `numerator` events out of `denominator`, on the 0–1 scale.
 * The numerator need not be an integer (weighted or survey-derived numerators are allowed).
 */
export function wilsonInterval(args: {
  numerator: number;
  denominator: number;
  confidence: Confidence;
}): ProportionLimits {
  const fn = "wilsonInterval";
  const { numerator: x, denominator: n, confidence } = args;
  assertConfidence(fn, confidence);
  assertNonNegative(fn, "numerator", x);
  assertPositive(fn, "denominator", n);
  if (x > n) throw new Error(`${fn}: numerator (${x}) is greater than denominator (${n})`);
  const z = zForConfidence(confidence);
  const z2 = z * z;
  const centre = 2 * x + z2;
  const spread = z * Math.sqrt(z2 + 4 * x * (1 - x / n));
  const divisor = 2 * (n + z2);
  // Algebraically x = 0 gives lower = 0 and x = n gives upper = 1 (spec §1); pin them so that
  // floating-point rounding can never show 99.99999999% for a perfect score.
  const lower = x === 0 ? 0 : (centre - spread) / divisor;
  const upper = x === n ? 1 : (centre + spread) / divisor;
  return { lower: Math.max(0, lower), upper: Math.min(1, upper) };
}

/**
 * A proportion with its Wilson confidence interval, multiplied for display.
 *
 * `multiplier` defaults to 100 (a percentage). The spec (§0) allows ×1 or ×100 without naming a
 * default; every worked example in §1 and §8.4 is a percentage and Fingertips shows proportions
 * as percentages, so 100 is the least surprising default. Pass `multiplier: 1` for a 0–1 value.
 *
 * A missing numerator or denominator gives a missing value and limits, not an error (spec §0).
 */
export function proportionCI(args: {
  numerator: number | null | undefined;
  denominator: number | null | undefined;
  confidence: Confidence;
  multiplier?: number;
}): Interval {
  const fn = "proportionCI";
  const { numerator, denominator, confidence, multiplier = 100 } = args;
  assertConfidence(fn, confidence);
  assertMultiplier(fn, multiplier);
  if (isMissing(numerator) || isMissing(denominator)) return { value: null, lower: null, upper: null };
  assertNonNegative(fn, "numerator", numerator);
  assertPositive(fn, "denominator", denominator);
  if (numerator > denominator) {
    throw new Error(`${fn}: numerator (${numerator}) is greater than denominator (${denominator})`);
  }
  const { lower, upper } = wilsonInterval({ numerator, denominator, confidence });
  return {
    value: (numerator / denominator) * multiplier,
    lower: lower * multiplier,
    upper: upper * multiplier,
  };
}
