/**
 * Time periods as published (Fingertips labels such as "2015/16", "2015 - 17",
 * "2022/23 Q1", "Mar 2020") turned into the dates they cover, so that periods sort
 * and filter by date while the label is kept exactly as the source wrote it.
 */
export type PeriodRange = { start: string; end: string };

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const monthStart = (year: number, month: number) => iso(year, month, 1);
const monthEnd = (year: number, month: number) => iso(year, month, lastDay(year, month));

/** "17" after 2015 is 2017; "01" after 2099 is 2101. */
function laterYear(first: number, short: string): number {
  if (short.length === 4) return Number(short);
  const century = Math.floor(first / 100) * 100;
  const candidate = century + Number(short);
  return candidate < first ? candidate + 100 : candidate;
}

function monthIndex(name: string): number | null {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return i < 0 ? null : i + 1;
}

/** Financial years run April to March, as in Fingertips (which also writes academic years this way). */
const financialYear = (first: number, last: number): PeriodRange => ({ start: monthStart(first, 4), end: monthEnd(last + 1, 3) });

const RULES: { pattern: RegExp; range(m: RegExpMatchArray): PeriodRange | null }[] = [
  // 2015
  { pattern: /^(\d{4})$/, range: (m) => ({ start: iso(+m[1], 1, 1), end: iso(+m[1], 12, 31) }) },
  // 2015 - 17, 2015-2017
  {
    pattern: /^(\d{4})\s*-\s*(\d{2}|\d{4})$/,
    range: (m) => ({ start: iso(+m[1], 1, 1), end: iso(laterYear(+m[1], m[2]), 12, 31) }),
  },
  // 2015/16
  { pattern: /^(\d{4})\/(\d{2})$/, range: (m) => financialYear(+m[1], +m[1]) },
  // 2019/20 - 21/22, 2019/20 - 2021/22
  {
    pattern: /^(\d{4})\/(\d{2})\s*-\s*(\d{2}|\d{4})\/(\d{2})$/,
    range: (m) => financialYear(+m[1], laterYear(+m[1], m[3])),
  },
  // 2022/23 Q1 (financial quarters: Q1 is April to June)
  {
    pattern: /^(\d{4})\/(\d{2})\s*Q([1-4])$/i,
    range: (m) => {
      const q = +m[3];
      const year = q === 4 ? +m[1] + 1 : +m[1];
      const first = q === 4 ? 1 : 4 + (q - 1) * 3;
      return { start: monthStart(year, first), end: monthEnd(year, first + 2) };
    },
  },
  // 2020 Q1 (calendar quarters)
  {
    pattern: /^(\d{4})\s*Q([1-4])$/i,
    range: (m) => {
      const first = (+m[2] - 1) * 3 + 1;
      return { start: monthStart(+m[1], first), end: monthEnd(+m[1], first + 2) };
    },
  },
  // Mar 2020, March 2020
  {
    pattern: /^([A-Za-z]{3,9})\s+(\d{4})$/,
    range: (m) => {
      const month = monthIndex(m[1]);
      return month === null ? null : { start: monthStart(+m[2], month), end: monthEnd(+m[2], month) };
    },
  },
  // Oct 2019 - Sep 2020
  {
    pattern: /^([A-Za-z]{3,9})\s+(\d{4})\s*-\s*([A-Za-z]{3,9})\s+(\d{4})$/,
    range: (m) => {
      const from = monthIndex(m[1]);
      const to = monthIndex(m[3]);
      return from === null || to === null ? null : { start: monthStart(+m[2], from), end: monthEnd(+m[4], to) };
    },
  },
];

/**
 * The dates a period label covers, or null when the label is not one of the known
 * shapes. `sortable` (Fingertips "Time period Sortable", e.g. 20150000) and `range`
 * ("1y", "3y") are used only when the label itself cannot be read.
 */
export function parsePeriod(label: string, hints: { sortable?: string | null; range?: string | null } = {}): PeriodRange | null {
  const text = label.trim().replace(/\s+/g, " ");
  for (const rule of RULES) {
    const m = text.match(rule.pattern);
    if (m) {
      const r = rule.range(m);
      if (r && r.start <= r.end) return r;
    }
  }
  const sortable = hints.sortable?.trim().match(/^(\d{4})\d{4}$/);
  if (sortable) {
    const years = Number(hints.range?.trim().match(/^(\d+)y$/)?.[1] ?? 1);
    const first = Number(sortable[1]);
    return { start: iso(first, 1, 1), end: iso(first + Math.max(1, years) - 1, 12, 31) };
  }
  return null;
}
