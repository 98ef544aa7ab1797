/**
 * Scales and axis ticks for the server-rendered charts: plain arithmetic, no chart
 * library. A scale maps a value in its domain to a position in its range; ticks are
 * "nice" numbers (1, 2 or 5 × a power of ten) covering the domain.
 */

export type Scale = (value: number) => number;

/** A linear map from domain to range; a zero-width domain maps everything to the range's middle. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d1 === d0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (value) => r0 + (value - d0) * k;
}

/**
 * The nice step (1, 2 or 5 × 10^k) that splits a span into about `count` intervals,
 * choosing whichever is nearest on a log scale (the rule d3's ticks use).
 */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !(count > 0)) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction >= Math.sqrt(50) ? 10 : fraction >= Math.sqrt(10) ? 5 : fraction >= Math.sqrt(2) ? 2 : 1;
  return nice * power;
}

/** Rounds away floating-point dust (0.30000000000000004 → 0.3) at the step's precision. */
function tidy(value: number, step: number): number {
  const places = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(value.toFixed(Math.min(places, 12)));
}

/**
 * Extends [min, max] outwards to whole nice steps and lists the ticks. A domain of
 * one value is widened so the axis still has a span.
 */
export function niceAxis(min: number, max: number, count = 5): { domain: [number, number]; ticks: number[]; step: number } {
  let lo = Math.min(min, max);
  let hi = Math.max(min, max);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { domain: [0, 1], ticks: [0, 1], step: 1 };
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const step = niceStep(hi - lo, count);
  const start = Math.floor(lo / step) * step;
  const end = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let v = start; v <= end + step / 2; v += step) ticks.push(tidy(v, step));
  return { domain: [tidy(start, step), tidy(end, step)], ticks, step };
}

/** Decimal places that show a tick step exactly (step 0.5 → 1, step 20 → 0). */
export function decimalsForStep(step: number): number {
  if (!(step > 0)) return 0;
  return Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));
}

/** The smallest and largest finite numbers of a list, or null when there are none. */
export function extent(values: readonly (number | null | undefined)[]): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo === Infinity ? null : [lo, hi];
}

/** Decimal places to show an indicator's values with: whole numbers for large values, one place otherwise. */
export function valueDecimals(unit: string, values: readonly (number | null | undefined)[]): number {
  const range = extent(values);
  if (/per 100,?000/i.test(unit)) return 1;
  if (!range) return 1;
  const magnitude = Math.max(Math.abs(range[0]), Math.abs(range[1]));
  if (magnitude >= 1000) return 0;
  if (magnitude < 1) return 2;
  return 1;
}
