/**
 * Special functions behind the exact Poisson limits (chi-square / gamma quantiles) and the
 * Student t interval for means.
 *
 * Why not closed-form approximations: the spec's worked examples print exact Poisson limits to
 * 6 significant figures and say unrounded results should agree to about 1e-6 relative, so the
 * quantiles are found by solving P(a, x) = p to near machine precision with a safeguarded
 * Newton iteration on the regularised incomplete gamma (and beta) functions.
 */
import { normalQuantile } from "./normal-distribution";

// Lanczos approximation (g = 607/128, 15 terms; Godfrey's coefficients), ~1e-15 relative.
const LANCZOS_G = 607 / 128;
const LANCZOS = [
  0.99999999999999709182, 57.156235665862923517, -59.597960355475491248, 14.136097974741747174,
  -0.49191381609762019978, 0.33994649984811888699e-4, 0.46523628927048575665e-4,
  -0.98374475304879564677e-4, 0.15808870322491248884e-3, -0.21026444172410488319e-3,
  0.2174396181152126432e-3, -0.16431810653676389022e-3, 0.84418223983852743293e-4,
  -0.2619083840158140867e-4, 0.36899182659531622704e-5,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new Error(`logGamma: x (${x}) must be greater than 0`);
  if (x < 0.5) {
    // Reflection keeps accuracy for small x, where the series below is least accurate.
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * ln(x^a e^-x / Γ(a)), the prefactor shared by the incomplete gamma series and continued
 * fraction. Computed directly, a·ln x and ln Γ(a) are both about a·ln a and cancel, losing
 * ~log10(a ln a) digits for large shapes; for a ≥ 10 we use Stirling's series for ln Γ(a) and
 * write the difference as a(log1p(t) − t) with t = (x − a)/a, which has no cancellation.
 */
function logGammaPrefactor(a: number, x: number): number {
  if (a < 10) return -x + a * Math.log(x) - logGamma(a);
  const a2 = a * a;
  const stirlingCorrection = (1 / (12 * a)) * (1 - (1 / (30 * a2)) * (1 - (2 / (7 * a2)) * (1 - 3 / (4 * a2))));
  const t = (x - a) / a;
  let log1pMinusT: number;
  if (Math.abs(t) < 0.1) {
    // Series −t²/2 + t³/3 − …, avoiding the cancellation in log1p(t) − t for small t.
    let term = t;
    log1pMinusT = 0;
    for (let k = 2; k < 60; k++) {
      term *= -t;
      const contribution = term / k;
      log1pMinusT += contribution;
      if (Math.abs(contribution) < 1e-17 * Math.abs(log1pMinusT)) break;
    }
  } else {
    log1pMinusT = Math.log1p(t) - t;
  }
  return a * log1pMinusT + 0.5 * Math.log(a / (2 * Math.PI)) - stirlingCorrection;
}

const EPSILON = 1e-16;
const MAX_ITERATIONS = 100_000;
const TINY = 1e-300;

/** Series for P(a, x); converges quickly when x < a + 1. */
function gammaPSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < MAX_ITERATIONS; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
  }
  // Σ x^n / (a(a+1)…(a+n)) times x^a e^-x / Γ(a).
  return sum * Math.exp(logGammaPrefactor(a, x));
}

/** Lentz's continued fraction for Q(a, x); converges quickly when x >= a + 1. */
function gammaQContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return Math.exp(logGammaPrefactor(a, x)) * h;
}

/** The regularised lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a). */
export function regularizedGammaP(a: number, x: number): number {
  if (!(a > 0)) throw new Error(`regularizedGammaP: a (${a}) must be greater than 0`);
  if (!(x >= 0)) throw new Error(`regularizedGammaP: x (${x}) must be 0 or more`);
  if (x === 0) return 0;
  if (x === Infinity) return 1;
  return x < a + 1 ? gammaPSeries(a, x) : 1 - gammaQContinuedFraction(a, x);
}

/** The regularised upper incomplete gamma function Q(a, x) = 1 − P(a, x), without cancellation. */
export function regularizedGammaQ(a: number, x: number): number {
  if (!(a > 0)) throw new Error(`regularizedGammaQ: a (${a}) must be greater than 0`);
  if (!(x >= 0)) throw new Error(`regularizedGammaQ: x (${x}) must be 0 or more`);
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  return x < a + 1 ? 1 - gammaPSeries(a, x) : gammaQContinuedFraction(a, x);
}

/**
 * Solve an increasing equation cdf(x) = target on (lower, upper) by Newton's method, falling
 * back to bisection whenever a Newton step would leave the current bracket. This never diverges
 * (the bracket always shrinks) and converges quadratically near the root.
 */
function solveIncreasing(
  residual: (x: number) => number,
  derivative: (x: number) => number,
  start: number,
  lowerBound: number,
  upperBound: number,
): number {
  let lo = lowerBound;
  let hi = upperBound;
  let x = start;
  for (let i = 0; i < 500; i++) {
    const r = residual(x);
    if (r === 0) return x;
    if (r < 0) lo = x;
    else hi = x;
    const slope = derivative(x);
    let next = slope > 0 && Number.isFinite(slope) ? x - r / slope : NaN;
    if (!(next > lo && next < hi)) {
      next = Number.isFinite(hi) ? (lo + hi) / 2 : Math.max(2 * x, x + 1);
    }
    if (Math.abs(next - x) <= 1e-15 * Math.abs(next) || (Number.isFinite(hi) && hi - lo <= 1e-15 * hi)) {
      return next;
    }
    x = next;
  }
  return x;
}

/**
 * The p-quantile of the Gamma(shape, 1) distribution: the x with P(shape, x) = p.
 * The Poisson limits of §2 are gamma quantiles: O_L = gammaQuantile((1−c)/2, O) and
 * O_U = gammaQuantile((1+c)/2, O + 1).
 */
export function gammaQuantile(p: number, shape: number): number {
  if (!Number.isFinite(p) || p < 0 || p > 1) {
    throw new Error(`gammaQuantile: p (${p}) must be a probability between 0 and 1`);
  }
  if (!(shape > 0) || !Number.isFinite(shape)) {
    throw new Error(`gammaQuantile: shape (${shape}) must be a finite number greater than 0`);
  }
  if (p === 0) return 0;
  if (p === 1) return Infinity;
  // Wilson–Hilferty gives a start within a few per cent for all but tiny shapes.
  const z = normalQuantile(p);
  let start = shape * Math.pow(1 - 1 / (9 * shape) + z / (3 * Math.sqrt(shape)), 3);
  if (!(start > 0) || shape < 1) {
    // For small shapes P(a, x) ≈ x^a / Γ(a + 1) near zero.
    start = Math.pow(p * Math.exp(logGamma(shape + 1)), 1 / shape);
  }
  // In the upper tail use Q so that the residual keeps its relative precision.
  const useUpper = p > 0.5;
  const residual = useUpper
    ? (x: number) => 1 - p - regularizedGammaQ(shape, x)
    : (x: number) => regularizedGammaP(shape, x) - p;
  // Gamma density x^(a−1) e^-x / Γ(a) = prefactor / x.
  const density = (x: number) => (x <= 0 ? 0 : Math.exp(logGammaPrefactor(shape, x)) / x);
  return solveIncreasing(residual, density, start, 0, Infinity);
}

/** The p-quantile of chi-square with `degreesOfFreedom` (χ²_p(k) in the spec); 0 when k = 0. */
export function chiSquareQuantile(p: number, degreesOfFreedom: number): number {
  if (!Number.isFinite(degreesOfFreedom) || degreesOfFreedom < 0) {
    throw new Error(
      `chiSquareQuantile: degreesOfFreedom (${degreesOfFreedom}) must be a finite number of 0 or more`,
    );
  }
  // Chi-square with 0 degrees of freedom is a point mass at 0, which is what makes the exact
  // lower limit for zero events equal 0 (spec §2).
  if (degreesOfFreedom === 0) return 0;
  return 2 * gammaQuantile(p, degreesOfFreedom / 2);
}

/** Continued fraction for the incomplete beta function (modified Lentz). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return h;
}

/** The regularised incomplete beta function I_x(a, b). */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (!(a > 0) || !(b > 0)) throw new Error(`regularizedBeta: a (${a}) and b (${b}) must be greater than 0`);
  if (!(x >= 0 && x <= 1)) throw new Error(`regularizedBeta: x (${x}) must be between 0 and 1`);
  if (x === 0) return 0;
  if (x === 1) return 1;
  const logFront =
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  // The continued fraction converges fastest on the side of the mean; use symmetry otherwise.
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(logFront) * betaContinuedFraction(1 - x, b, a)) / b;
}

/** Student t distribution function with `degreesOfFreedom` (> 0). */
export function studentTCdf(t: number, degreesOfFreedom: number): number {
  if (!(degreesOfFreedom > 0)) {
    throw new Error(`studentTCdf: degreesOfFreedom (${degreesOfFreedom}) must be greater than 0`);
  }
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const tail = 0.5 * regularizedBeta(degreesOfFreedom / (degreesOfFreedom + t * t), degreesOfFreedom / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

/** Student t density with `degreesOfFreedom` (> 0). */
function studentTDensity(t: number, degreesOfFreedom: number): number {
  const v = degreesOfFreedom;
  const logDensity =
    logGamma((v + 1) / 2) - logGamma(v / 2) - 0.5 * Math.log(v * Math.PI) -
    ((v + 1) / 2) * Math.log1p((t * t) / v);
  return Math.exp(logDensity);
}

/** The p-quantile of Student's t with `degreesOfFreedom` (t_p(k) in the spec). */
export function studentTQuantile(p: number, degreesOfFreedom: number): number {
  if (!Number.isFinite(p) || p < 0 || p > 1) {
    throw new Error(`studentTQuantile: p (${p}) must be a probability between 0 and 1`);
  }
  if (!(degreesOfFreedom > 0) || !Number.isFinite(degreesOfFreedom)) {
    throw new Error(
      `studentTQuantile: degreesOfFreedom (${degreesOfFreedom}) must be a finite number greater than 0`,
    );
  }
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  // Solve in the upper half and reflect, so the residual is always an upper-tail probability.
  const upper = p > 0.5;
  const tailProbability = upper ? 1 - p : p;
  const v = degreesOfFreedom;
  // Cornish–Fisher start from the normal quantile (Hill 1970, first terms).
  const z = -normalQuantile(tailProbability);
  const start = Math.max(
    1e-3,
    z + (z * z * z + z) / (4 * v) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * v * v),
  );
  const residual = (t: number) =>
    tailProbability - 0.5 * regularizedBeta(v / (v + t * t), v / 2, 0.5);
  const t = solveIncreasing(residual, (x) => studentTDensity(x, v), start, 0, Infinity);
  return upper ? t : -t;
}
