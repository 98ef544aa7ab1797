/**
 * Life expectancy by the Chiang II abridged life table with Silcocks' variance for the
 * open-ended band (spec §6, optional; PHEindicatormethods `phe_life_expectancy`; Chiang 1968;
 * Silcocks, Jenner & Reza 2001).
 */
import type { Confidence } from "./types";
import { Z_95, assertConfidence, assertFinite, zForConfidence } from "./validation";

/** The 20 band start ages the method needs: 0, 1, 5, 10, …, 85, 90 (90+ is open). */
export const LIFE_TABLE_START_AGES: readonly number[] = Object.freeze([
  0, 1, ...Array.from({ length: 18 }, (_, i) => (i + 1) * 5),
]);

/** Areas with this total population or less get no life expectancy (spec §6). */
export const LIFE_EXPECTANCY_MINIMUM_POPULATION = 5000;

/** One age band of the input: deaths and (mid-year) population. */
export type LifeTableBand = { startAge: number; deaths: number; population: number };

/** Life expectancy at the start of one band. */
export type LifeExpectancyAtAge = {
  startAge: number;
  /** e_x in years; null when its 95% CI is wider than 20 years (limits are still given). */
  value: number | null;
  standardError: number | null;
  lower: number | null;
  upper: number | null;
};

/** The life table result for an area. */
export type LifeExpectancyResult = {
  bands: LifeExpectancyAtAge[];
  /** True when the whole area is NA (invalid or too-small input). */
  suppressed: boolean;
  suppressionReason: string | null;
};

function suppressedResult(reason: string): LifeExpectancyResult {
  return {
    bands: LIFE_TABLE_START_AGES.map((startAge) => ({
      startAge,
      value: null,
      standardError: null,
      lower: null,
      upper: null,
    })),
    suppressed: true,
    suppressionReason: reason,
  };
}

/**
 * Life expectancy at each band start age, with confidence limits.
 *
 * Following PHEindicatormethods, invalid data make the area NA rather than throwing: not exactly
 * the 20 bands 0, 1, 5, …, 90; deaths < 0; population ≤ 0; deaths > population; or total
 * population ≤ 5,000. Non-finite numbers still throw. We also return NA when the 90+ band has no
 * deaths, because its expectancy 1/M is then infinite (the spec does not cover this case).
 * A single e_x is blanked when 1.959964 × SE > 10 (95% CI wider than 20 years).
 */
export function lifeExpectancy(args: {
  bands: readonly LifeTableBand[];
  confidence: Confidence;
}): LifeExpectancyResult {
  const fn = "lifeExpectancy";
  const { confidence } = args;
  assertConfidence(fn, confidence);
  if (!Array.isArray(args.bands as unknown)) throw new Error(`${fn}: bands must be an array`);
  args.bands.forEach((band, i) => {
    assertFinite(fn, `bands[${i}].startAge`, band.startAge);
    assertFinite(fn, `bands[${i}].deaths`, band.deaths);
    assertFinite(fn, `bands[${i}].population`, band.population);
  });
  const bands = [...args.bands].sort((a, b) => a.startAge - b.startAge);
  if (
    bands.length !== LIFE_TABLE_START_AGES.length ||
    bands.some((band, i) => band.startAge !== LIFE_TABLE_START_AGES[i])
  ) {
    return suppressedResult("bands must be exactly the 20 start ages 0, 1, 5, 10, ..., 85, 90");
  }
  if (bands.some((b) => b.deaths < 0)) return suppressedResult("some deaths are negative");
  if (bands.some((b) => b.population <= 0)) return suppressedResult("some populations are 0 or less");
  if (bands.some((b) => b.deaths > b.population)) return suppressedResult("some deaths exceed the population");
  const totalPopulation = bands.reduce((s, b) => s + b.population, 0);
  if (totalPopulation <= LIFE_EXPECTANCY_MINIMUM_POPULATION) {
    return suppressedResult("total population is 5,000 or less");
  }
  const last = bands.length - 1;
  if (bands[last].deaths === 0) return suppressedResult("no deaths in the open-ended 90+ band");

  const deaths = bands.map((b) => b.deaths);
  const m = bands.map((b) => b.deaths / b.population);
  const width = bands.map((b, i) => (i === last ? 2 / m[last] : LIFE_TABLE_START_AGES[i + 1] - b.startAge));
  const a = bands.map((_, i) => (i === 0 ? 0.1 : 0.5));
  const q = bands.map((b, i) => {
    if (i === last) return 1;
    const nM = width[i] * m[i];
    return b.deaths <= b.population / (width[i] * a[i]) ? nM / (1 + nM * (1 - a[i])) : 1;
  });
  const l = [100_000];
  for (let i = 0; i < last; i++) l.push(l[i] * (1 - q[i]));
  const d = l.map((li, i) => (i === last ? li : li - l[i + 1]));
  const lived = l.map((li, i) => (i === last ? li / m[last] : width[i] * (l[i + 1] + a[i] * d[i])));
  const total = new Array<number>(bands.length);
  let running = 0;
  for (let i = last; i >= 0; i--) {
    running += lived[i];
    total[i] = running;
  }
  const e = l.map((li, i) => (li > 0 ? total[i] / li : 0));

  const s2 = q.map((qi, i) => {
    if (i === last) return 4 / (deaths[last] * m[last] * m[last]);
    return d[i] === 0 ? 0 : (qi * qi * (1 - qi)) / deaths[i];
  });
  const w = l.map((li, i) =>
    i === last
      ? (li / 2) ** 2 * s2[last]
      : s2[i] * li * li * ((1 - a[i]) * width[i] + e[i + 1]) ** 2,
  );
  const z = zForConfidence(confidence);
  const result: LifeExpectancyAtAge[] = [];
  let sumW = 0;
  const se = new Array<number>(bands.length);
  for (let i = last; i >= 0; i--) {
    sumW += w[i];
    se[i] = Math.sqrt(sumW) / l[i];
  }
  for (let i = 0; i <= last; i++) {
    const valid = l[i] > 0 && Number.isFinite(se[i]);
    const standardError = valid ? se[i] : null;
    result.push({
      startAge: bands[i].startAge,
      // The reliability rule is fixed at 95% whatever confidence is requested.
      value: valid && Z_95 * se[i] <= 10 ? e[i] : null,
      standardError,
      lower: standardError === null ? null : e[i] - z * standardError,
      upper: standardError === null ? null : e[i] + z * standardError,
    });
  }
  return { bands: result, suppressed: false, suppressionReason: null };
}
