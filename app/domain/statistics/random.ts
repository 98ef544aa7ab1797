/**
 * A small seeded pseudo-random generator for the SII simulation.
 *
 * The module must stay pure (no Math.random), and a dashboard should show the same simulated
 * SII limits every time a page is rendered, so simulations take a seed and are reproducible.
 * The generator is xoshiro128** seeded through splitmix32; it is not cryptographic and does not
 * need to be.
 */
import { normalQuantile } from "./normal-distribution";

/** A source of uniform random numbers strictly between 0 and 1. */
export type UniformSource = () => number;

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A reproducible uniform (0, 1) generator for `seed` (any finite number; integers are usual). */
export function createSeededRandom(seed: number): UniformSource {
  if (!Number.isFinite(seed)) throw new Error(`createSeededRandom: seed (${seed}) must be a finite number`);
  const init = splitmix32(Math.floor(seed) >>> 0);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  if ((a | b | c | d) === 0) a = 1;
  const next32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  return () => {
    // 53 random bits, so normal draws reach the far tails smoothly; 0 is skipped.
    for (;;) {
      const high = next32() >>> 5;
      const low = next32() >>> 6;
      const u = (high * 67108864 + low) / 9007199254740992;
      if (u > 0) return u;
    }
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** A standard normal draw by inversion, using the precise normal quantile. */
export function standardNormalDraw(random: UniformSource): number {
  const u = random();
  if (!(u > 0 && u < 1)) throw new Error(`standardNormalDraw: random() returned ${u}, expected a number strictly between 0 and 1`);
  return normalQuantile(u);
}
