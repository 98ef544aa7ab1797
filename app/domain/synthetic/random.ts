/**
 * Draws for the synthetic generator, on seeded mulberry32 streams named through the
 * demand model's stream hash (app/domain/demand/random.ts): one stream per named thing (an ICB, a service), so a
 * service's data stays the same when another service is added, and a national run can
 * generate each ICB on its own.
 */
import { deriveStreamSeed, type Rng } from "../demand/random";
import type { Weights } from "./parameters";

export type { Rng };

// The generator is kept here, not swapped for the statistics module's, because the
// demonstration data every page and test shows is defined by these exact streams.
/** mulberry32 (Tommy Ettinger): returns uniforms in the open interval (0, 1). */
function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const bits = (t ^ (t >>> 14)) >>> 0;
    // +0.5 keeps the draw strictly inside (0, 1): log(0) in the gamma and
    // normal samplers would otherwise give -Infinity.
    return (bits + 0.5) / 4294967296;
  };
}

/** Standard normal by the Marsaglia polar method (no trigonometry, exact). */
function standardNormal(rng: Rng): number {
  for (;;) {
    const u = 2 * rng() - 1;
    const v = 2 * rng() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}


export function stream(seed: number, name: string): Rng {
  return mulberry32(deriveStreamSeed(seed, name));
}

export function uniform(rng: Rng, [low, high]: readonly [number, number]): number {
  return low + (high - low) * rng();
}

/** A whole number from low to high inclusive. */
export function integer(rng: Rng, [low, high]: readonly [number, number]): number {
  return low + Math.floor(rng() * (high - low + 1));
}

export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

/** A key drawn in proportion to its weight (keys in insertion order, so draws repeat for a seed). */
export function weighted<K extends string>(rng: Rng, weights: Readonly<Record<K, number>> | Weights): K {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let u = rng() * total;
  for (const [key, w] of entries) {
    u -= w;
    if (u < 0) return key;
  }
  return entries[entries.length - 1][0];
}

/** An item drawn in proportion to weight(item). */
export function weightedItem<T>(rng: Rng, items: readonly T[], weight: (item: T) => number): T {
  const total = items.reduce((s, i) => s + weight(i), 0);
  let u = rng() * total;
  for (const item of items) {
    u -= weight(item);
    if (u < 0) return item;
  }
  return items[items.length - 1];
}

/** Lognormal with the given median and log-scale standard deviation. */
export function lognormal(rng: Rng, median: number, logSd: number): number {
  return median * Math.exp(logSd * standardNormal(rng));
}

export function normal(rng: Rng, mean: number, sd: number): number {
  return mean + sd * standardNormal(rng);
}

/**
 * Poisson: Knuth's multiplication method for small means, the normal approximation
 * (continuity-corrected, never negative) above 30, where it is close enough for counts.
 */
export function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * standardNormal(rng)));
  const limit = Math.exp(-mean);
  let k = 0;
  let product = rng();
  while (product > limit) {
    k++;
    product *= rng();
  }
  return k;
}
