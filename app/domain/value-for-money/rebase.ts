/**
 * Bringing unit values to a chosen price year with a price index (for example the GDP
 * deflator, the Green Book's and GMCA's choice): value × index(to) ÷ index(from). No
 * index value is assumed: a year missing from the index leaves the value in its own
 * price year, and the estimate says so.
 */

export type PriceIndex = ReadonlyMap<number, number>;

export type Rebased = { valuePence: number; priceYear: number; rebased: boolean; note: string | null };

/** "2010-11" for 2010. */
export function financialYearLabel(year: number): string {
  return `${year}-${String((year + 1) % 100).padStart(2, "0")}`;
}

/** 2010 for "2010-11" or "2010/11", or null. */
export function parseFinancialYear(text: string): number | null {
  const m = /^(\d{4})[-/](\d{2})$/.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  return (year + 1) % 100 === Number(m[2]) ? year : null;
}

/** The value in `toYear` prices, rounded to the penny; unchanged (and saying why) when either year has no index value. */
export function rebasePence({ valuePence, fromYear, toYear, index }: { valuePence: number; fromYear: number; toYear: number; index: PriceIndex }): Rebased {
  if (fromYear === toYear) return { valuePence, priceYear: fromYear, rebased: false, note: null };
  const from = index.get(fromYear);
  const to = index.get(toYear);
  if (!from || !to) {
    const missing = [!from ? fromYear : null, !to ? toYear : null].filter((y): y is number => y !== null).map(financialYearLabel);
    return { valuePence, priceYear: fromYear, rebased: false, note: `Left in ${financialYearLabel(fromYear)} prices: the inflation index has no value for ${missing.join(" or ")}.` };
  }
  return { valuePence: Math.round((valuePence * to) / from), priceYear: toYear, rebased: true, note: null };
}
