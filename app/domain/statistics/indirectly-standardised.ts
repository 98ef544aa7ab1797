/**
 * Indirectly standardised ratios (SMR, standardised admission ratio) and rates (ISR)
 * (spec §4; PHEindicatormethods `calculate_ISRatio`, `calculate_ISRate`).
 */
import { poissonCountInterval } from "./counts-and-rates";
import type { Confidence, CountMethod, Interval } from "./types";
import {
  assertConfidence,
  assertMultiplier,
  assertNonNegative,
  assertPositive,
  isMissing,
} from "./validation";

/** One age band: the area's events and population, and the reference events and population. */
export type IndirectStandardisationRow = {
  /** Area events in the band; missing counts as 0. Ignored when `observed` is given. */
  numerator?: number | null;
  /** Area population in the band; 0 is allowed and contributes nothing to E. */
  denominator: number;
  /** Reference (e.g. England) events in the band; missing counts as 0. */
  referenceNumerator: number | null;
  /** Reference population in the band; must be > 0. */
  referenceDenominator: number;
};

/** Ratio or rate with its limits plus the observed and expected counts behind it. */
export type IndirectlyStandardisedResult = Interval & {
  observed: number;
  expected: number;
  /** Which count method gave the limits: exact when O < 10, Byar's otherwise. */
  method: CountMethod;
};

/**
 * Observed / expected with limits O_L / E and O_U / E, times `refValue`
 * (the §2 count limits: exact when O < 10, Byar's when O ≥ 10).
 */
export function standardisedRatioInterval(args: {
  observed: number;
  expected: number;
  confidence: Confidence;
  refValue?: number;
}): IndirectlyStandardisedResult {
  const fn = "standardisedRatioInterval";
  const { observed, expected, confidence, refValue = 100 } = args;
  assertConfidence(fn, confidence);
  assertNonNegative(fn, "observed", observed);
  assertPositive(fn, "expected", expected);
  assertMultiplier(fn, refValue);
  const limits = poissonCountInterval({ observed, confidence });
  const factor = refValue / expected;
  return {
    value: observed * factor,
    lower: limits.lower === null ? null : limits.lower * factor,
    upper: limits.upper === null ? null : limits.upper * factor,
    observed,
    expected,
    method: limits.method,
  };
}

function expectedEvents(
  fn: string,
  rows: readonly IndirectStandardisationRow[],
): { observed: number; expected: number; referenceEvents: number; referencePopulation: number } {
  if (!Array.isArray(rows as unknown) || rows.length === 0) {
    throw new Error(`${fn}: rows must be a non-empty array of age bands`);
  }
  let observed = 0;
  let expected = 0;
  let referenceEvents = 0;
  let referencePopulation = 0;
  rows.forEach((row, i) => {
    assertNonNegative(fn, `rows[${i}].denominator`, row.denominator);
    assertPositive(fn, `rows[${i}].referenceDenominator`, row.referenceDenominator);
    const referenceNumerator = row.referenceNumerator ?? 0;
    assertNonNegative(fn, `rows[${i}].referenceNumerator`, referenceNumerator);
    if (!isMissing(row.numerator)) {
      assertNonNegative(fn, `rows[${i}].numerator`, row.numerator);
      observed += row.numerator;
    }
    expected += (row.denominator * referenceNumerator) / row.referenceDenominator;
    referenceEvents += referenceNumerator;
    referencePopulation += row.referenceDenominator;
  });
  return { observed, expected, referenceEvents, referencePopulation };
}

/**
 * Indirectly standardised ratio: O / E × refValue, with E = Σ n_i X_i / N_i.
 *
 * `refValue` defaults to 100 (an SMR, as in the spec's worked example, "SMR = 90.3522"); pass 1
 * for a plain ratio (PHEindicatormethods' own default). `observed` may be given as a total when
 * events are not available by band; otherwise it is the sum of the rows' numerators.
 * Throws when E = 0 (no area population in any band with reference events), because the ratio
 * is undefined rather than missing.
 */
export function indirectlyStandardisedRatio(args: {
  rows: readonly IndirectStandardisationRow[];
  confidence: Confidence;
  observed?: number;
  refValue?: number;
}): IndirectlyStandardisedResult {
  const fn = "indirectlyStandardisedRatio";
  assertConfidence(fn, args.confidence);
  const totals = expectedEvents(fn, args.rows);
  const observed = isMissing(args.observed) ? totals.observed : args.observed;
  assertNonNegative(fn, "observed", observed);
  if (totals.expected <= 0) throw new Error(`${fn}: expected events (${totals.expected}) must be greater than 0`);
  return standardisedRatioInterval({
    observed,
    expected: totals.expected,
    confidence: args.confidence,
    refValue: args.refValue ?? 100,
  });
}

/**
 * Indirectly standardised rate: O / E × (ΣX / ΣN) × multiplier, limits from O_L and O_U.
 * `multiplier` defaults to 100,000 (spec §0). `referenceRate` (events per person) overrides
 * ΣX / ΣN when the reference rate comes from elsewhere.
 */
export function indirectlyStandardisedRate(args: {
  rows: readonly IndirectStandardisationRow[];
  confidence: Confidence;
  observed?: number;
  multiplier?: number;
  referenceRate?: number;
}): IndirectlyStandardisedResult {
  const fn = "indirectlyStandardisedRate";
  const { confidence, multiplier = 100_000 } = args;
  assertConfidence(fn, confidence);
  assertMultiplier(fn, multiplier);
  const totals = expectedEvents(fn, args.rows);
  const observed = isMissing(args.observed) ? totals.observed : args.observed;
  assertNonNegative(fn, "observed", observed);
  if (totals.expected <= 0) throw new Error(`${fn}: expected events (${totals.expected}) must be greater than 0`);
  const referenceRate = isMissing(args.referenceRate)
    ? totals.referenceEvents / totals.referencePopulation
    : args.referenceRate;
  assertNonNegative(fn, "referenceRate", referenceRate);
  return standardisedRatioInterval({
    observed,
    expected: totals.expected,
    confidence,
    refValue: referenceRate * multiplier,
  });
}
