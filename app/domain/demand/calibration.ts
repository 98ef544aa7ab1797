/**
 * Calibration: observed activity against the model's expectation, per neighbourhood
 * (domain.md §3.6 "calibrate to observed referrals"), as an observed ÷ expected ratio
 * on a funnel plot.
 *
 * Method:
 * - expected = the model's central expected clients (or referrals) × the length of
 *   the observation period in years; observed counts are not rescaled, so they
 *   stay whole numbers for the Poisson limits;
 * - the funnel is centred on the overall ratio Σ observed ÷ Σ expected by default,
 *   so it flags neighbourhoods that differ from the rest once any global scale
 *   error in the model is allowed for; centre "one" tests against the model as is.
 *   The overall ratio and its interval say whether the model is off everywhere;
 * - control limits are exact Poisson quantiles with Spiegelhalter's interpolation
 *   at two-sided 95% (0.025/0.975) and 99.8% (0.001/0.999);
 * - each ratio also gets a 95% interval by Byar's approximation.
 * Observed clients cannot exceed what services can see, so a neighbourhood whose
 * capacity is below its expected clients is flagged: a low ratio there may be
 * supply, not a model error.
 */
import { byarRatioInterval, poissonControlLimit } from "./funnel-statistics";
import type { DemandModelResult } from "./model";

export interface ObservedActivity {
  code: string;
  /** Count of clients (or referrals) in the observation period; a whole number. */
  observed: number;
}

export interface CalibrationOptions {
  /** Which model step the observed counts correspond to; default "clients". */
  measure?: "clients" | "referrals";
  /** Length of the observation period in years; default 1. */
  periodYears?: number;
  /** Funnel centre: the overall observed ÷ expected ratio (default) or 1. */
  centre?: "overall" | "one";
  /** Number of points along each funnel curve for charting; default 60. */
  funnelPoints?: number;
}

export type FunnelPosition = "above-99.8" | "above-95" | "within" | "below-95" | "below-99.8" | "no-expected";

export interface FunnelLimits {
  lower998: number;
  lower95: number;
  upper95: number;
  upper998: number;
}

export interface CalibrationRow {
  code: string;
  name: string;
  observed: number;
  expected: number;
  /** observed ÷ expected; null when nothing is expected. */
  ratio: number | null;
  ratioInterval95: { lower: number; upper: number } | null;
  /** Funnel limits (as ratios) at this neighbourhood's expected count. */
  limits: FunnelLimits | null;
  position: FunnelPosition;
  capacityClients: number;
  /** Capacity over the period is below the expected count: observed may be capped by supply. */
  capacityLimited: boolean;
  /** 1–7: apply small-number suppression before display (domain.md §5); computed on the raw count. */
  smallCount: boolean;
}

export interface CalibrationResult {
  measure: "clients" | "referrals";
  periodYears: number;
  centre: number;
  centreBasis: "overall" | "one";
  overall: {
    observed: number;
    expected: number;
    ratio: number | null;
    ratioInterval95: { lower: number; upper: number } | null;
  };
  rows: CalibrationRow[];
  /** Curves for the chart, by expected count (x) with limits as ratios (y). */
  funnel: ({ expected: number } & FunnelLimits)[];
  /** Observed codes not found in the model result. */
  unmatched: string[];
  /** Model neighbourhoods with no observed figure (left out, not treated as zero). */
  missing: string[];
  method: string;
}

export const CALIBRATION_METHOD =
  "Observed ÷ expected per neighbourhood. Funnel limits are exact Poisson quantiles with Spiegelhalter's " +
  "interpolation, two-sided 95% and 99.8%, around the overall ratio (or 1); ratio intervals use Byar's method.";

export class CalibrationInputError extends Error {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(`Calibration input is invalid:\n- ${issues.join("\n- ")}`);
    this.name = "CalibrationInputError";
    this.issues = issues;
  }
}

export function funnelLimits(expected: number, centre: number): FunnelLimits | null {
  if (!(expected > 0) || !(centre > 0)) return null;
  const mean = expected * centre;
  return {
    lower998: poissonControlLimit(0.001, mean) / expected,
    lower95: poissonControlLimit(0.025, mean) / expected,
    upper95: poissonControlLimit(0.975, mean) / expected,
    upper998: poissonControlLimit(0.999, mean) / expected,
  };
}

function positionOf(ratio: number, limits: FunnelLimits): FunnelPosition {
  if (ratio > limits.upper998) return "above-99.8";
  if (ratio > limits.upper95) return "above-95";
  if (ratio < limits.lower998) return "below-99.8";
  if (ratio < limits.lower95) return "below-95";
  return "within";
}

export function calibrateAgainstObserved(
  result: DemandModelResult,
  observed: ObservedActivity[],
  options: CalibrationOptions = {},
): CalibrationResult {
  const measure = options.measure ?? "clients";
  const periodYears = options.periodYears ?? 1;
  const centreBasis = options.centre ?? "overall";
  const funnelPoints = options.funnelPoints ?? 60;

  const issues: string[] = [];
  if (!(periodYears > 0 && Number.isFinite(periodYears)))
    issues.push(`Period must be a positive number of years; got ${periodYears}.`);
  const seen = new Set<string>();
  for (const o of observed) {
    if (seen.has(o.code)) issues.push(`Neighbourhood ${o.code} has more than one observed figure.`);
    seen.add(o.code);
    if (!(Number.isInteger(o.observed) && o.observed >= 0)) {
      issues.push(`Neighbourhood ${o.code}: observed count must be a whole number, zero or more; got ${o.observed}.`);
    }
  }
  if (issues.length > 0) throw new CalibrationInputError(issues);

  const byCode = new Map(result.neighbourhoods.map((n) => [n.code, n]));
  const observedByCode = new Map(observed.map((o) => [o.code, o.observed]));
  const unmatched = observed.filter((o) => !byCode.has(o.code)).map((o) => o.code);
  const missing = result.neighbourhoods.filter((n) => !observedByCode.has(n.code)).map((n) => n.code);

  const matched = result.neighbourhoods
    .filter((n) => observedByCode.has(n.code))
    .map((n) => {
      const m = measure === "clients" ? n.measures.expectedClients : n.measures.expectedReferrals;
      return {
        n,
        observed: observedByCode.get(n.code)!,
        expected: m.central * periodYears,
        capacity: n.measures.capacityClients.central * periodYears,
      };
    });

  const totalObserved = matched.reduce((s, r) => s + r.observed, 0);
  const totalExpected = matched.reduce((s, r) => s + r.expected, 0);
  const overallRatio = totalExpected > 0 ? totalObserved / totalExpected : null;
  // With nothing observed anywhere the overall ratio is 0 and a funnel around 0 is
  // meaningless, so fall back to 1.
  const centre = centreBasis === "one" || overallRatio === null || overallRatio === 0 ? 1 : overallRatio;

  const rows: CalibrationRow[] = matched.map(({ n, observed: o, expected: e, capacity }) => {
    const limits = funnelLimits(e, centre);
    const ratio = e > 0 ? o / e : null;
    return {
      code: n.code,
      name: n.name,
      observed: o,
      expected: e,
      ratio,
      ratioInterval95: e > 0 ? byarRatioInterval(o, e) : null,
      limits,
      position: ratio === null || limits === null ? "no-expected" : positionOf(ratio, limits),
      capacityClients: capacity,
      capacityLimited: measure === "clients" && capacity < e,
      smallCount: o >= 1 && o <= 7,
    };
  });

  const positive = rows.map((r) => r.expected).filter((e) => e > 0);
  const funnel: CalibrationResult["funnel"] = [];
  if (positive.length > 0) {
    // Log-spaced from half the smallest to double the largest expected count, so the
    // curves span every plotted point.
    const from = Math.max(Math.min(...positive) / 2, 0.5);
    const to = Math.max(...positive) * 2;
    for (let i = 0; i < funnelPoints; i++) {
      const expected = from * Math.pow(to / from, funnelPoints === 1 ? 0 : i / (funnelPoints - 1));
      funnel.push({ expected, ...funnelLimits(expected, centre)! });
    }
  }

  return {
    measure,
    periodYears,
    centre,
    centreBasis,
    overall: {
      observed: totalObserved,
      expected: totalExpected,
      ratio: overallRatio,
      ratioInterval95: totalExpected > 0 ? byarRatioInterval(totalObserved, totalExpected) : null,
    },
    rows,
    funnel,
    unmatched,
    missing,
    method: CALIBRATION_METHOD,
  };
}
