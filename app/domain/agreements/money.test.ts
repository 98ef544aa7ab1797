import { expect, test } from "vitest";
import { parsePoundsToPence, paymentSchedule, penceToPoundsText, spendSummary } from "./money";

test.each([
  ["120000", 12_000_000],
  ["£120,000.50", 12_000_050],
  [" 0.5 ", 50],
  ["0.05", 5],
  ["1.234", null],
  ["-5", null],
  ["twelve", null],
  ["", null],
])("%j is %j pence", (text, pence) => {
  expect(parsePoundsToPence(text)).toBe(pence);
});

test.each([
  [12_000_000, "120000"],
  [12_000_050, "120000.50"],
  [5, "0.05"],
])("%d pence shows back as %s", (pence, text) => {
  expect(parsePoundsToPence(penceToPoundsText(pence))).toBe(pence);
  expect(penceToPoundsText(pence)).toBe(text);
});

test.each([
  ["quarterly-advance", 10_000_000, "2025-04-01", "2026-03-31", [["2025-04-01", 2_500_000], ["2025-07-01", 2_500_000], ["2025-10-01", 2_500_000], ["2026-01-01", 2_500_000]]],
  ["quarterly-arrears", 10_000_001, "2025-04-01", "2026-03-31", [["2025-06-30", 2_500_000], ["2025-09-30", 2_500_000], ["2025-12-31", 2_500_000], ["2026-03-31", 2_500_001]]],
  ["annual-advance", 300, "2025-04-01", "2028-03-31", [["2025-04-01", 100], ["2026-04-01", 100], ["2027-04-01", 100]]],
  ["single", 999, "2025-04-01", "2026-03-31", [["2025-04-01", 999]]],
  ["monthly-arrears", 100, "2025-04-01", "2025-06-15", [["2025-04-30", 33], ["2025-05-31", 33], ["2025-06-15", 34]]],
  ["quarterly-advance", 0, "2025-04-01", "2026-03-31", []],
] as const)("%s payment of %d pence from %s to %s is %j", (frequency, valuePence, startDate, endDate, expected) => {
  const schedule = paymentSchedule({ valuePence, startDate, endDate, frequency });
  expect(schedule.map((s) => [s.dueDate, s.amountPence])).toEqual(expected);
  expect(schedule.reduce((s, p) => s + p.amountPence, 0)).toBe(expected.length ? valuePence : 0);
});

test("spend to date compares what was paid with the value and what has fallen due", () => {
  const schedule = [
    { dueDate: "2025-04-01", amountPence: 500 },
    { dueDate: "2025-07-01", amountPence: 500 },
  ];
  expect(spendSummary({ valuePence: 1000, schedule, paid: [{ amountPence: 300 }, { amountPence: 200 }], today: "2025-05-01" })).toEqual({
    valuePence: 1000,
    paidPence: 500,
    dueToDatePence: 500,
    remainingPence: 500,
    paidShare: 0.5,
    overpaid: false,
  });
});
