/**
 * Comparing an area with a benchmark (England, the parent region, …) — spec §8.
 *
 * The direction is first worked out neutrally (higher / similar / lower) and then mapped by
 * the indicator's polarity (§8.1), so the statistical rule and the colour vocabulary stay
 * independent.
 */
import { chiSquareQuantile } from "./special-functions";
import type { Confidence, Polarity } from "./types";
import {
  TAIL_PROBABILITY,
  assertConfidence,
  assertFinite,
  assertMultiplier,
  assertPolarity,
  isMissing,
  zForConfidence,
} from "./validation";

/**
 * The comparison methods. 'ci-95' and 'ci-99.8' are "CI overlapping reference value (95.0)" and
 * "(99.8)"; 'ci-two-level' is legacy method 17 (RAG5); 'no-comparison' is the indicator setting
 * "No comparison", which always gives "not compared" (§8.3 rule 1).
 */
export type ComparisonMethod = "ci-95" | "ci-99.8" | "ci-two-level" | "no-comparison";

/** Neutral direction of an area relative to its benchmark. */
export type ComparisonDirection = "higher" | "similar" | "lower";

/** Polarity-mapped outcome. 'better'/'worse' for RAG polarities, 'higher'/'lower' otherwise. */
export type BenchmarkOutcome = "better" | "similar" | "worse" | "higher" | "lower" | "not-compared";

/** The confidence level (per cent) at which a difference is significant. */
export type SignificanceLevel = 95 | 99.8;

/**
 * Result of a benchmark comparison. `level` is present only for a significant difference
 * ('better', 'worse', 'higher', 'lower'): the level at which it is significant. In the two-level
 * method level 99.8 is Fingertips' "Best"/"Worst" (or "Highest"/"Lowest").
 */
export type BenchmarkComparison = { outcome: BenchmarkOutcome; level?: SignificanceLevel };

/** The area's value and whichever confidence limits it has. */
export type AreaValueWithLimits = {
  value: number | null | undefined;
  lower95?: number | null;
  upper95?: number | null;
  lower998?: number | null;
  upper998?: number | null;
};

const METHODS: readonly ComparisonMethod[] = ["ci-95", "ci-99.8", "ci-two-level", "no-comparison"];
function notCompared(): BenchmarkComparison {
  return { outcome: "not-compared" };
}

/**
 * Map a neutral direction to the polarity vocabulary (§8.1):
 * high is good: higher → better, lower → worse; low is good: higher → worse, lower → better;
 * no judgement: higher / lower; not applicable: not compared.
 */
export function applyPolarity(
  direction: ComparisonDirection,
  polarity: Polarity,
  level?: SignificanceLevel,
): BenchmarkComparison {
  assertPolarity("applyPolarity", polarity);
  if (polarity === "not-applicable") return notCompared();
  if (direction === "similar") return { outcome: "similar" };
  let outcome: BenchmarkOutcome = direction;
  if (polarity === "high-is-good") outcome = direction === "higher" ? "better" : "worse";
  if (polarity === "low-is-good") outcome = direction === "higher" ? "worse" : "better";
  return level === undefined ? { outcome } : { outcome, level };
}

function optionalFinite(fn: string, name: string, value: number | null | undefined): number | null {
  if (isMissing(value)) return null;
  assertFinite(fn, name, value);
  return value;
}

function checkOrder(fn: string, level: string, lower: number | null, upper: number | null): void {
  if (lower !== null && upper !== null && lower > upper) {
    throw new Error(`${fn}: area.lower${level} (${lower}) is greater than area.upper${level} (${upper})`);
  }
}

/** Neutral direction of a benchmark against one CI (bounds inclusive, §8.2). */
function directionAgainstInterval(lower: number, upper: number, benchmark: number): ComparisonDirection {
  if (upper < benchmark) return "lower";
  if (lower > benchmark) return "higher";
  return "similar";
}

/**
 * Compare an area's confidence interval with the benchmark's point value (§8.2). The
 * benchmark's own CI is not used. A benchmark exactly on a bound is 'similar'.
 *
 * Returns 'not-compared' (§8.3) when the method is 'no-comparison', the polarity is
 * 'not-applicable', `areaIsBenchmark` is true (an area is never compared with itself), the area
 * value is missing (including DSR/LE/SDC suppression), the benchmark is missing, or any bound
 * the method needs is missing (the two-level method needs all four).
 *
 * Throws on unknown methods or polarities, non-finite numbers, or lower > upper.
 */
export function compareToBenchmark(args: {
  area: AreaValueWithLimits;
  benchmark: number | null | undefined;
  polarity: Polarity;
  method: ComparisonMethod;
  areaIsBenchmark?: boolean;
}): BenchmarkComparison {
  const fn = "compareToBenchmark";
  const { area, polarity, method } = args;
  if (!METHODS.includes(method)) {
    throw new Error(`${fn}: method (${JSON.stringify(method)}) must be one of ${METHODS.join(", ")}`);
  }
  assertPolarity(fn, polarity);
  if (area === null || typeof area !== "object") throw new Error(`${fn}: area must be an object`);
  const value = optionalFinite(fn, "area.value", area.value);
  const lower95 = optionalFinite(fn, "area.lower95", area.lower95);
  const upper95 = optionalFinite(fn, "area.upper95", area.upper95);
  const lower998 = optionalFinite(fn, "area.lower998", area.lower998);
  const upper998 = optionalFinite(fn, "area.upper998", area.upper998);
  const benchmark = optionalFinite(fn, "benchmark", args.benchmark);
  checkOrder(fn, "95", lower95, upper95);
  checkOrder(fn, "998", lower998, upper998);

  if (method === "no-comparison" || polarity === "not-applicable") return notCompared();
  if (args.areaIsBenchmark === true) return notCompared();
  if (value === null || benchmark === null) return notCompared();

  if (method === "ci-95" || method === "ci-99.8") {
    const [lower, upper] = method === "ci-95" ? [lower95, upper95] : [lower998, upper998];
    if (lower === null || upper === null) return notCompared();
    const level: SignificanceLevel = method === "ci-95" ? 95 : 99.8;
    return applyPolarity(directionAgainstInterval(lower, upper, benchmark), polarity, level);
  }

  // Two-level (legacy method 17): the order of tests below is the legacy comparer's.
  if (lower95 === null || upper95 === null || lower998 === null || upper998 === null) {
    return notCompared();
  }
  if (lower95 <= benchmark && benchmark <= upper95) return { outcome: "similar" };
  if (lower998 <= benchmark && benchmark <= lower95) return applyPolarity("higher", polarity, 95);
  if (upper95 <= benchmark && benchmark <= upper998) return applyPolarity("lower", polarity, 95);
  return applyPolarity(value < benchmark ? "lower" : "higher", polarity, 99.8);
}

/** An interval with a point value, for the double-overlap comparison. */
export type ValueWithInterval = { value: number | null | undefined; lower: number | null | undefined; upper: number | null | undefined };

/**
 * "Double overlapping CIs" (legacy method 12): similar when the area's and benchmark's
 * intervals overlap (inclusive); otherwise lower or higher by value. Both CIs are needed, so
 * any missing figure gives 'not-compared'. `confidence` is the level of the supplied CIs and
 * labels a significant result.
 */
export function compareOverlappingIntervals(args: {
  area: ValueWithInterval;
  benchmark: ValueWithInterval;
  polarity: Polarity;
  confidence: Confidence;
  areaIsBenchmark?: boolean;
}): BenchmarkComparison {
  const fn = "compareOverlappingIntervals";
  assertPolarity(fn, args.polarity);
  assertConfidence(fn, args.confidence);
  const a = {
    value: optionalFinite(fn, "area.value", args.area?.value),
    lower: optionalFinite(fn, "area.lower", args.area?.lower),
    upper: optionalFinite(fn, "area.upper", args.area?.upper),
  };
  const b = {
    value: optionalFinite(fn, "benchmark.value", args.benchmark?.value),
    lower: optionalFinite(fn, "benchmark.lower", args.benchmark?.lower),
    upper: optionalFinite(fn, "benchmark.upper", args.benchmark?.upper),
  };
  if (a.lower !== null && a.upper !== null && a.lower > a.upper) {
    throw new Error(`${fn}: area.lower (${a.lower}) is greater than area.upper (${a.upper})`);
  }
  if (b.lower !== null && b.upper !== null && b.lower > b.upper) {
    throw new Error(`${fn}: benchmark.lower (${b.lower}) is greater than benchmark.upper (${b.upper})`);
  }
  if (args.polarity === "not-applicable" || args.areaIsBenchmark === true) return notCompared();
  if (a.value === null || a.lower === null || a.upper === null) return notCompared();
  if (b.value === null || b.lower === null || b.upper === null) return notCompared();
  const level: SignificanceLevel = args.confidence === 0.95 ? 95 : 99.8;
  if (a.lower <= b.upper && b.lower <= a.upper) return { outcome: "similar" };
  return applyPolarity(a.value < b.value ? "lower" : "higher", args.polarity, level);
}

/** Control limits for a legacy SPC comparison, on the display scale. */
export type SpcLimits = { lower: number; upper: number };

/**
 * Legacy "SPC for proportions" limits (method 5): the Wilson interval centred on the expected
 * count E = N × P0, where P0 = benchmark / multiplier. Full-precision z (the spec's §8.4 check),
 * not the legacy 1.96 / 3.0902. Returns null when the denominator is ≤ 0 (§8.3 rule 6).
 */
export function spcForProportionsLimits(args: {
  benchmark: number;
  denominator: number;
  confidence: Confidence;
  multiplier?: number;
}): SpcLimits | null {
  const fn = "spcForProportionsLimits";
  const { benchmark, denominator, confidence, multiplier = 100 } = args;
  assertConfidence(fn, confidence);
  assertMultiplier(fn, multiplier);
  assertFinite(fn, "benchmark", benchmark);
  assertFinite(fn, "denominator", denominator);
  const p0 = benchmark / multiplier;
  if (p0 < 0 || p0 > 1) {
    throw new Error(`${fn}: benchmark (${benchmark}) must lie between 0 and multiplier (${multiplier})`);
  }
  if (denominator <= 0) return null;
  const z = zForConfidence(confidence);
  const z2 = z * z;
  const e = denominator * p0;
  const spread = z * Math.sqrt(z2 + 4 * e * (1 - e / denominator));
  const divisor = 2 * (denominator + z2);
  return {
    lower: ((2 * e + z2 - spread) / divisor) * multiplier,
    upper: ((2 * e + z2 + spread) / divisor) * multiplier,
  };
}

/**
 * Legacy "SPC for DSR" limits (method 6): E = benchmark × N / multiplier,
 * lower = χ²_p(2⌈E⌉)/2 / N × multiplier, upper = χ²_{1−p}(2⌊E⌋+2)/2 / N × multiplier, with
 * p = 0.025 or 0.001. Legacy Fingertips found these by bisection; the closed forms agree to
 * about 1e-6 (spec §8.2). Returns null when the denominator is ≤ 0 (§8.3 rule 6).
 */
export function spcForDsrLimits(args: {
  benchmark: number;
  denominator: number;
  confidence: Confidence;
  multiplier?: number;
}): SpcLimits | null {
  const fn = "spcForDsrLimits";
  const { benchmark, denominator, confidence, multiplier = 100_000 } = args;
  assertConfidence(fn, confidence);
  assertMultiplier(fn, multiplier);
  assertFinite(fn, "benchmark", benchmark);
  assertFinite(fn, "denominator", denominator);
  if (benchmark < 0) throw new Error(`${fn}: benchmark (${benchmark}) must not be negative`);
  if (denominator <= 0) return null;
  const p = TAIL_PROBABILITY[confidence];
  const e = (benchmark * denominator) / multiplier;
  const lowerCount = chiSquareQuantile(p, 2 * Math.ceil(e)) / 2;
  const upperCount = chiSquareQuantile(1 - p, 2 * Math.floor(e) + 2) / 2;
  return {
    lower: (lowerCount / denominator) * multiplier,
    upper: (upperCount / denominator) * multiplier,
  };
}

/**
 * Compare an area with SPC control limits around the benchmark (legacy methods 5 and 6):
 * above the upper limit → higher; below the lower → lower; otherwise similar.
 * Not compared when the polarity is not applicable, the value, benchmark or denominator is
 * missing, or the denominator is ≤ 0 (§8.3 rule 6).
 */
export function compareWithSpcLimits(args: {
  value: number | null | undefined;
  denominator: number | null | undefined;
  benchmark: number | null | undefined;
  polarity: Polarity;
  method: "spc-proportions" | "spc-dsr";
  confidence: Confidence;
  multiplier?: number;
  areaIsBenchmark?: boolean;
}): BenchmarkComparison {
  const fn = "compareWithSpcLimits";
  assertPolarity(fn, args.polarity);
  assertConfidence(fn, args.confidence);
  if (args.method !== "spc-proportions" && args.method !== "spc-dsr") {
    throw new Error(`${fn}: method (${JSON.stringify(args.method)}) must be spc-proportions or spc-dsr`);
  }
  const value = optionalFinite(fn, "value", args.value);
  const denominator = optionalFinite(fn, "denominator", args.denominator);
  const benchmark = optionalFinite(fn, "benchmark", args.benchmark);
  if (args.polarity === "not-applicable" || args.areaIsBenchmark === true) return notCompared();
  if (value === null || denominator === null || benchmark === null || denominator <= 0) {
    return notCompared();
  }
  const limitArgs = { benchmark, denominator, confidence: args.confidence, multiplier: args.multiplier };
  const limits =
    args.method === "spc-proportions" ? spcForProportionsLimits(limitArgs) : spcForDsrLimits(limitArgs);
  if (limits === null) return notCompared();
  const level: SignificanceLevel = args.confidence === 0.95 ? 95 : 99.8;
  // Here the limits surround the benchmark and the area's value is tested against them.
  const direction: ComparisonDirection =
    value > limits.upper ? "higher" : value < limits.lower ? "lower" : "similar";
  return applyPolarity(direction, args.polarity, level);
}
