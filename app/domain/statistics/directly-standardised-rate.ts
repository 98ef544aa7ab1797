/**
 * Directly standardised rates (DSR) with Dobson confidence limits (spec §3; PHEindicatormethods
 * `calculate_dsr`; Dobson et al. 1991).
 */
import { byarInterval } from "./counts-and-rates";
import type { Confidence, Interval } from "./types";
import {
  assertConfidence,
  assertFinite,
  assertMultiplier,
  assertNonNegative,
  assertPositive,
  isMissing,
} from "./validation";

/** DSRs with fewer total events than this are not calculated (spec §3, [PIM]). */
export const DSR_MINIMUM_EVENTS = 10;

/** The label PHEindicatormethods gives a suppressed DSR. */
export const DSR_SUPPRESSION_REASON = "dsr NA for total count < 10";

/** People in an age band who had exactly `frequency` events (for non-independent events). */
export type EventFrequency = { frequency: number; persons: number };

/** One age band of a DSR calculation. */
export type DsrRow = {
  /** Events in the band; missing counts as 0 (spec §3). */
  numerator?: number | null;
  /** Population in the band; must be > 0. */
  denominator: number;
  /** Standard population weight for the band (e.g. from ESP2013); must be ≥ 0. */
  standardPopulation: number;
  /**
   * Optional split of the band's events by how many events each person had, for the
   * "Dobson, with confidence adjusted for non-independent events" method. When given, the
   * band's events are Σ f × persons and must agree with `numerator` if that is also given.
   */
  eventFrequencies?: readonly EventFrequency[];
};

/** Full DSR result, including the intermediate figures shown in the spec's worked examples. */
export type DsrDetail = Interval & {
  /** Total observed events O. */
  observed: number;
  /** Total population. */
  population: number;
  /** DSR variance on the per-person scale (before the multiplier); null when suppressed. */
  variance: number | null;
  /** True when O < 10, so value and limits are null. */
  suppressed: boolean;
  /** Why the value is missing, when it is. */
  suppressionReason: string | null;
};

/**
 * Dobson limits given the DSR on the per-person scale, its variance and the total events O:
 * DSR + sqrt(var / O) × (O_L − O) and DSR + sqrt(var / O) × (O_U − O), with Byar's O_L and O_U.
 * Returned on the per-person scale; multiply for display.
 */
export function dobsonInterval(args: {
  observed: number;
  rate: number;
  variance: number;
  confidence: Confidence;
}): { lower: number | null; upper: number | null } {
  const fn = "dobsonInterval";
  const { observed, rate, variance, confidence } = args;
  assertConfidence(fn, confidence);
  assertPositive(fn, "observed", observed);
  assertFinite(fn, "rate", rate);
  assertNonNegative(fn, "variance", variance);
  // Always Byar's: DSRs are suppressed below 10 events, where the exact method would apply.
  const counts = byarInterval({ observed, confidence });
  const factor = Math.sqrt(variance / observed);
  return {
    lower: counts.lower === null ? null : rate + factor * (counts.lower - observed),
    upper: counts.upper === null ? null : rate + factor * (counts.upper - observed),
  };
}

function validateRows(fn: string, rows: readonly DsrRow[]): void {
  if (!Array.isArray(rows as unknown) || rows.length === 0) {
    throw new Error(`${fn}: rows must be a non-empty array of age bands`);
  }
  rows.forEach((row, i) => {
    if (isMissing(row.denominator)) throw new Error(`${fn}: rows[${i}].denominator is missing`);
    assertPositive(fn, `rows[${i}].denominator`, row.denominator);
    if (isMissing(row.standardPopulation)) {
      throw new Error(`${fn}: rows[${i}].standardPopulation is missing`);
    }
    assertNonNegative(fn, `rows[${i}].standardPopulation`, row.standardPopulation);
    if (!isMissing(row.numerator)) assertNonNegative(fn, `rows[${i}].numerator`, row.numerator);
    row.eventFrequencies?.forEach((group, j) => {
      assertPositive(fn, `rows[${i}].eventFrequencies[${j}].frequency`, group.frequency);
      assertNonNegative(fn, `rows[${i}].eventFrequencies[${j}].persons`, group.persons);
    });
  });
}

function bandEvents(fn: string, row: DsrRow, i: number): number {
  if (!row.eventFrequencies) return row.numerator ?? 0;
  const total = row.eventFrequencies.reduce((sum, g) => sum + g.frequency * g.persons, 0);
  if (!isMissing(row.numerator) && Math.abs(row.numerator - total) > 1e-9 * Math.max(1, total)) {
    throw new Error(
      `${fn}: rows[${i}].numerator (${row.numerator}) does not equal the events in eventFrequencies (${total})`,
    );
  }
  return total;
}

/**
 * A DSR with Dobson limits and the intermediate figures (observed events, variance, whether it
 * was suppressed). `multiplier` defaults to 100,000 (spec §0).
 *
 * DSR = Σ(x_i w_i / n_i) / Σw_i; var = Σ(x_i w_i² / n_i²) / (Σw_i)². With `eventFrequencies`
 * the variance is Σ_f f² var_f, where var_f uses the persons with exactly f events.
 */
export function directlyStandardisedRateDetail(args: {
  rows: readonly DsrRow[];
  confidence: Confidence;
  multiplier?: number;
}): DsrDetail {
  const fn = "directlyStandardisedRate";
  const { rows, confidence, multiplier = 100_000 } = args;
  assertConfidence(fn, confidence);
  assertMultiplier(fn, multiplier);
  validateRows(fn, rows);
  const totalWeight = rows.reduce((sum, row) => sum + row.standardPopulation, 0);
  if (totalWeight <= 0) throw new Error(`${fn}: the standard populations sum to 0`);

  let observed = 0;
  let population = 0;
  let weightedRate = 0;
  let weightedVariance = 0;
  rows.forEach((row, i) => {
    const events = bandEvents(fn, row, i);
    const n = row.denominator;
    const w = row.standardPopulation;
    observed += events;
    population += n;
    weightedRate += (events * w) / n;
    if (row.eventFrequencies) {
      for (const { frequency, persons } of row.eventFrequencies) {
        weightedVariance += frequency * frequency * ((persons * w * w) / (n * n));
      }
    } else {
      weightedVariance += (events * w * w) / (n * n);
    }
  });

  if (observed < DSR_MINIMUM_EVENTS) {
    return {
      value: null,
      lower: null,
      upper: null,
      observed,
      population,
      variance: null,
      suppressed: true,
      suppressionReason: DSR_SUPPRESSION_REASON,
    };
  }
  const rate = weightedRate / totalWeight;
  const variance = weightedVariance / (totalWeight * totalWeight);
  const { lower, upper } = dobsonInterval({ observed, rate, variance, confidence });
  return {
    value: rate * multiplier,
    lower: lower === null ? null : lower * multiplier,
    upper: upper === null ? null : upper * multiplier,
    observed,
    population,
    variance,
    suppressed: false,
    suppressionReason: null,
  };
}

/**
 * A directly standardised rate with Dobson limits (spec §3). Value and limits are `null` when
 * the total events are below 10 (reliability suppression; the area is then "not compared").
 * Use {@link ESP2013} / `withEsp2013` for the standard population. Multiplier defaults to 100,000.
 */
export function directlyStandardisedRate(args: {
  rows: readonly DsrRow[];
  confidence: Confidence;
  multiplier?: number;
}): Interval {
  const { value, lower, upper } = directlyStandardisedRateDetail(args);
  return { value, lower, upper };
}
