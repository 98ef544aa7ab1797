/**
 * The 2013 European Standard Population in the 19-band form used by Fingertips and
 * PHEindicatormethods (spec §3): 0–4 is the sum of ESP2013's <1 (1,000) and 1–4 (4,000) bands.
 * The weights total 100,000.
 */

/** One five-year age band of ESP2013 (the last band, 90+, is open-ended). */
export type Esp2013Band = {
  /** Display label, e.g. "0-4" or "90+". */
  label: string;
  /** First age in the band. */
  startAge: number;
  /** Last age in the band, or null for the open 90+ band. */
  endAge: number | null;
  /** Standard population weight. */
  weight: number;
};

/** ESP2013 weights from 0–4 up to 90+, in that order (19 values summing to 100,000). */
export const ESP2013: readonly number[] = Object.freeze([
  5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000,
  2500, 1500, 1000,
]);

/** ESP2013 as labelled age bands, in the same order as {@link ESP2013}. */
export const ESP2013_AGE_BANDS: readonly Esp2013Band[] = Object.freeze(
  ESP2013.map((weight, i): Esp2013Band => {
    const startAge = i * 5;
    const endAge = i === ESP2013.length - 1 ? null : startAge + 4;
    return Object.freeze({
      label: endAge === null ? `${startAge}+` : `${startAge}-${endAge}`,
      startAge,
      endAge,
      weight,
    });
  }),
);

/** Sum of the ESP2013 weights (100,000). */
export const ESP2013_TOTAL = 100_000;

/**
 * Attach the ESP2013 weights to 19 age-band rows ordered 0–4 … 90+, ready for
 * `directlyStandardisedRate`. Throws if there are not exactly 19 rows, because a silently
 * misaligned standard population would give a plausible but wrong rate.
 */
export function withEsp2013<Row extends object>(
  rows: readonly Row[],
): (Row & { standardPopulation: number })[] {
  if (rows.length !== ESP2013.length) {
    throw new Error(
      `withEsp2013: rows has ${rows.length} age bands but ESP2013 has ${ESP2013.length} (0-4 to 90+)`,
    );
  }
  return rows.map((row, i) => ({ ...row, standardPopulation: ESP2013[i] }));
}
