/**
 * Draws for the synthetic generator, on the demand model's seeded mulberry32 streams
 * (app/domain/demand/random.ts): one stream per named thing (an ICB, a service), so a
 * service's data stays the same when another service is added, and a national run can
 * generate each ICB on its own.
 */
import { deriveStreamSeed, mulberry32, type Rng, standardNormal } from "../demand/random";
import type { Weights } from "./parameters";

export type { Rng };

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
