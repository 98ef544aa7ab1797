/**
 * Poisson helpers for the calibration funnel, built on the shared statistics module
 * (app/domain/statistics): its normal quantile, log-gamma, incomplete gamma and
 * Byar's interval. What is here is only what that module does not have: the
 * interpolated Poisson control limit around a chosen centre (Spiegelhalter 2005).
 */
import { byarInterval, logGamma, normalQuantile, regularizedGammaP } from "../statistics";

/** P(X ≤ k) for X ~ Poisson(mean), via P(X ≤ k) = Q(k + 1, mean). */
export function poissonCdf(k: number, mean: number): number {
  if (k < 0) return 0;
  if (mean <= 0) return 1;
  return 1 - regularizedGammaP(Math.floor(k) + 1, mean);
}

export function poissonPmf(k: number, mean: number): number {
  if (k < 0) return 0;
  if (mean <= 0) return k === 0 ? 1 : 0;
  return Math.exp(k * Math.log(mean) - mean - logGamma(k + 1));
}

/**
 * Continuous Poisson control limit for a funnel plot (Spiegelhalter 2005, Statistics
 * in Medicine 24:1185, appendix; the method in PHE/OHID funnel-plot tools): find the
 * smallest count r with P(X ≤ r) ≥ p, then step back by the overshoot fraction
 * α = (P(X ≤ r) − p) ÷ P(X = r), giving r − α. Interpolating makes the limit a smooth
 * curve in the expected count instead of a staircase.
 */
export function poissonControlLimit(p: number, mean: number): number {
  if (mean <= 0) return 0;
  const z = normalQuantile(p);
  let r = Math.max(0, Math.floor(mean + z * Math.sqrt(mean)));
  while (poissonCdf(r, mean) < p) r++;
  while (r > 0 && poissonCdf(r - 1, mean) >= p) r--;
  const alpha = (poissonCdf(r, mean) - p) / poissonPmf(r, mean);
  return Math.max(0, r - alpha);
}

/**
 * Byar's approximation to the exact Poisson interval for an observed count (shared
 * statistics module), divided by the expected count: the usual interval for a
 * standardised ratio.
 */
export function byarRatioInterval(observed: number, expected: number): { lower: number; upper: number } {
  const { lower, upper } = byarInterval({ observed, confidence: 0.95 });
  return { lower: Math.max(0, lower ?? 0) / expected, upper: (upper ?? 0) / expected };
}
