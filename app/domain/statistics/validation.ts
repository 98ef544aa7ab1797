/**
 * Argument checks shared by the statistics functions.
 *
 * Every message names the function, the argument and the offending value, e.g.
 * `proportionCI: numerator (12) is greater than denominator (10)`, because these errors surface
 * in import logs where the caller's stack is not always visible.
 */
import { normalQuantile } from "./normal-distribution";
import type { Confidence, Polarity } from "./types";

/** True for `null` or `undefined`: the spec's "missing" (NA), which is not an error (§0). */
export function isMissing(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  return String(value);
}

/** Throws unless `value` is a finite number. */
export function assertFinite(fn: string, name: string, value: unknown): asserts value is number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new Error(`${fn}: ${name} (${describe(value)}) must be a finite number`);
  }
}

/** Throws unless `value` is a finite number ≥ 0 (event counts). */
export function assertNonNegative(fn: string, name: string, value: unknown): asserts value is number {
  assertFinite(fn, name, value);
  if (value < 0) throw new Error(`${fn}: ${name} (${value}) must not be negative`);
}

/** Throws unless `value` is a finite number > 0 (denominators, populations). */
export function assertPositive(fn: string, name: string, value: unknown): asserts value is number {
  assertFinite(fn, name, value);
  if (value <= 0) throw new Error(`${fn}: ${name} (${value}) must be greater than 0`);
}

/**
 * Throws unless confidence is exactly 0.95 or 0.998.
 * PHEindicatormethods also accepts 95 / 99.8 and any level from 0.9 to 1; the product only ever
 * shows 95% and 99.8% limits, so anything else is treated as a caller bug rather than guessed at.
 */
export function assertConfidence(fn: string, confidence: unknown): asserts confidence is Confidence {
  if (confidence !== 0.95 && confidence !== 0.998) {
    throw new Error(`${fn}: confidence (${describe(confidence)}) must be 0.95 or 0.998`);
  }
}

const POLARITIES: readonly Polarity[] = ["high-is-good", "low-is-good", "no-judgement", "not-applicable"];

/** Throws unless polarity is one of the four metadata polarities. */
export function assertPolarity(fn: string, polarity: unknown): asserts polarity is Polarity {
  if (!POLARITIES.includes(polarity as Polarity)) {
    throw new Error(`${fn}: polarity (${describe(polarity)}) must be one of ${POLARITIES.join(", ")}`);
  }
}

/** Throws unless the multiplier is a finite number other than 0. */
export function assertMultiplier(fn: string, multiplier: unknown): asserts multiplier is number {
  assertFinite(fn, "multiplier", multiplier);
  if (multiplier === 0) throw new Error(`${fn}: multiplier (0) must not be 0`);
}

/** One-sided tail probability for each two-sided confidence level: (1 − c) / 2. */
export const TAIL_PROBABILITY: Readonly<Record<Confidence, number>> = { 0.95: 0.025, 0.998: 0.001 };

/**
 * z = Φ⁻¹(c + (1 − c)/2) at full precision (spec §0): 1.959963984540054 at 95% and
 * 3.090232306167813 at 99.8%. It is computed from the exact lower-tail probability (0.025 or
 * 0.001) because c + (1 − c)/2 is not exactly representable in binary floating point.
 */
export function zForConfidence(confidence: Confidence): number {
  return -normalQuantile(TAIL_PROBABILITY[confidence]);
}

/** z for 95%, used where the spec fixes 95% regardless of the requested level (SII, LE). */
export const Z_95 = zForConfidence(0.95);
/** z for 99.8%. */
export const Z_998 = zForConfidence(0.998);

/** Multiply a natural-scale figure for display, keeping `null` as `null`. */
export function scale(value: number | null, multiplier: number): number | null {
  return value === null ? null : value * multiplier;
}
