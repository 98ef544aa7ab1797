/**
 * Public-health indicator statistics (Fingertips-style), implementing
 * /work/shared/methods/STATISTICS.md. Pure functions: no I/O, clocks or unseeded randomness.
 */
export type { Confidence, CountInterval, CountMethod, Interval, Polarity } from "./types";
export { CONFIDENCE_LEVELS } from "./types";

export { normalQuantile, normalCdf, normalDensity, erfc } from "./normal-distribution";
export {
  logGamma,
  regularizedGammaP,
  regularizedGammaQ,
  gammaQuantile,
  chiSquareQuantile,
  regularizedBeta,
  studentTCdf,
  studentTQuantile,
} from "./special-functions";
export { TAIL_PROBABILITY, Z_95, Z_998, zForConfidence } from "./validation";
export { roundHalfEven, roundHalfAwayFromZero } from "./rounding";

export type { ProportionLimits } from "./proportions";
export { wilsonInterval, proportionCI } from "./proportions";

export {
  EXACT_POISSON_THRESHOLD,
  byarInterval,
  exactPoissonInterval,
  poissonCountInterval,
  rateCI,
} from "./counts-and-rates";

export type { Esp2013Band } from "./esp2013";
export { ESP2013, ESP2013_AGE_BANDS, ESP2013_TOTAL, withEsp2013 } from "./esp2013";

export type { DsrDetail, DsrRow, EventFrequency } from "./directly-standardised-rate";
export {
  DSR_MINIMUM_EVENTS,
  DSR_SUPPRESSION_REASON,
  dobsonInterval,
  directlyStandardisedRate,
  directlyStandardisedRateDetail,
} from "./directly-standardised-rate";

export type { IndirectStandardisationRow, IndirectlyStandardisedResult } from "./indirectly-standardised";
export {
  standardisedRatioInterval,
  indirectlyStandardisedRatio,
  indirectlyStandardisedRate,
} from "./indirectly-standardised";

export type { MeanResult } from "./means";
export { meanCI } from "./means";

export type { LifeExpectancyAtAge, LifeExpectancyResult, LifeTableBand } from "./life-expectancy";
export { LIFE_EXPECTANCY_MINIMUM_POPULATION, LIFE_TABLE_START_AGES, lifeExpectancy } from "./life-expectancy";

export type {
  AreaValueWithLimits,
  BenchmarkComparison,
  BenchmarkOutcome,
  ComparisonDirection,
  ComparisonMethod,
  SignificanceLevel,
  SpcLimits,
  ValueWithInterval,
} from "./benchmark-comparison";
export {
  applyPolarity,
  compareToBenchmark,
  compareOverlappingIntervals,
  compareWithSpcLimits,
  spcForDsrLimits,
  spcForProportionsLimits,
} from "./benchmark-comparison";

export type { QuintileLabel, QuintileNumber, QuintileResult } from "./quintiles";
export {
  QUINTILE_MINIMUM_VALUES,
  binForValue,
  ntileQuintiles,
  percentileInc,
  pheQuantile,
  quantileBounds,
  quintileRag,
} from "./quintiles";

export type {
  FunnelLimits,
  FunnelRateType,
  FunnelRatioType,
  FunnelSignificance,
  FunnelStatistic,
  FunnelTail,
  RateLimitLines,
  RateLimitPoint,
  RatioLimitLines,
} from "./funnel-plots";
export {
  funnelAxisPoints,
  funnelProportionBaseline,
  funnelProportionLimits,
  funnelProportionSignificance,
  funnelRateBaseline,
  funnelRateDerivedDenominator,
  funnelRateLimitLines,
  funnelRateSignificance,
  funnelRatioLimitLines,
  funnelRatioSignificance,
  poissonFunnelCounts,
  signifCeiling,
  signifFloor,
} from "./funnel-plots";

export type { SiiPointEstimate, SiiQuantile, SiiResult, SiiValueType } from "./slope-index-of-inequality";
export { populationRidits, siiPointEstimate, slopeIndexOfInequality } from "./slope-index-of-inequality";

export type { UniformSource } from "./random";
export { createSeededRandom, standardNormalDraw } from "./random";
