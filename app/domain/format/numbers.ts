/** Number formatting shared by server and browser: en-GB grouping, fixed decimals. */

// `toLocaleString` with options builds a new Intl.NumberFormat on every call; a page table
// formats thousands of numbers, and that was the largest single cost in rendering the ICB
// overview (CPU profile, `npm run bench`). One formatter per number of decimal places.
const formatters = new Map<number, Intl.NumberFormat>();
export function fixed(n: number, places: number): string {
  let f = formatters.get(places);
  if (!f) formatters.set(places, (f = new Intl.NumberFormat("en-GB", { minimumFractionDigits: places, maximumFractionDigits: places })));
  return f.format(n);
}

const upToFormatters = new Map<number, Intl.NumberFormat>();
/** As `n.toLocaleString("en-GB", { maximumFractionDigits: places })` (3: the default), with one formatter per count. */
export function upTo(n: number, places = 3): string {
  let f = upToFormatters.get(places);
  if (!f) upToFormatters.set(places, (f = new Intl.NumberFormat("en-GB", { maximumFractionDigits: places })));
  return f.format(n);
}

export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "–";
  return fixed(Math.round(n), 0);
}

export function formatDecimal(n: number | null | undefined, places = 1): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "–";
  return fixed(n, places);
}

/** A proportion (0–1) as a percentage. */
export function formatShare(p: number | null | undefined, places = 0): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return "–";
  return `${fixed(p * 100, places)}%`;
}

/** Integer pence as pounds, e.g. 123456 → "£1,234.56" (or "£1,235" with whole: true). */
export function formatPence(pence: number | null | undefined, { whole = false } = {}): string {
  if (pence === null || pence === undefined || !Number.isFinite(pence)) return "–";
  const pounds = pence / 100;
  return `${pounds < 0 ? "−" : ""}£${fixed(Math.abs(pounds), whole ? 0 : 2)}`;
}
