/**
 * Counts and crude rates: exact Poisson limits when O < 10, Byar's approximation when O ≥ 10
 * (spec §2; PHEindicatormethods `phe_rate`; Breslow & Day 1987).
 *
 * The same count limits are reused by the DSR (Dobson, §3, always Byar's), the indirectly
 * standardised ratio and rate (§4) and the funnel-plot significance tests (§10).
 */
import { chiSquareQuantile } from "./special-functions";
import type { Confidence, CountInterval, CountMethod, Interval } from "./types";
import {
  TAIL_PROBABILITY,
  assertConfidence,
  assertMultiplier,
  assertNonNegative,
  assertPositive,
  isMissing,
  zForConfidence,
} from "./validation";

/** Events below this use exact Poisson limits; at or above it, Byar's (spec §2, [TG-CI]). */
export const EXACT_POISSON_THRESHOLD = 10;

/**
 * Byar's approximate limits for an observed count O:
 * O_L = O(1 − 1/(9O) − z/(3√O))³ and O_U = (O+1)(1 − 1/(9(O+1)) + z/(3√(O+1)))³.
 *
 * A negative lower limit is returned as `null`, as PHEindicatormethods `byars_lower` does (it
 * happens only for very small O at high confidence, e.g. O = 1 at 99.8%). For O = 0 the formula
 * is 0 × ∞; we return 0 because no count can be below zero events.
 */
export function byarInterval(args: { observed: number; confidence: Confidence }): CountInterval {
  const fn = "byarInterval";
  const { observed: o, confidence } = args;
  assertConfidence(fn, confidence);
  assertNonNegative(fn, "observed", o);
  const z = zForConfidence(confidence);
  const lower = o === 0 ? 0 : o * Math.pow(1 - 1 / (9 * o) - z / (3 * Math.sqrt(o)), 3);
  const o1 = o + 1;
  const upper = o1 * Math.pow(1 - 1 / (9 * o1) + z / (3 * Math.sqrt(o1)), 3);
  return { lower: lower < 0 ? null : lower, upper };
}

/**
 * Exact Poisson limits via chi-square: O_L = χ²_{(1−c)/2}(2O)/2 (0 when O = 0) and
 * O_U = χ²_{(1+c)/2}(2O + 2)/2. Non-integer O is allowed (the gamma form is continuous).
 */
export function exactPoissonInterval(args: { observed: number; confidence: Confidence }): {
  lower: number;
  upper: number;
} {
  const fn = "exactPoissonInterval";
  const { observed: o, confidence } = args;
  assertConfidence(fn, confidence);
  assertNonNegative(fn, "observed", o);
  const tail = TAIL_PROBABILITY[confidence];
  return {
    lower: chiSquareQuantile(tail, 2 * o) / 2,
    upper: chiSquareQuantile(1 - tail, 2 * o + 2) / 2,
  };
}

/** Count limits using the method the spec prescribes for O: exact below 10, Byar's from 10. */
export function poissonCountInterval(args: { observed: number; confidence: Confidence }): CountInterval & {
  method: CountMethod;
} {
  const fn = "poissonCountInterval";
  assertConfidence(fn, args.confidence);
  assertNonNegative(fn, "observed", args.observed);
  if (args.observed < EXACT_POISSON_THRESHOLD) {
    return { ...exactPoissonInterval(args), method: "exact" };
  }
  return { ...byarInterval(args), method: "byars" };
}

/**
 * A crude rate (events per `denominator` people × `multiplier`) with its confidence interval.
 *
 * `multiplier` defaults to 100,000, the spec's default for crude rates (§0). A rate's numerator
 * may exceed its denominator (repeat events). A missing numerator or denominator gives a missing
 * value and limits (spec §0).
 */
export function rateCI(args: {
  numerator: number | null | undefined;
  denominator: number | null | undefined;
  confidence: Confidence;
  multiplier?: number;
}): Interval {
  const fn = "rateCI";
  const { numerator, denominator, confidence, multiplier = 100_000 } = args;
  assertConfidence(fn, confidence);
  assertMultiplier(fn, multiplier);
  if (isMissing(numerator) || isMissing(denominator)) return { value: null, lower: null, upper: null };
  assertNonNegative(fn, "numerator", numerator);
  assertPositive(fn, "denominator", denominator);
  const limits = poissonCountInterval({ observed: numerator, confidence });
  const perPerson = multiplier / denominator;
  return {
    value: numerator * perPerson,
    lower: limits.lower === null ? null : limits.lower * perPerson,
    upper: limits.upper === null ? null : limits.upper * perPerson,
  };
}
