/**
 * Quintile-based RAG and deprivation-style quantiles (spec §9).
 *
 * Two Fingertips generations differ, so both are here under explicit names:
 *
 * - `quintileRag` — **legacy Fingertips percentile bounds** (QuintilesComparer /
 *   ValueCategoriesCalculator). This is the product's chosen quintile method: bounds come from
 *   Excel PERCENTILE.INC over the comparison set, so tied values always share a quintile and
 *   the result does not depend on row order.
 * - `ntileQuintiles` — FingertipsNext's `NTILE(5) OVER (ORDER BY Value)`, for parity checks
 *   against the new service. NTILE can split tied values across quintiles.
 * - `pheQuantile` — PHEindicatormethods `phe_quantile`, for inequality breakdowns, where
 *   quantile 1 is the *worst* (the opposite of the Fingertips quintile convention).
 */
import { roundHalfAwayFromZero } from "./rounding";
import type { Polarity } from "./types";
import { assertFinite, assertPolarity, isMissing } from "./validation";

/** A quintile (or quartile) number, 1 = lowest values. */
export type QuintileNumber = 1 | 2 | 3 | 4 | 5;

/** Labels for RAG polarities (Best … Worst) and for no judgement (Lowest … Highest). */
export type QuintileLabel =
  | "Best"
  | "Better"
  | "Middle"
  | "Worse"
  | "Worst"
  | "Lowest"
  | "Low"
  | "High"
  | "Highest";

/**
 * A quintile result. `quintile` counts from the lowest values (1) to the highest (5);
 * `category` is the polarity-adjusted Fingertips category, where 1 is always "Best" for RAG
 * polarities (legacy rule: high is good → 6 − k) and 1 is "Lowest" for no judgement.
 */
export type QuintileResult =
  | { compared: true; quintile: QuintileNumber; category: QuintileNumber; label: QuintileLabel }
  | { compared: false; quintile: null; category: null; label: "Not compared" };

/** Minimum number of valid values needed to form quintiles (§8.3 rule 7, §9). */
export const QUINTILE_MINIMUM_VALUES = 5;

const RAG_LABELS: readonly QuintileLabel[] = ["Best", "Better", "Middle", "Worse", "Worst"];
const NEUTRAL_LABELS: readonly QuintileLabel[] = ["Lowest", "Low", "Middle", "High", "Highest"];

function notCompared(): QuintileResult {
  return { compared: false, quintile: null, category: null, label: "Not compared" };
}

function labelled(quintile: QuintileNumber, polarity: Polarity): QuintileResult {
  if (polarity === "no-judgement") {
    return { compared: true, quintile, category: quintile, label: NEUTRAL_LABELS[quintile - 1] };
  }
  // Category 1 is always Best: reverse the order when high values are good.
  const category = (polarity === "high-is-good" ? 6 - quintile : quintile) as QuintileNumber;
  return { compared: true, quintile, category, label: RAG_LABELS[category - 1] };
}

/**
 * Excel PERCENTILE.INC of ascending `sortedValues` at `fraction` (0–1), rounded to 10 dp as
 * legacy Fingertips does (to remove artefacts such as 30.8000000000000000006):
 * h = (m − 1)f + 1; P = v[⌊h⌋] + (h − ⌊h⌋)(v[⌊h⌋+1] − v[⌊h⌋]) with 1-based v.
 */
export function percentileInc(sortedValues: readonly number[], fraction: number): number {
  const fn = "percentileInc";
  const m = sortedValues.length;
  if (m === 0) throw new Error(`${fn}: sortedValues must not be empty`);
  assertFinite(fn, "fraction", fraction);
  if (fraction < 0 || fraction > 1) throw new Error(`${fn}: fraction (${fraction}) must be between 0 and 1`);
  for (let i = 1; i < m; i++) {
    if (!(sortedValues[i - 1] <= sortedValues[i])) {
      throw new Error(`${fn}: sortedValues must be finite and in ascending order (index ${i})`);
    }
  }
  const h = (m - 1) * fraction + 1;
  if (h === 1) return sortedValues[0];
  if (h === m) return sortedValues[m - 1];
  const k = Math.floor(h);
  const d = h - k;
  return roundHalfAwayFromZero(sortedValues[k - 1] + d * (sortedValues[k] - sortedValues[k - 1]), 10);
}

function validValues(fn: string, values: readonly (number | null | undefined)[]): number[] {
  if (!Array.isArray(values as unknown)) throw new Error(`${fn}: values must be an array`);
  const valid: number[] = [];
  values.forEach((v, i) => {
    if (isMissing(v)) return;
    assertFinite(fn, `values[${i}]`, v);
    valid.push(v);
  });
  return valid;
}

/**
 * Legacy Fingertips category bounds [min, P(1/bins), …, P((bins−1)/bins), max] over the valid
 * (non-missing) values, or null when there are fewer than `bins` valid values (at least 5 for
 * quintiles, §9). `bins` is 5 for quintiles or 4 for quartiles.
 */
export function quantileBounds(
  values: readonly (number | null | undefined)[],
  bins: 4 | 5 = 5,
): number[] | null {
  const fn = "quantileBounds";
  if (bins !== 4 && bins !== 5) throw new Error(`${fn}: bins (${bins}) must be 4 or 5`);
  const sorted = validValues(fn, values).sort((a, b) => a - b);
  if (sorted.length < bins) return null;
  const step = 1 / bins;
  const bounds = [sorted[0]];
  for (let i = 1; i < bins; i++) bounds.push(percentileInc(sorted, step * i));
  bounds.push(sorted[sorted.length - 1]);
  return bounds;
}

/**
 * The raw bin k (1 = lowest) for `value` given bounds from {@link quantileBounds}: the first
 * k with value ≤ bound[k]. Throws when the value is above the maximum, as legacy Fingertips
 * does, because the area should be part of its own comparison set.
 */
export function binForValue(value: number, bounds: readonly number[]): number {
  const fn = "binForValue";
  assertFinite(fn, "value", value);
  for (let k = 1; k < bounds.length; k++) {
    if (value <= bounds[k]) return k;
  }
  throw new Error(
    `${fn}: value (${value}) is above the largest value in the comparison set (${bounds[bounds.length - 1]})`,
  );
}

/**
 * Legacy Fingertips quintile RAG for one area (spec §9, "percentile bounds").
 *
 * `comparisonValues` is the whole comparison set (e.g. all counties in England, including this
 * area). Not compared when the polarity is not applicable, the area value is missing, or the
 * comparison set has fewer than 5 valid values (§8.3 rule 7). With high is good, the highest
 * quintile is category 1 "Best"; with low is good the lowest is; with no judgement the labels
 * run Lowest … Highest.
 */
export function quintileRag(args: {
  value: number | null | undefined;
  comparisonValues: readonly (number | null | undefined)[];
  polarity: Polarity;
}): QuintileResult {
  const fn = "quintileRag";
  assertPolarity(fn, args.polarity);
  const bounds = quantileBounds(args.comparisonValues, 5);
  if (!isMissing(args.value)) assertFinite(fn, "value", args.value);
  if (args.polarity === "not-applicable" || isMissing(args.value) || bounds === null) {
    return notCompared();
  }
  return labelled(binForValue(args.value, bounds) as QuintileNumber, args.polarity);
}

/**
 * FingertipsNext quintiles: NTILE(5) over the values in ascending order, with larger groups
 * first (e.g. 12 values → sizes 3, 3, 2, 2, 2). Returns one result per input, in input order;
 * missing inputs, or fewer than 5 valid values, are not compared. SQL leaves the order of tied
 * values unspecified; here ties keep their input order, so results are reproducible.
 */
export function ntileQuintiles(args: {
  values: readonly (number | null | undefined)[];
  polarity: Polarity;
}): QuintileResult[] {
  const fn = "ntileQuintiles";
  assertPolarity(fn, args.polarity);
  validValues(fn, args.values);
  const indexed = args.values
    .map((value, index) => ({ value, index }))
    .filter((row): row is { value: number; index: number } => !isMissing(row.value));
  const results: QuintileResult[] = args.values.map(() => notCompared());
  if (args.polarity === "not-applicable" || indexed.length < QUINTILE_MINIMUM_VALUES) return results;
  indexed.sort((a, b) => a.value - b.value || a.index - b.index);
  const n = indexed.length;
  const size = Math.floor(n / 5);
  const larger = n % 5;
  let position = 0;
  for (let group = 1; group <= 5; group++) {
    const groupSize = size + (group <= larger ? 1 : 0);
    for (let j = 0; j < groupSize; j++, position++) {
      results[indexed[position].index] = labelled(group as QuintileNumber, args.polarity);
    }
  }
  return results;
}

/**
 * PHEindicatormethods `phe_quantile`: q = floor((Q+1) − ceil(((N+1) − rank)/(N/Q))), with
 * q = 0 → 1 and rank ties "min". Ascending rank by default; `invert` ranks descending so that
 * quantile 1 holds the highest values. PHE maps "RAG – Low is good" to invert = true, making
 * quantile 1 the worst. Missing values, or all values when N < Q, give null.
 * The arithmetic is written in R's order so floating-point ties resolve exactly as in R.
 */
export function pheQuantile(args: {
  values: readonly (number | null | undefined)[];
  quantiles: number;
  invert?: boolean;
}): (number | null)[] {
  const fn = "pheQuantile";
  const { quantiles: q, invert = false } = args;
  if (!Number.isInteger(q) || q < 1) throw new Error(`${fn}: quantiles (${q}) must be a whole number of 1 or more`);
  validValues(fn, args.values);
  const present = args.values
    .map((value, index) => ({ value, index }))
    .filter((row): row is { value: number; index: number } => !isMissing(row.value));
  const n = present.length;
  const result: (number | null)[] = args.values.map(() => null);
  if (n < q) return result;
  const direction = invert ? -1 : 1;
  present.sort((a, b) => direction * (a.value - b.value));
  let rank = 1;
  for (let i = 0; i < n; i++) {
    if (i > 0 && present[i].value !== present[i - 1].value) rank = i + 1;
    let quantile = Math.floor(q + 1 - Math.ceil((n + 1 - rank) / (n / q)));
    if (quantile === 0) quantile = 1;
    result[present[i].index] = quantile;
  }
  return result;
}
