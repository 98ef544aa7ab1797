/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD) in UTC, and NHS financial-year quarters
 * (Q1 = April to June). No clock: "today" is always passed in.
 */

const DAY_MS = 86_400_000;

export function toDays(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

export function fromDays(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return fromDays(toDays(iso) + days);
}

export function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + months;
  const d = Number(iso.slice(8, 10));
  const first = new Date(Date.UTC(y, m, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}

export type Quarter = {
  /** The calendar year the financial year starts in (2025 for 2025-26). */
  year: number;
  quarter: 1 | 2 | 3 | 4;
  /** As the templates write it: "2025-26 Q1". */
  label: string;
  start: string;
  end: string;
};

export function quarterOf(iso: string): Quarter {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const year = m >= 4 ? y : y - 1;
  const quarter = (m >= 4 ? Math.floor((m - 4) / 3) + 1 : 4) as Quarter["quarter"];
  return quarterFrom(year, quarter);
}

export function quarterFrom(year: number, quarter: Quarter["quarter"]): Quarter {
  const startMonth = [4, 7, 10, 1][quarter - 1];
  const calendarYear = quarter === 4 ? year + 1 : year;
  const start = `${calendarYear}-${String(startMonth).padStart(2, "0")}-01`;
  return { year, quarter, label: `${year}-${String((year + 1) % 100).padStart(2, "0")} Q${quarter}`, start, end: addDays(addMonths(start, 3), -1) };
}

export function nextQuarter(q: Quarter): Quarter {
  return q.quarter === 4 ? quarterFrom(q.year + 1, 1) : quarterFrom(q.year, (q.quarter + 1) as Quarter["quarter"]);
}

/** The quarters from `first` to the one containing `last`, in order. */
export function quartersBetween(first: Quarter, lastIso: string): Quarter[] {
  const out: Quarter[] = [];
  for (let q = first; q.start <= lastIso; q = nextQuarter(q)) out.push(q);
  return out;
}

/** Whole months between two dates (for award durations). */
export function monthsBetween(fromIso: string, toIso: string): number {
  return (Number(toIso.slice(0, 4)) - Number(fromIso.slice(0, 4))) * 12 + Number(toIso.slice(5, 7)) - Number(fromIso.slice(5, 7));
}
