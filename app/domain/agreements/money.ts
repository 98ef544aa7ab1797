/**
 * Money on agreements: pounds as people type them turned into integer pence, and a
 * payment schedule that splits a value into instalments over the term without losing
 * or inventing a penny.
 */
import { addDays, addMonths } from "../synthetic/dates";

/** "£120,000.50", "120000.5" or "120000" → pence; null when it is not an amount of money. */
export function parsePoundsToPence(text: string): number | null {
  const cleaned = text.trim().replace(/^£/, "").replace(/,/g, "").trim();
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [pounds, pence = ""] = cleaned.split(".");
  const value = Number(pounds) * 100 + Number(pence.padEnd(2, "0"));
  return Number.isSafeInteger(value) ? value : null;
}

/** Pence as the form shows them back: "120000.50", whole pounds without decimals. */
export function penceToPoundsText(pence: number): string {
  return pence % 100 === 0 ? String(pence / 100) : (pence / 100).toFixed(2);
}

export const PAYMENT_FREQUENCIES = [
  { code: "quarterly-advance", label: "Quarterly in advance", months: 3, advance: true },
  { code: "quarterly-arrears", label: "Quarterly in arrears", months: 3, advance: false },
  { code: "monthly-arrears", label: "Monthly in arrears", months: 1, advance: false },
  { code: "annual-advance", label: "Annually in advance", months: 12, advance: true },
  { code: "single", label: "One payment at the start", months: 0, advance: true },
] as const;
export type PaymentFrequency = (typeof PAYMENT_FREQUENCIES)[number]["code"];
export const PAYMENT_FREQUENCY_CODES = PAYMENT_FREQUENCIES.map((f) => f.code) as [PaymentFrequency, ...PaymentFrequency[]];

/**
 * Instalments over the term: one per period (in advance: due on its first day; in
 * arrears: the day after it ends, capped at the end date). The value is split evenly
 * in whole pence and the remainder goes on the last instalment, so they always add up.
 */
export function paymentSchedule({ valuePence, startDate, endDate, frequency }: { valuePence: number; startDate: string; endDate: string; frequency: PaymentFrequency }): { dueDate: string; amountPence: number }[] {
  const rule = PAYMENT_FREQUENCIES.find((f) => f.code === frequency)!;
  if (valuePence <= 0) return [];
  const periods: { start: string; end: string }[] = [];
  if (rule.months === 0) periods.push({ start: startDate, end: endDate });
  else {
    for (let i = 0; addMonths(startDate, i * rule.months) <= endDate; i++) {
      const start = addMonths(startDate, i * rule.months);
      const next = addMonths(startDate, (i + 1) * rule.months);
      periods.push({ start, end: addDays(next, -1) < endDate ? addDays(next, -1) : endDate });
    }
  }
  const each = Math.floor(valuePence / periods.length);
  return periods.map((p, i) => ({
    dueDate: rule.advance ? p.start : p.end,
    amountPence: i === periods.length - 1 ? valuePence - each * (periods.length - 1) : each,
  }));
}

/** Paid against awarded, for the payments tab and the register. */
export function spendSummary({ valuePence, schedule, paid, today }: { valuePence: number; schedule: { dueDate: string; amountPence: number }[]; paid: { amountPence: number }[]; today: string }) {
  const paidPence = paid.reduce((s, p) => s + p.amountPence, 0);
  const dueToDatePence = schedule.filter((s) => s.dueDate <= today).reduce((s, p) => s + p.amountPence, 0);
  return { valuePence, paidPence, dueToDatePence, remainingPence: valuePence - paidPence, paidShare: valuePence > 0 ? paidPence / valuePence : null, overpaid: paidPence > valuePence };
}
