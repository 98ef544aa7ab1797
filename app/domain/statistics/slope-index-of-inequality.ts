/**
 * Slope index of inequality (SII) and relative index of inequality (RII)
 * (spec §11; PHEindicatormethods `phe_sii`; Low & Low 2004).
 *
 * Quantiles are ordered from most deprived (1) to least deprived (Q). The point estimates are
 * deterministic; the confidence limits are simulated, using a seeded generator so the same
 * inputs always give the same limits.
 */
import { createSeededRandom, standardNormalDraw, type UniformSource } from "./random";
import { roundHalfEven } from "./rounding";
import type { Confidence } from "./types";
import {
  TAIL_PROBABILITY,
  Z_95,
  assertConfidence,
  assertFinite,
  assertMultiplier,
  assertNonNegative,
  assertPositive,
  isMissing,
} from "./validation";

/** PHE value_type: 'other' = 0 (identity), 'rate' = 1 (log), 'proportion' = 2 (logit). */
export type SiiValueType = "other" | "rate" | "proportion";

/** One quantile (e.g. deprivation decile) of an area. */
export type SiiQuantile = {
  /** Population of the quantile; must be > 0. */
  population: number;
  /** Indicator value. For proportions, on the 0–1 scale; may be omitted if `numerator` is given. */
  value?: number | null;
  /** For proportions only: count with the attribute, giving value = numerator / population. */
  numerator?: number | null;
  /**
   * Standard error. For rates and proportions it is taken to be on the log / logit scale, as
   * PHEindicatormethods does (the simulation draws on that scale). If missing, it is derived from
   * the 95% limits.
   */
  standardError?: number | null;
  /** 95% lower limit (always 95%, whatever confidence is requested). */
  lower95?: number | null;
  /** 95% upper limit. */
  upper95?: number | null;
};

/** SII point estimates. */
export type SiiPointEstimate = {
  /** Fitted difference between least and most deprived ends, × multiplier. */
  sii: number | null;
  /** Ratio of fitted values at the least and most deprived ends (inverted if multiplier < 0). */
  rii: number | null;
  /** Fitted value at the most deprived end, × |multiplier|. */
  intercept: number | null;
  /** Regression intercept β0 (on the transformed scale when `transform` is true). */
  beta0: number | null;
  /** Regression slope β1 (on the transformed scale when `transform` is true). */
  beta1: number | null;
};

/** SII and RII with simulated confidence limits. */
export type SiiResult = SiiPointEstimate & {
  siiLower: number | null;
  siiUpper: number | null;
  riiLower: number | null;
  riiUpper: number | null;
  confidence: Confidence;
  repetitions: number;
};

type SiiArgs = {
  quantiles: readonly SiiQuantile[];
  valueType?: SiiValueType;
  multiplier?: number;
  /** Fit the regression to log(rate) / logit(proportion) and back-transform (needs limits). */
  transform?: boolean;
};

type Prepared = {
  weights: number[];
  ridits: number[];
  naturalValues: number[];
  transformedValues: number[];
  standardErrors: number[];
  g: (y: number) => number;
  gInverse: (x: number) => number;
};

const TRANSFORMS: Record<SiiValueType, { g: (y: number) => number; gInverse: (x: number) => number }> = {
  other: { g: (y) => y, gInverse: (x) => x },
  rate: { g: Math.log, gInverse: Math.exp },
  proportion: { g: (y) => Math.log(y / (1 - y)), gInverse: (x) => 1 / (1 + Math.exp(-x)) },
};

/**
 * Weighted least squares of y on the ridit b with weights a (Σa = 1). This is the regression
 * √a·y = β0·√a + β1·b·√a without intercept, in closed form. Returns coefficient vectors so
 * that β0 = Σ c0_k y_k and β1 = Σ c1_k y_k, which makes each simulated refit a dot product.
 */
function regressionCoefficients(weights: readonly number[], ridits: readonly number[]) {
  const meanB = weights.reduce((s, a, k) => s + a * ridits[k], 0);
  const sbb = weights.reduce((s, a, k) => s + a * (ridits[k] - meanB) ** 2, 0);
  const slope = weights.map((a, k) => (a * (ridits[k] - meanB)) / sbb);
  const intercept = weights.map((a, k) => a - meanB * slope[k]);
  return { intercept, slope };
}

function dot(coefficients: readonly number[], values: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < coefficients.length; k++) sum += coefficients[k] * values[k];
  return sum;
}

function prepare(fn: string, args: SiiArgs): Prepared | null {
  const { quantiles, valueType = "other", multiplier = 1, transform = false } = args;
  if (!Array.isArray(quantiles as unknown)) throw new Error(`${fn}: quantiles must be an array`);
  if (quantiles.length < 5 || quantiles.length > 100) {
    throw new Error(`${fn}: quantiles has ${quantiles.length} rows; the SII needs between 5 and 100`);
  }
  if (!(valueType in TRANSFORMS)) {
    throw new Error(`${fn}: valueType (${JSON.stringify(valueType)}) must be other, rate or proportion`);
  }
  assertMultiplier(fn, multiplier);
  const { g, gInverse } = TRANSFORMS[valueType];
  if (transform && valueType === "other") {
    throw new Error(`${fn}: transform is only available for rates and proportions`);
  }
  let complete = true;
  const naturalValues: number[] = [];
  const standardErrors: number[] = [];
  quantiles.forEach((row, k) => {
    const name = `quantiles[${k}]`;
    assertPositive(fn, `${name}.population`, row.population);
    let value = row.value;
    if (isMissing(value) && valueType === "proportion" && !isMissing(row.numerator)) {
      assertFinite(fn, `${name}.numerator`, row.numerator);
      if (row.numerator <= 0) throw new Error(`${fn}: ${name}.numerator (${row.numerator}) must be greater than 0`);
      value = row.numerator / row.population;
    }
    const hasLimits = !isMissing(row.lower95) && !isMissing(row.upper95);
    if (transform && !hasLimits) {
      throw new Error(`${fn}: transform needs lower95 and upper95 for every quantile (${name} has none)`);
    }
    if (!isMissing(value)) assertFinite(fn, `${name}.value`, value);
    if (!isMissing(row.standardError)) assertNonNegative(fn, `${name}.standardError`, row.standardError);
    if (!isMissing(row.lower95)) assertFinite(fn, `${name}.lower95`, row.lower95);
    if (!isMissing(row.upper95)) assertFinite(fn, `${name}.upper95`, row.upper95);
    if (valueType === "proportion") {
      for (const [label, v] of [["value", value], ["lower95", row.lower95], ["upper95", row.upper95]] as const) {
        if (!isMissing(v) && (v < 0 || v > 1)) {
          throw new Error(`${fn}: ${name}.${label} (${v}) must be a proportion between 0 and 1`);
        }
      }
    }
    // An area missing any quantile's value or uncertainty gets no SII ("dropped", spec §11).
    if (isMissing(value) || (isMissing(row.standardError) && !hasLimits)) {
      complete = false;
      return;
    }
    naturalValues.push(value);
    standardErrors.push(
      isMissing(row.standardError)
        ? (g(row.upper95 as number) - g(row.lower95 as number)) / (2 * Z_95)
        : row.standardError,
    );
  });
  if (!complete) return null;
  const { shares: weights, ridits } = populationRidits(quantiles.map((row) => row.population));
  return {
    weights,
    ridits,
    naturalValues,
    transformedValues: naturalValues.map(g),
    standardErrors,
    g,
    gInverse,
  };
}

/**
 * Population shares a_k = P_k / ΣP and ridits b_k = Σ_{j<k} a_j + a_k / 2 (the midpoint of each
 * quantile's cumulative population share), in the order given (most deprived first).
 */
export function populationRidits(populations: readonly number[]): { shares: number[]; ridits: number[] } {
  const fn = "populationRidits";
  populations.forEach((p, k) => assertPositive(fn, `populations[${k}]`, p));
  const total = populations.reduce((s, p) => s + p, 0);
  const shares = populations.map((p) => p / total);
  let cumulative = 0;
  const ridits = shares.map((a) => {
    const midpoint = cumulative + a / 2;
    cumulative += a;
    return midpoint;
  });
  return { shares, ridits };
}

function pointEstimate(prepared: Prepared, multiplier: number, transform: boolean): SiiPointEstimate {
  const { intercept, slope } = regressionCoefficients(prepared.weights, prepared.ridits);
  const ys = transform ? prepared.transformedValues : prepared.naturalValues;
  const beta0 = dot(intercept, ys);
  const beta1 = dot(slope, ys);
  const atMostDeprived = transform ? prepared.gInverse(beta0) : beta0;
  const atLeastDeprived = transform ? prepared.gInverse(beta0 + beta1) : beta0 + beta1;
  const rii = atLeastDeprived / atMostDeprived;
  return {
    // Untransformed, the SII is the slope itself; subtracting fitted values would only add rounding.
    sii: (transform ? atLeastDeprived - atMostDeprived : beta1) * multiplier,
    rii: multiplier < 0 ? 1 / rii : rii,
    intercept: atMostDeprived * Math.abs(multiplier),
    beta0,
    beta1,
  };
}

const EMPTY_POINT: SiiPointEstimate = { sii: null, rii: null, intercept: null, beta0: null, beta1: null };

/**
 * SII, RII and intercept without confidence limits (deterministic). Null figures when any
 * quantile lacks a value or its uncertainty.
 */
export function siiPointEstimate(args: SiiArgs): SiiPointEstimate {
  const fn = "siiPointEstimate";
  const prepared = prepare(fn, args);
  if (prepared === null) return { ...EMPTY_POINT };
  return pointEstimate(prepared, args.multiplier ?? 1, args.transform ?? false);
}

/**
 * SII and RII with confidence limits by simulation (spec §11).
 *
 * Each replicate draws every quantile from Normal(g(y_k), SE_k) (back-transformed unless
 * `transform`), refits, and the limits are the sorted replicates at positions
 * round(R(1−c)/2) and round(R(1+c)/2). With `transform`, the simulated slope limits s are
 * back-transformed around the midpoint x½ = β0 + β1/2 as g⁻¹(x½ + s/2) − g⁻¹(x½ − s/2).
 *
 * `seed` (default 1) makes the limits reproducible; pass `random` to supply your own uniform
 * source. `repetitions` defaults to 100,000 and must be at least 1,000, as in PHEindicatormethods.
 */
export function slopeIndexOfInequality(
  args: SiiArgs & {
    confidence?: Confidence;
    repetitions?: number;
    seed?: number;
    random?: UniformSource;
  },
): SiiResult {
  const fn = "slopeIndexOfInequality";
  const { confidence = 0.95, repetitions = 100_000, multiplier = 1, transform = false } = args;
  assertConfidence(fn, confidence);
  if (!Number.isInteger(repetitions) || repetitions < 1000) {
    throw new Error(`${fn}: repetitions (${repetitions}) must be a whole number of at least 1000`);
  }
  const prepared = prepare(fn, args);
  const empty = { siiLower: null, siiUpper: null, riiLower: null, riiUpper: null, confidence, repetitions };
  if (prepared === null) return { ...EMPTY_POINT, ...empty };
  const point = pointEstimate(prepared, multiplier, transform);

  const random = args.random ?? createSeededRandom(args.seed ?? 1);
  const { intercept, slope } = regressionCoefficients(prepared.weights, prepared.ridits);
  const q = prepared.weights.length;
  const draws = new Float64Array(q);
  const slopes = new Float64Array(repetitions);
  const riis = transform ? null : new Float64Array(repetitions);
  for (let r = 0; r < repetitions; r++) {
    for (let k = 0; k < q; k++) {
      const draw = prepared.transformedValues[k] + prepared.standardErrors[k] * standardNormalDraw(random);
      draws[k] = transform ? draw : prepared.gInverse(draw);
    }
    const b0 = dot(intercept, draws);
    const b1 = dot(slope, draws);
    if (transform) {
      slopes[r] = b1;
    } else {
      slopes[r] = b1 * multiplier;
      const rii = (b0 + b1) / b0;
      (riis as Float64Array)[r] = multiplier < 0 ? 1 / rii : rii;
    }
  }
  slopes.sort();
  riis?.sort();
  const tail = TAIL_PROBABILITY[confidence];
  const lowerIndex = roundHalfEven(repetitions * tail) - 1;
  const upperIndex = roundHalfEven(repetitions * (1 - tail)) - 1;

  if (!transform) {
    return {
      ...point,
      siiLower: slopes[lowerIndex],
      siiUpper: slopes[upperIndex],
      riiLower: (riis as Float64Array)[lowerIndex],
      riiUpper: (riis as Float64Array)[upperIndex],
      confidence,
      repetitions,
    };
  }
  const midpoint = (point.beta0 as number) + (point.beta1 as number) / 2;
  const siiAt = (s: number) =>
    (prepared.gInverse(midpoint + s / 2) - prepared.gInverse(midpoint - s / 2)) * multiplier;
  const riiAt = (s: number) => {
    const rii = prepared.gInverse(midpoint + s / 2) / prepared.gInverse(midpoint - s / 2);
    return multiplier < 0 ? 1 / rii : rii;
  };
  const siiPair = [siiAt(slopes[lowerIndex]), siiAt(slopes[upperIndex])].sort((a, b) => a - b);
  const riiPair = [riiAt(slopes[lowerIndex]), riiAt(slopes[upperIndex])].sort((a, b) => a - b);
  return {
    ...point,
    siiLower: siiPair[0],
    siiUpper: siiPair[1],
    riiLower: riiPair[0],
    riiUpper: riiPair[1],
    confidence,
    repetitions,
  };
}
