/**
 * The few distribution helpers calibration needs, kept local to the demand model:
 * a shared statistics module is being written separately (app/domain/statistics)
 * and this folder must not depend on it yet. Each helper names its method.
 */

/**
 * Standard normal quantile by Acklam's rational approximation (relative error
 * < 1.2e-9), enough for control limits such as z(0.975) = 1.959964.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    throw new RangeError(`normalQuantile needs 0 < p < 1; got ${p}`);
  }
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const pLow = 0.02425;
  if (p < pLow) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - pLow) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return (
      -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 by the Lanczos approximation (g = 7, 9 terms; ~15 significant digits). */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < 9; i++) sum += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * Regularised lower incomplete gamma P(a, x): the series when x < a + 1, otherwise
 * 1 − the Lentz continued fraction for Q (Numerical Recipes §6.2). Both converge fast
 * in their own region.
 */
export function regularizedGammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const logPrefix = a * Math.log(x) - x - lnGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 100_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return Math.min(1, sum * Math.exp(logPrefix));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.max(0, 1 - Math.exp(logPrefix) * h);
}

/** P(X ≤ k) for X ~ Poisson(mean), via P(X ≤ k) = Q(k + 1, mean). */
export function poissonCdf(k: number, mean: number): number {
  if (k < 0) return 0;
  if (mean <= 0) return 1;
  return 1 - regularizedGammaP(Math.floor(k) + 1, mean);
}

export function poissonPmf(k: number, mean: number): number {
  if (k < 0) return 0;
  if (mean <= 0) return k === 0 ? 1 : 0;
  return Math.exp(k * Math.log(mean) - mean - lnGamma(k + 1));
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
 * Byar's approximation to the exact Poisson confidence interval for an observed
 * count, divided by the expected count: the usual interval for a standardised ratio
 * (accurate to a few per cent even for small counts).
 */
export function byarRatioInterval(observed: number, expected: number, level = 0.95): { lower: number; upper: number } {
  const z = normalQuantile(1 - (1 - level) / 2);
  const o = observed;
  const lowerCount = o === 0 ? 0 : o * Math.pow(1 - 1 / (9 * o) - z / (3 * Math.sqrt(o)), 3);
  const o1 = o + 1;
  const upperCount = o1 * Math.pow(1 - 1 / (9 * o1) + z / (3 * Math.sqrt(o1)), 3);
  return { lower: Math.max(0, lowerCount) / expected, upper: upperCount / expected };
}
