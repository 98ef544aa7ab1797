/** Number formatting shared by server and browser: en-GB grouping, fixed decimals. */

export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "–";
  return Math.round(n).toLocaleString("en-GB");
}

export function formatDecimal(n: number | null | undefined, places = 1): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "–";
  return n.toLocaleString("en-GB", { minimumFractionDigits: places, maximumFractionDigits: places });
}

/** A proportion (0–1) as a percentage. */
export function formatShare(p: number | null | undefined, places = 0): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return "–";
  return `${(p * 100).toLocaleString("en-GB", { minimumFractionDigits: places, maximumFractionDigits: places })}%`;
}

/** Integer pence as pounds, e.g. 123456 → "£1,234.56" (or "£1,235" with whole: true). */
export function formatPence(pence: number | null | undefined, { whole = false } = {}): string {
  if (pence === null || pence === undefined || !Number.isFinite(pence)) return "–";
  const pounds = pence / 100;
  return `${pounds < 0 ? "−" : ""}£${Math.abs(pounds).toLocaleString("en-GB", { minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: whole ? 0 : 2 })}`;
}
