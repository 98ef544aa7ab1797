/**
 * Rounding rules that must match the reference implementations exactly, because they decide
 * array positions (SII limits), axis points (funnels) and category bounds (quintiles).
 */

/** Round to the nearest integer with ties to even, as R's `round(x)` does. */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** Round half away from zero to `digits` decimals, as C#'s MidpointRounding.AwayFromZero. */
export function roundHalfAwayFromZero(x: number, digits: number): number {
  const factor = 10 ** digits;
  const scaled = Math.abs(x) * factor;
  // Beyond 2^52 every double is already an integer at this scale; rounding would only add error.
  if (scaled >= 2 ** 52) return x;
  return (Math.sign(x) * Math.round(scaled)) / factor;
}
