/**
 * Statistical disclosure control for counts of people shown or exported below national
 * level (STATISTICS.md §12, domain.md §5; NHS Digital's HES/ECDS method): counts of 1–7
 * are replaced by `*`, every other count is rounded to the nearest 5, and zero stays 0
 * (NHS Digital shows zeros; a zero says no one had the thing, which identifies nobody).
 *
 * Figures are always computed from the unrounded data first; these functions only decide
 * what may be shown.
 */

/** The largest count that is suppressed (1–7 → `*`). */
export const SUPPRESS_UP_TO = 7;
/** Counts above the threshold are rounded to a multiple of this. */
export const ROUND_TO = 5;
/** Means, medians and sums are shown only when they rest on at least this many people. */
export const MINIMUM_PEOPLE = 8;

/** What a figure shows after disclosure control: a value, or nothing (`*`) and why. */
export type Disclosed = {
  /** The figure to show (a count rounded to 5; a mean or sum as computed), or null when hidden. */
  value: number | null;
  /** Why it is hidden: primary (it is small itself) or secondary (it would reveal a small one). */
  hidden: "primary" | "secondary" | null;
};

export const SUPPRESSED_MARK = "*";

/** Nearest multiple of `step`; halves (only possible for non-integers) round up. */
export function roundToNearest(n: number, step = ROUND_TO): number {
  return Math.floor(n / step + 0.5) * step;
}

/** True when a count of people must not be shown (1–7). */
export function isSmallCount(n: number): boolean {
  return n >= 1 && n <= SUPPRESS_UP_TO;
}

/** A count of people as it may be shown: 0, `*` for 1–7, otherwise rounded to the nearest 5. */
export function discloseCount(n: number): Disclosed {
  if (!Number.isFinite(n) || n < 0) throw new Error(`discloseCount: a count must be a finite number not below 0 (got ${n})`);
  if (n === 0) return { value: 0, hidden: null };
  if (isSmallCount(n)) return { value: null, hidden: "primary" };
  return { value: roundToNearest(n), hidden: null };
}

/** The text of a disclosed figure: `*` when hidden, otherwise the formatted value. */
export function disclosedText(d: Disclosed, format: (n: number) => string = String): string {
  return d.value === null ? SUPPRESSED_MARK : format(d.value);
}
