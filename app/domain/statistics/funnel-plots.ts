/**
 * Funnel plots: control limits, significance and plotted limit lines (spec §10;
 * PHEindicatormethods Funnels.R; Spiegelhalter 2005).
 *
 * Control limits are at 95% ("2s", tail 0.025) and 99.8% ("3s", tail 0.001). The 0.001 tests
 * are applied before the 0.025 tests, so an area outside both is labelled at 0.001.
 */
import { poissonCountInterval } from "./counts-and-rates";
import { roundHalfEven } from "./rounding";
import { chiSquareQuantile } from "./special-functions";
import {
  Z_95,
  Z_998,
  assertFinite,
  assertMultiplier,
  assertNonNegative,
  assertPositive,
  isMissing,
} from "./validation";

/** Funnel-plot significance labels, exactly as PHEindicatormethods writes them. */
export type FunnelSignificance =
  | "High (0.001)"
  | "High (0.025)"
  | "Low (0.001)"
  | "Low (0.025)"
  | "Not significant"
  | "Not applicable for events less than 10 for dsrs";

/** Limits at 95% (tail 0.025) and 99.8% (tail 0.001). */
export type FunnelLimits = { lower95: number; upper95: number; lower998: number; upper998: number };

/** One-sided tail probability of a funnel limit: 0.025 (95%) or 0.001 (99.8%). */
export type FunnelTail = 0.025 | 0.001;

/** Rate type for rate funnels: DSRs and crude rates derive their denominators differently. */
export type FunnelRateType = "dsr" | "crude";

// ---------------------------------------------------------------------------------------------
// §10.1 Proportions
// ---------------------------------------------------------------------------------------------

/** Funnel baseline for proportions, p0 = Σx / Σn over all plotted areas, on the 0–1 scale. */
export function funnelProportionBaseline(
  rows: readonly { numerator: number; denominator: number }[],
): number {
  const fn = "funnelProportionBaseline";
  if (!Array.isArray(rows as unknown) || rows.length === 0) throw new Error(`${fn}: rows must be a non-empty array`);
  let x = 0;
  let n = 0;
  rows.forEach((row, i) => {
    assertNonNegative(fn, `rows[${i}].numerator`, row.numerator);
    assertPositive(fn, `rows[${i}].denominator`, row.denominator);
    if (row.numerator > row.denominator) {
      throw new Error(
        `${fn}: rows[${i}].numerator (${row.numerator}) is greater than rows[${i}].denominator (${row.denominator})`,
      );
    }
    x += row.numerator;
    n += row.denominator;
  });
  return x / n;
}

function checkBaselineProportion(fn: string, baseline: number): void {
  assertFinite(fn, "baseline", baseline);
  if (baseline < 0 || baseline > 1) throw new Error(`${fn}: baseline (${baseline}) must be a proportion between 0 and 1`);
}

function proportionLimit(baseline: number, denominator: number, z: number): number {
  return z * Math.sqrt((baseline * (1 - baseline)) / denominator);
}

/**
 * Proportion funnel limits at `denominator`: p0 ± z·sqrt(p0(1 − p0)/N), multiplied and then
 * truncated to [0, 100] (after multiplying, so the cap of 100 only bites for percentages —
 * as PHEindicatormethods does). `baseline` is p0 on the 0–1 scale; `multiplier` defaults to 100.
 * PHEindicatormethods writes this as a quadratic ("sigma_adjustment") that reduces to it.
 */
export function funnelProportionLimits(args: {
  baseline: number;
  denominator: number;
  multiplier?: number;
}): FunnelLimits {
  const fn = "funnelProportionLimits";
  const { baseline, denominator, multiplier = 100 } = args;
  checkBaselineProportion(fn, baseline);
  assertPositive(fn, "denominator", denominator);
  assertMultiplier(fn, multiplier);
  const at = (z: number, sign: 1 | -1) =>
    Math.min(100, Math.max(0, (baseline + sign * proportionLimit(baseline, denominator, z)) * multiplier));
  return { lower95: at(Z_95, -1), upper95: at(Z_95, 1), lower998: at(Z_998, -1), upper998: at(Z_998, 1) };
}

/**
 * Significance of one area on a proportion funnel: x/n against the limits at its own n
 * (unmultiplied, so the display cap plays no part).
 */
export function funnelProportionSignificance(args: {
  numerator: number;
  denominator: number;
  baseline: number;
}): FunnelSignificance {
  const fn = "funnelProportionSignificance";
  const { numerator, denominator, baseline } = args;
  assertNonNegative(fn, "numerator", numerator);
  assertPositive(fn, "denominator", denominator);
  if (numerator > denominator) throw new Error(`${fn}: numerator (${numerator}) is greater than denominator (${denominator})`);
  checkBaselineProportion(fn, baseline);
  const p = numerator / denominator;
  const half95 = proportionLimit(baseline, denominator, Z_95);
  const half998 = proportionLimit(baseline, denominator, Z_998);
  if (p < baseline - half998) return "Low (0.001)";
  if (p < baseline - half95) return "Low (0.025)";
  if (p > baseline + half998) return "High (0.001)";
  if (p > baseline + half95) return "High (0.025)";
  return "Not significant";
}

// ---------------------------------------------------------------------------------------------
// §10.2 Ratios and §10.3 rates: significance from the §2 count limits
// ---------------------------------------------------------------------------------------------

/**
 * Significance from count limits on O against a baseline per unit of `exposure`:
 * High when O_L / exposure > baseline, Low when O_U / exposure < baseline (exact χ² limits
 * when O < 10, Byar's when O ≥ 10; O = 0 has lower limit 0).
 */
function countSignificance(observed: number, exposure: number, baseline: number): FunnelSignificance {
  const at998 = poissonCountInterval({ observed, confidence: 0.998 });
  const at95 = poissonCountInterval({ observed, confidence: 0.95 });
  const lower998 = (at998.lower ?? 0) / exposure;
  const lower95 = (at95.lower ?? 0) / exposure;
  if (lower998 > baseline) return "High (0.001)";
  if (lower95 > baseline) return "High (0.025)";
  if (at998.upper !== null && at998.upper / exposure < baseline) return "Low (0.001)";
  if (at95.upper !== null && at95.upper / exposure < baseline) return "Low (0.025)";
  return "Not significant";
}

/** Significance of an observed/expected ratio on a ratio funnel (baseline ratio 1). */
export function funnelRatioSignificance(args: { observed: number; expected: number }): FunnelSignificance {
  const fn = "funnelRatioSignificance";
  assertNonNegative(fn, "observed", args.observed);
  assertPositive(fn, "expected", args.expected);
  return countSignificance(args.observed, args.expected, 1);
}

/**
 * The derived denominator for a rate funnel, D = multiplier × events / rate (§10.3).
 * With zero events a DSR's D is excluded (null) and a crude rate uses the supplied population.
 */
export function funnelRateDerivedDenominator(args: {
  events: number;
  rate: number | null | undefined;
  rateType: FunnelRateType;
  multiplier: number;
  population?: number | null;
}): number | null {
  const fn = "funnelRateDerivedDenominator";
  const { events, rate, rateType, multiplier, population } = args;
  assertNonNegative(fn, "events", events);
  assertMultiplier(fn, multiplier);
  if (rateType !== "dsr" && rateType !== "crude") {
    throw new Error(`${fn}: rateType (${JSON.stringify(rateType)}) must be "dsr" or "crude"`);
  }
  if (events === 0) {
    if (rateType === "dsr") return null;
    if (isMissing(population)) {
      throw new Error(`${fn}: population is required for a crude rate with 0 events`);
    }
    assertPositive(fn, "population", population);
    return population;
  }
  assertPositive(fn, "rate", rate);
  return (multiplier * events) / rate;
}

/** Rate funnel baseline av = Σ events / Σ D over the rows whose D is not null (per person). */
export function funnelRateBaseline(
  rows: readonly { events: number; derivedDenominator: number | null }[],
): number {
  const fn = "funnelRateBaseline";
  if (!Array.isArray(rows as unknown) || rows.length === 0) throw new Error(`${fn}: rows must be a non-empty array`);
  let events = 0;
  let denominator = 0;
  rows.forEach((row, i) => {
    assertNonNegative(fn, `rows[${i}].events`, row.events);
    events += row.events;
    if (!isMissing(row.derivedDenominator)) {
      assertPositive(fn, `rows[${i}].derivedDenominator`, row.derivedDenominator);
      denominator += row.derivedDenominator;
    }
  });
  if (denominator <= 0) throw new Error(`${fn}: no row has a derived denominator`);
  return events / denominator;
}

/**
 * Significance of one area on a rate funnel: O_L/D and O_U/D against the baseline av (both per
 * person). DSRs with fewer than 10 events are "Not applicable for events less than 10 for dsrs".
 */
export function funnelRateSignificance(args: {
  events: number;
  derivedDenominator: number | null;
  baseline: number;
  rateType: FunnelRateType;
}): FunnelSignificance {
  const fn = "funnelRateSignificance";
  const { events, derivedDenominator, baseline, rateType } = args;
  assertNonNegative(fn, "events", events);
  assertNonNegative(fn, "baseline", baseline);
  if (rateType !== "dsr" && rateType !== "crude") {
    throw new Error(`${fn}: rateType (${JSON.stringify(rateType)}) must be "dsr" or "crude"`);
  }
  if (rateType === "dsr" && events < 10) return "Not applicable for events less than 10 for dsrs";
  if (isMissing(derivedDenominator)) throw new Error(`${fn}: derivedDenominator is missing`);
  assertPositive(fn, "derivedDenominator", derivedDenominator);
  return countSignificance(events, derivedDenominator, baseline);
}

// ---------------------------------------------------------------------------------------------
// §10.4 Plotted limit lines for rates and ratios
// ---------------------------------------------------------------------------------------------

/**
 * L(O, p) = χ²_p(2O)/2 and U(O, p) = χ²_{1−p}(2O+2)/2: the Poisson means whose tail beyond O
 * is p. PHEindicatormethods finds these by bisection (to ~5e-5 relative at the smallest counts);
 * the closed forms here are exact, which the spec allows (§10.4).
 */
export function poissonFunnelCounts(observed: number, tail: FunnelTail): { lower: number; upper: number } {
  const fn = "poissonFunnelCounts";
  assertNonNegative(fn, "observed", observed);
  if (tail !== 0.025 && tail !== 0.001) throw new Error(`${fn}: tail (${tail}) must be 0.025 or 0.001`);
  return {
    lower: chiSquareQuantile(tail, 2 * observed) / 2,
    upper: chiSquareQuantile(1 - tail, 2 * observed + 2) / 2,
  };
}

/** A point on a rate limit line: the rate, and the (per-year) population at which it applies. */
export type RateLimitPoint = { rate: number | null; population: number };

/** The four rate limit lines at one event count. */
export type RateLimitLines = {
  events: number;
  lower95: RateLimitPoint;
  upper95: RateLimitPoint;
  lower998: RateLimitPoint;
  upper998: RateLimitPoint;
  baseline: number;
};

/**
 * Rate funnel lines at `events` = O (§10.4): the lower-limit rate sits at P_low = U(O,p)/av and
 * the upper-limit rate at P_up = L(O,p)/av, each rate = O/P × multiplier. Populations are then
 * divided by `yearsOfData` for plotting against annual population. `baseline` is av per person.
 * At O = 0 the upper line is undefined (0/0) and is null.
 */
export function funnelRateLimitLines(args: {
  events: number;
  baseline: number;
  multiplier: number;
  yearsOfData?: number;
}): RateLimitLines {
  const fn = "funnelRateLimitLines";
  const { events, baseline, multiplier, yearsOfData = 1 } = args;
  assertNonNegative(fn, "events", events);
  assertPositive(fn, "baseline", baseline);
  assertMultiplier(fn, multiplier);
  assertPositive(fn, "yearsOfData", yearsOfData);
  const point = (expectedAtLimit: number): RateLimitPoint => {
    const population = expectedAtLimit / baseline;
    return {
      rate: population > 0 ? (events / population) * multiplier : events === 0 ? 0 : null,
      population: population / yearsOfData,
    };
  };
  const c95 = poissonFunnelCounts(events, 0.025);
  const c998 = poissonFunnelCounts(events, 0.001);
  const upperPoint = (lowerCount: number): RateLimitPoint =>
    lowerCount > 0 ? point(lowerCount) : { rate: null, population: 0 };
  return {
    events,
    lower95: point(c95.upper),
    upper95: upperPoint(c95.lower),
    lower998: point(c998.upper),
    upper998: upperPoint(c998.lower),
    baseline: baseline * multiplier,
  };
}

/** How ratio limits are shown: ratio − 1 ("count") or ratio × 100 ("isr"). */
export type FunnelRatioType = "count" | "isr";

/** The four ratio limit lines at one observed count (null where undefined). */
export type RatioLimitLines = {
  observed: number;
  lower95: number | null;
  upper95: number | null;
  lower998: number | null;
  upper998: number | null;
};

/**
 * Ratio funnel lines at observed count O: lower = O/U(O,p), upper = O/L(O,p), shown as
 * ratio − 1 for "count" or ratio × 100 for "isr" (§10.4). At O = 0 the upper line is undefined.
 */
export function funnelRatioLimitLines(args: { observed: number; ratioType: FunnelRatioType }): RatioLimitLines {
  const fn = "funnelRatioLimitLines";
  const { observed, ratioType } = args;
  assertNonNegative(fn, "observed", observed);
  if (ratioType !== "count" && ratioType !== "isr") {
    throw new Error(`${fn}: ratioType (${JSON.stringify(ratioType)}) must be "count" or "isr"`);
  }
  const show = (ratio: number | null) =>
    ratio === null ? null : ratioType === "count" ? ratio - 1 : ratio * 100;
  const ratio = (expected: number) => (expected > 0 ? observed / expected : null);
  const c95 = poissonFunnelCounts(observed, 0.025);
  const c998 = poissonFunnelCounts(observed, 0.001);
  return {
    observed,
    lower95: show(ratio(c95.upper)),
    upper95: show(ratio(c95.lower)),
    lower998: show(ratio(c998.upper)),
    upper998: show(ratio(c998.lower)),
  };
}

// ---------------------------------------------------------------------------------------------
// §10.5 Axis points
// ---------------------------------------------------------------------------------------------

function digitCount(integer: number): number {
  return String(Math.abs(integer)).length;
}

/** Round down for a neat axis start: floor(0.95x / 10^k)·10^k, k = digits(floor(0.95x)) − 1. */
export function signifFloor(x: number): number {
  assertNonNegative("signifFloor", "x", x);
  if (x === 0) return 0;
  const k = digitCount(Math.floor(x * 0.95)) - 1;
  return Math.floor((x * 0.95) / 10 ** k) * 10 ** k;
}

/** Round up for a neat axis end: ceil(1.05x / 10^k)·10^k, k = digits(ceil(1.05x)) − 2. */
export function signifCeiling(x: number): number {
  assertNonNegative("signifCeiling", "x", x);
  if (x === 0) return 0;
  const k = digitCount(Math.ceil(x * 1.05)) - 2;
  // For single-digit values k = -1; dividing by 10 rather than multiplying by 0.1 keeps the
  // axis end a clean decimal (5.3, not 5.300000000000001).
  if (k < 0) return Math.ceil(x * 1.05 * 10 ** -k) / 10 ** -k;
  return Math.ceil((x * 1.05) / 10 ** k) * 10 ** k;
}

/** Which kind of funnel the axis is for. */
export type FunnelStatistic = "proportion" | "ratio" | "rate";

/**
 * The 100 x-axis points at which funnel lines are drawn (§10.5), spaced geometrically so
 * they are closer together for small denominators.
 *
 * `denominators` are the plotted denominators (populations for proportions, expected counts
 * for ratios, derived denominators D for rates; nulls ignored). For rates, `yearsOfData` and
 * `baseline` (av per person) are required and the points are event counts.
 */
export function funnelAxisPoints(args: {
  statistic: FunnelStatistic;
  denominators: readonly (number | null | undefined)[];
  yearsOfData?: number;
  baseline?: number;
}): number[] {
  const fn = "funnelAxisPoints";
  const { statistic } = args;
  if (statistic !== "proportion" && statistic !== "ratio" && statistic !== "rate") {
    throw new Error(`${fn}: statistic (${JSON.stringify(statistic)}) must be proportion, ratio or rate`);
  }
  const present: number[] = [];
  args.denominators.forEach((d, i) => {
    if (isMissing(d)) return;
    assertPositive(fn, `denominators[${i}]`, d);
    present.push(d);
  });
  if (present.length === 0) throw new Error(`${fn}: denominators has no values`);
  const min = Math.min(...present);
  const max = Math.max(...present);
  let years = 1;
  let baseline = 0;
  if (statistic === "rate") {
    if (isMissing(args.yearsOfData)) throw new Error(`${fn}: yearsOfData is required for rates`);
    assertPositive(fn, "yearsOfData", args.yearsOfData);
    if (isMissing(args.baseline)) throw new Error(`${fn}: baseline is required for rates`);
    assertPositive(fn, "baseline", args.baseline);
    years = args.yearsOfData;
    baseline = args.baseline;
  }
  let axisMin = max > 2 * min ? 0 : signifFloor(min / years) * years;
  let axisMax = signifCeiling(max / years) * years;
  if (statistic === "rate") {
    axisMin = Math.floor(axisMin * baseline);
    axisMax = Math.ceil(axisMax * baseline);
  }
  const points = [Math.max(1, axisMin)];
  for (let j = 2; j <= 100; j++) {
    const offset = statistic === "ratio" ? j - 1 : j;
    const previous = points[j - 2];
    points.push(
      Math.max(roundHalfEven(Math.pow(axisMax / previous, 1 / (101 - offset)) * previous), previous + 1),
    );
  }
  return points;
}
