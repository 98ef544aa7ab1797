/**
 * Seeded random numbers for the demand model's simulation.
 *
 * The domain layer may not call Math.random (results must repeat for a seed, and
 * app/domain takes no hidden inputs), so the generator lives here:
 * - uniforms come from the shared seeded generator in app/domain/statistics
 *   (xoshiro128**), normals from its inversion sampler;
 * - one independent stream per named parameter, seeded by hashing (seed, name), so
 *   changing one parameter's range in a scenario leaves every other parameter's
 *   draws unchanged (common random numbers make scenario differences less noisy);
 * - beta-PERT draws (via two gamma draws) between low, mode and high.
 */

import { createSeededRandom, standardNormalDraw, type UniformSource } from "../statistics";

export type Rng = UniformSource;

/** The shared seeded generator (xoshiro128**, app/domain/statistics) for one stream. */
export function seededStream(seed: number, streamName: string): Rng {
  return createSeededRandom(deriveStreamSeed(seed, streamName));
}

/** FNV-1a over the string then the murmur3 finaliser: a well-mixed 32-bit stream seed. */
export function deriveStreamSeed(seed: number, streamName: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < streamName.length; i++) {
    h ^= streamName.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Gamma(shape, 1) by Marsaglia and Tsang (2000). PERT shapes are always >= 1, but
 * shapes below 1 are handled with the usual U^(1/shape) boost so the helper is total.
 */
export function gamma(rng: Rng, shape: number): number {
  if (shape < 1) return gamma(rng, shape + 1) * Math.pow(rng(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormalDraw(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

export function beta(rng: Rng, alpha: number, betaShape: number): number {
  const x = gamma(rng, alpha);
  const y = gamma(rng, betaShape);
  return x / (x + y);
}

/** The standard PERT weight on the mode (λ = 4). */
export const PERT_LAMBDA = 4;

/**
 * One beta-PERT draw between low and high with the given mode. A degenerate range
 * (low == high) returns the value without consuming randomness, so fixed parameters
 * cost nothing and do not shift other streams.
 */
export function pert(rng: Rng, low: number, mode: number, high: number): number {
  const range = high - low;
  if (!(range > 0)) return mode;
  const alpha = 1 + (PERT_LAMBDA * (mode - low)) / range;
  const betaShape = 1 + (PERT_LAMBDA * (high - mode)) / range;
  return low + range * beta(rng, alpha, betaShape);
}

/** Fills `out` with beta-PERT draws from a stream dedicated to `streamName`. */
export function pertDraws(
  seed: number,
  streamName: string,
  low: number,
  mode: number,
  high: number,
  out: Float64Array,
): Float64Array {
  const rng = seededStream(seed, streamName);
  for (let i = 0; i < out.length; i++) out[i] = pert(rng, low, mode, high);
  return out;
}
